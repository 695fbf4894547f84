package org.defensefund.tracker.clientreminders;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.defensefund.tracker.shared.SchemaReady;
import org.defensefund.tracker.shared.Settings;

/**
 * Runs the {@link ClientReminderPlanner} every {@code tracker.client.reminders.interval.minutes} (or
 * {@code TRACKER_CLIENT_REMINDERS_INTERVAL_MINUTES}; default 60, 0 for never) from the container's scheduled executor,
 * the first run one interval after start. Off, like the staff's reminders, when {@code tracker.reminders.schedule} is
 * false (the integration tests' server, whose tests call the planner themselves). A run that fails is logged and the next one tries again (the outbox's dedupe keys
 * make a repeat harmless).
 */
@ApplicationScoped
public class ClientReminderSchedule {

    private static final Logger LOG = Logger.getLogger(ClientReminderSchedule.class.getName());
    private static final long DEFAULT_MINUTES = 60;

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private ClientReminderPlanner planner;

    @Inject
    private Settings settings;

    private ScheduledFuture<?> runs;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 950) SchemaReady ready) {
        long minutes = interval();
        if (minutes <= 0 || !settings.remindersScheduled()) {
            LOG.info("Client reminders: the planner is not scheduled (tracker.reminders.schedule=false or an interval of 0)");
            return;
        }
        runs = executor.scheduleWithFixedDelay(this::runOnce, minutes, minutes, TimeUnit.MINUTES);
    }

    private void runOnce() {
        try {
            int planned = planner.planDue();
            if (planned > 0) {
                LOG.info(() -> "Client reminders: " + planned + " hearing reminder(s) put in the outbox");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Client reminders: the planner failed; it runs again at the next interval", e);
        }
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }

    private static long interval() {
        String value = read("tracker.client.reminders.interval.minutes");
        try {
            return value == null || value.isBlank() ? DEFAULT_MINUTES : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            LOG.warning(() -> "Client reminders: tracker.client.reminders.interval.minutes is not a number; " + DEFAULT_MINUTES + " minutes");
            return DEFAULT_MINUTES;
        }
    }

    /** A setting from its system property, else its environment variable ({@code TRACKER_X_Y}); null when neither. */
    static String read(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? null : value.trim();
    }
}
