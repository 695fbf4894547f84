package org.defensefund.tracker.reminders;

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
 * Runs {@link ReminderPlanner#planAll} every {@code tracker.reminders.period.minutes} (15 by default) on the server's
 * managed scheduled executor, from the start to the undeployment: a digest goes out in the first run after the morning's
 * hour ({@code tracker.reminders.digest.hour}, 7 by default, in the fund's zone), an immediate reminder in the first run
 * after its item came within 24 hours. Off when {@code tracker.reminders.schedule} is false (the integration tests).
 */
@ApplicationScoped
public class ReminderSchedule {

    private static final Logger LOG = Logger.getLogger(ReminderSchedule.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Settings settings;

    @Inject
    private ReminderPlanner planner;

    private ScheduledFuture<?> task;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 960) SchemaReady ready) {
        if (!settings.remindersScheduled()) {
            LOG.info("The reminders' scheduled planning is off (tracker.reminders.schedule=false)");
            return;
        }
        long minutes = settings.remindersPeriod().toMinutes();
        task = scheduler.scheduleWithFixedDelay(this::run, 1, minutes, TimeUnit.MINUTES);
        LOG.info(() -> "The staff's reminders are planned every " + minutes + " min, digests from " + settings.digestHour() + ":00");
    }

    private void run() {
        try {
            planner.planAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The reminders' planning failed; it runs again in " + settings.remindersPeriod(), e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
