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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.shared.SchemaReady;

/**
 * Runs the confirmed emergency purges in the background: a few seconds after start (so a purge a restart interrupted
 * resumes) and then every {@code tracker.purge.poll.seconds} (default 5), batch after batch until each is done.
 */
@ApplicationScoped
public class PurgeSchedule {

    private static final Logger LOG = Logger.getLogger(PurgeSchedule.class.getName());

    @Resource
    private ManagedScheduledExecutorService executor;

    @Inject
    private PurgeBatches batches;

    @Inject
    private CallerContext caller;

    @Inject
    private RequestContextController requestContext;

    private ScheduledFuture<?> runs;

    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 980) SchemaReady ready) {
        long seconds = Math.max(1, Long.parseLong(read("tracker.purge.poll.seconds", "5")));
        runs = executor.scheduleWithFixedDelay(this::runOnce, seconds, seconds, TimeUnit.SECONDS);
    }

    void runOnce() {
        requestContext.activate();
        try {
            runPending();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Emergency purge: a batch failed; it is tried again in a few seconds", e);
        } finally {
            requestContext.deactivate();
        }
    }

    /** Runs every running purge to its end, as the system; returns how many batches ran. */
    public int runPending() {
        return caller.runAs(CallerContext.SYSTEM, () -> {
            int ran = 0;
            for (Long purgeId : batches.running()) {
                while (batches.next(purgeId)) {
                    ran++;
                }
                LOG.warning(() -> "Emergency purge " + purgeId + " done");
            }
            return ran;
        });
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
