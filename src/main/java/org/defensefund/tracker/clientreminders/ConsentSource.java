package org.defensefund.tracker.clientreminders;

/** Where a consent to reminders was given or withdrawn. */
public enum ConsentSource {
    /** The fund's intake form, as the referral was recorded. */
    INTAKE_FORM,
    /** The public referral form ({@code /refer/}), by the person or whoever referred them. */
    PUBLIC_FORM,
    /** The case page, by the fund or the case's partner. */
    CASE_PAGE
}
