package org.defensefund.tracker.clientreminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.cases.ReminderConsentAtIntake;
import org.defensefund.tracker.shared.FundClock;

/**
 * Keeps the consent given with a referral (the intake form, or the public form), which the intake hands over as a
 * {@link ReminderConsentAtIntake} event in the referral's transaction: the intake has checked who may refer, and the
 * address (one valid address), and written the timeline entry.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class ConsentAtIntake {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FundClock clock;

    @Inject
    private CallerContext caller;

    void record(@Observes ReminderConsentAtIntake given) {
        em.persist(ReminderConsent.given(given.caseId(), given.email(), given.publicForm() ? ConsentSource.PUBLIC_FORM : ConsentSource.INTAKE_FORM,
                caller.callerName().orElse(CallerContext.SYSTEM), clock.now()));
    }
}
