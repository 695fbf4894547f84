package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Hears the deadlines feature's steps ({@link DeadlineStepTaken}) and puts them on the case's timeline, in the
 * transaction of the step (a synchronous observer), so a step rolled back leaves no entry. The caller must read the
 * case's details ({@link CaseAccess#readable}); the deadlines feature has already checked who may close a deadline.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class DeadlineTimeline {

    @Inject
    private CaseAccess access;

    @Inject
    private Timeline timeline;

    void record(@Observes DeadlineStepTaken step) {
        LegalCase legalCase = access.readable(step.caseId());
        timeline.record(CaseEvent.of(legalCase, access.actor(), step.kind(), legalCase.getStatus(),
                TimelineText.of(TimelineText.label("deadlineRule." + step.rule())), step.reason()));
    }
}
