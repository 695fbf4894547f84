package org.defensefund.tracker.cases;

/**
 * A deadline of a case met or waived, fired by the deadlines feature as a CDI event and written on the case's
 * timeline by {@link DeadlineTimeline} in the same transaction: the rule's name as the entry's summary (the page says
 * it in the reader's language), the note or the reason as its reason.
 */
public record DeadlineStepTaken(Long caseId, CaseEventKind kind, String rule, String reason) {

    public DeadlineStepTaken {
        if (kind != CaseEventKind.DEADLINE_MET && kind != CaseEventKind.DEADLINE_WAIVED) {
            throw new IllegalArgumentException("not a deadline step: " + kind);
        }
    }
}
