package org.defensefund.tracker.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a case's deadlines are computed from, as recorded: whether it is assigned and since when, the notice of
 * appearance, its closing (a decision in court, and its date), whether it is the appeal of another case (and that
 * case's decision date) or has been appealed, and its decided relief applications.
 *
 * @param assignedOn the day (in the fund's zone) the partner accepted the case, while it is assigned; else null
 * @param decidedInCourtOn the date of the decision the case was closed with, if that was a decision in court; else null
 * @param appealOfDecidedOn for an appeal, the date of the appealed case's decision in court; else null
 * @param appealed whether an appeal of this case has been opened (the BIA appeal of its decision is then the appeal's)
 * @param offers the case's offers to partners, but the withdrawn ones
 */
public record CaseDeadlineFacts(boolean assigned, LocalDate assignedOn, LocalDate noticeOfAppearanceOn, LocalDate decidedInCourtOn,
                                boolean appeal, LocalDate appealOfDecidedOn, boolean appealed, List<Decision> decisions,
                                List<Offer> offers) {

    public CaseDeadlineFacts {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        offers = offers == null ? List.of() : List.copyOf(offers);
    }

    /** The facts of a case never offered. */
    public CaseDeadlineFacts(boolean assigned, LocalDate assignedOn, LocalDate noticeOfAppearanceOn, LocalDate decidedInCourtOn,
                             boolean appeal, LocalDate appealOfDecidedOn, boolean appealed, List<Decision> decisions) {
        this(assigned, assignedOn, noticeOfAppearanceOn, decidedInCourtOn, appeal, appealOfDecidedOn, appealed, decisions, List.of());
    }

    /**
     * An offer of the case to a partner, pending or answered (a withdrawn one starts nothing).
     *
     * @param answeredAt when the partner accepted or declined it; null while pending
     */
    public record Offer(long id, long partnerId, Instant offeredAt, Instant answeredAt) {
    }

    /** A relief application decided by the immigration judge: whether it was bond, granted or denied, and on which day. */
    public record Decision(boolean bond, boolean granted, LocalDate decidedOn) {
    }
}
