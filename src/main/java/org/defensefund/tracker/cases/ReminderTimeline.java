package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Hears the client reminders' steps ({@link ReminderStepTaken}) and puts them on the case's timeline, in the
 * transaction of the step (a synchronous observer), so a step rolled back leaves no entry. The caller must read the
 * case's details ({@link CaseAccess#readable}); the reminders feature has already checked who may change a consent,
 * and a reminder sent is written by the system.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class ReminderTimeline {

    @Inject
    private CaseAccess access;

    @Inject
    private Timeline timeline;

    void record(@Observes ReminderStepTaken step) {
        LegalCase legalCase = access.readable(step.caseId());
        timeline.record(CaseEvent.of(legalCase, access.actor(), step.kind(), legalCase.getStatus(),
                TimelineText.of(TimelineText.label(step.kind() == CaseEventKind.CLIENT_REMINDER_SENT ? "reminderKind." + step.summary()
                        : "reminderSource." + step.summary())), null));
    }
}
