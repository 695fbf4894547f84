package org.defensefund.tracker.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Inject;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The referral counter counts committed referrals only. */
@ExtendWith(ArquillianExtension.class)
class FundMetersIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private IntakeService intake;

    @Inject
    private MeterRegistry registry;

    @Test
    void aReferralIsCountedWhenItCommitsNeverWhenRolledBack() {
        UserAccount admin = given.admin();
        double before = referrals();
        given.as(admin, () -> intake.refer(given.referral()));
        assertEquals(before + 1, referrals(), 0.001, "a committed referral is counted");

        assertThrows(IllegalStateException.class, () -> given.inTransaction(() -> {
            given.as(admin, () -> intake.refer(given.referral()));
            throw new IllegalStateException("the referral's transaction fails after it was recorded");
        }));
        assertEquals(before + 1, referrals(), 0.001, "a rolled-back referral is not counted");
    }

    private double referrals() {
        return registry.counter("tracker.referrals.recorded", Tags.empty()).count();
    }
}
