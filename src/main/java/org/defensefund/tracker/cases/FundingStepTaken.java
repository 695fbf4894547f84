package org.defensefund.tracker.cases;

/**
 * A step of a case's funding that belongs on its timeline, fired by the funding feature as a CDI event and
 * written by {@link FundingTimeline} in the same transaction: the case charged to a sub-award (the grant
 * and funder as details), or a cost approved beyond its sub-award (amount and excess, with the reason).
 */
public record FundingStepTaken(Long caseId, CaseEventKind kind, TimelineText details, String reason) {

    public FundingStepTaken {
        if (kind != CaseEventKind.CHARGED && kind != CaseEventKind.BUDGET_OVERRIDE) {
            throw new IllegalArgumentException("not a funding step: " + kind);
        }
    }

    /** The case is now charged to a sub-award of the named grant. */
    public static FundingStepTaken charged(Long caseId, String grantLabel) {
        return new FundingStepTaken(caseId, CaseEventKind.CHARGED, TimelineText.of(TimelineText.words(grantLabel)), null);
    }

    /** A cost of the case (its amount) was approved beyond its sub-award (by the excess), with the override's reason. */
    public static FundingStepTaken approvedBeyondBudget(Long caseId, java.math.BigDecimal amount, java.math.BigDecimal excess, String reason) {
        return new FundingStepTaken(caseId, CaseEventKind.BUDGET_OVERRIDE,
                TimelineText.of(TimelineText.amount(amount), TimelineText.words(" / "), TimelineText.amount(excess)), reason);
    }
}
