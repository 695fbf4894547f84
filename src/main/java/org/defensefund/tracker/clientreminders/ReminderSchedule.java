package org.defensefund.tracker.clientreminders;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.defensefund.tracker.shared.SchemaReady;

/**
 * Runs the {@link ReminderPlanner} every {@code tracker.reminders.interval.minutes} (or
 * {@code TRACKER_REMINDERS_INTERVAL_MINUTES}; default 60, 0 for never) from the container's scheduled executor, the
 * first run one interval after start. A run that fails is logged and the next one tries again (the outbox's dedupe keys
 * make a repeat harmless).
 */
@ApplicationScoped
public class ReminderSchedule {

    private static final Logger LOG = Logger.getLogger(ReminderSchedule.class.getName());
    private static final long DEFAULT_MINUTES = 60;

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private ReminderPlanner planner;

    private ScheduledFuture<?> runs;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 950) SchemaReady ready) {
        long minutes = interval();
        if (minutes <= 0) {
            LOG.info("Client reminders: the planner is not scheduled (interval 0)");
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
        String value = Optional.ofNullable(System.getProperty("tracker.reminders.interval.minutes"))
                .orElse(System.getenv("TRACKER_REMINDERS_INTERVAL_MINUTES"));
        try {
            return value == null || value.isBlank() ? DEFAULT_MINUTES : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            LOG.warning(() -> "Client reminders: tracker.reminders.interval.minutes is not a number; " + DEFAULT_MINUTES + " minutes");
            return DEFAULT_MINUTES;
        }
    }
}
