package org.defensefund.tracker.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The fund's own counters, served with the server's in Prometheus format on the management interface:
 * {@code tracker_referrals_recorded_total} (counted when the referral's transaction commits, never for one
 * rolled back) and {@code tracker_sign_ins_failed_total} (wrong password or code).
 */
@ApplicationScoped
public class FundMeters {

    @Inject
    private MeterRegistry registry;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private Counter referrals;
    private Counter failedSignIns;

    @PostConstruct
    void register() {
        // The registry's own methods, which the server's per-deployment registry hands to the one it serves.
        referrals = registry.counter("tracker.referrals.recorded", Tags.empty());
        failedSignIns = registry.counter("tracker.sign.ins.failed", Tags.empty());
    }

    /** Made at start, so the counters are scraped (at zero) before anything was counted. */
    void atStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        referrals.count();
    }

    /** A referral was recorded in the running transaction: counted once it commits. */
    public void referralRecorded() {
        if (transactions.getTransactionKey() == null) {
            referrals.increment();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted after the outcome is known
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    referrals.increment();
                }
            }
        });
    }

    public void signInFailed() {
        failedSignIns.increment();
    }
}
