package org.defensefund.tracker.retention;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.SchemaReady;

/**
 * Runs {@link RetentionService#eraseDue} once a day at {@code tracker.retention.hour} (or {@code TRACKER_RETENTION_HOUR};
 * default 3, the fund's time), as the system, from the container's scheduled executor. Off when
 * {@code tracker.retention.schedule} is false (the integration tests' server, whose tests call the service themselves).
 * A run that fails is logged; the next day's takes what is left (each erasure is its own transaction).
 */
@ApplicationScoped
public class RetentionSchedule {

    private static final Logger LOG = Logger.getLogger(RetentionSchedule.class.getName());

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private RetentionService retention;

    @Inject
    private CallerContext caller;

    @Inject
    private FundClock clock;

    @Inject
    private RequestContextController requestContext;

    private ScheduledFuture<?> runs;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 970) SchemaReady ready) {
        if (!Boolean.parseBoolean(read("tracker.retention.schedule", "true"))) {
            LOG.info("Retention: the daily erasure is not scheduled (tracker.retention.schedule=false)");
            return;
        }
        int hour = Math.max(0, Math.min(23, Integer.parseInt(read("tracker.retention.hour", "3"))));
        ZonedDateTime now = ZonedDateTime.now(FundClock.current().withZone(clock.zone()));
        ZonedDateTime next = now.toLocalDate().atTime(hour, 0).atZone(now.getZone());
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        long delay = Duration.between(now, next).toMinutes();
        runs = executor.scheduleAtFixedRate(this::runOnce, delay, TimeUnit.DAYS.toMinutes(1), TimeUnit.MINUTES);
    }

    void runOnce() {
        requestContext.activate();
        try {
            int erased = caller.runAs(CallerContext.SYSTEM, retention::eraseDue);
            LOG.info(() -> "Retention: " + erased + " client(s) past the retention rule erased");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Retention: the daily erasure failed; it runs again tomorrow", e);
        } finally {
            requestContext.deactivate();
        }
    }

    @PreDestroy
    void stop() {
        if (runs != null) {
            runs.cancel(false);
        }
    }

    private static String read(String property, String otherwise) {
        return org.defensefund.tracker.shared.Settings.read(property).orElse(otherwise);
    }
}
