package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.defensefund.tracker.access.CurrentUser;

/**
 * Hears the funding feature's steps ({@link FundingStepTaken}) and puts them on the case's timeline, in the
 * transaction of the step (a synchronous observer), so a step rolled back leaves no entry. Only
 * administrators take funding steps.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class FundingTimeline {

    @Inject
    private CurrentUser currentUser;

    @Inject
    private CaseAccess access;

    @Inject
    private Timeline timeline;

    void record(@Observes FundingStepTaken step) {
        currentUser.requireAdmin("record funding steps");
        LegalCase legalCase = access.readable(step.caseId());
        timeline.record(legalCase.fundingStep(step.kind(), step.details(), step.reason(), access.actor()));
    }
}
