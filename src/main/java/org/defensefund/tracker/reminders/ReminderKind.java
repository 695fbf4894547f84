package org.defensefund.tracker.reminders;

/**
 * What a reminder is about. The digest of partner staff tells their organization's hearings tomorrow and in 7 days,
 * deadlines in 7, 3 and 1 days, and the offers waiting for their answer; the administrators' tells the offers overdue,
 * the detained people without an attorney, the reports due to funders and the sub-awards past the alert share. The
 * immediate reminders ({@link #isSoon}) tell what is due within 24 hours: a hearing, a case's deadline (an offer's
 * answer included), a funder's report.
 */
public enum ReminderKind {
    HEARING_TOMORROW(false),
    HEARING_IN_7_DAYS(false),
    DEADLINE(false),
    OFFER_TO_ANSWER(false),
    OFFER_OVERDUE(false),
    DETAINED_NO_ATTORNEY(false),
    FUNDER_REPORT(false),
    SUB_AWARD_ALERT(false),
    HEARING_SOON(true),
    DEADLINE_SOON(true),
    FUNDER_REPORT_SOON(true);

    private final boolean soon;

    ReminderKind(boolean soon) {
        this.soon = soon;
    }

    /** Whether it is an immediate reminder (due within 24 hours) rather than a line of the digest. */
    public boolean isSoon() {
        return soon;
    }
}
