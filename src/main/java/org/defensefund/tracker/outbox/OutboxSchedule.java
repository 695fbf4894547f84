package org.defensefund.tracker.outbox;

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
 * Runs {@link OutboxDelivery#deliverDue} every {@code tracker.outbox.period.seconds} (60 by default) on the server's
 * managed scheduled executor, from the start (once the schema is migrated) to the undeployment. Every server of a
 * cluster runs it; the row locks keep each message to one of them. Off when {@code tracker.outbox.schedule} is false
 * (the integration tests' server, whose tests deliver when they choose).
 */
@ApplicationScoped
public class OutboxSchedule {

    private static final Logger LOG = Logger.getLogger(OutboxSchedule.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private Settings settings;

    @Inject
    private OutboxDelivery delivery;

    private ScheduledFuture<?> task;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 950) SchemaReady ready) {
        if (!settings.outboxScheduled()) {
            LOG.info("The outbox's scheduled delivery is off (tracker.outbox.schedule=false)");
            return;
        }
        long seconds = settings.outboxPeriod().toSeconds();
        task = scheduler.scheduleWithFixedDelay(this::run, seconds, seconds, TimeUnit.SECONDS);
        LOG.info(() -> "The outbox is delivered every " + seconds + " s");
    }

    private void run() {
        try {
            delivery.deliverDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The outbox's scheduled delivery failed; it runs again in " + settings.outboxPeriod(), e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
