package org.defensefund.tracker.cases;

/** The work queues: the fund's (to screen, to assign, offers waiting too long, detained without a lawyer) and a partner's. */
public enum CaseQueue {
    ALL(true, true),
    TO_SCREEN(true, false),
    TO_ASSIGN(true, false),
    OFFER_OVERDUE(true, false),
    DETAINED_NO_ATTORNEY(true, false),
    OFFERS_TO_ANSWER(false, true),
    HEARINGS_NEXT_14_DAYS(false, true),
    MY_OPEN_CASES(false, true);

    private final boolean forFund;
    private final boolean forPartner;

    CaseQueue(boolean forFund, boolean forPartner) {
        this.forFund = forFund;
        this.forPartner = forPartner;
    }

    public boolean isForFund() {
        return forFund;
    }

    public boolean isForPartner() {
        return forPartner;
    }
}
