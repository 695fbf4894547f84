package org.defensefund.tracker.funding;

/** How often the fund reports to the funder on a grant. */
public enum ReportingSchedule {
    MONTHLY(1), QUARTERLY(3), SEMIANNUAL(6), ANNUAL(12), END_OF_GRANT(0);

    private final int months;

    ReportingSchedule(int months) {
        this.months = months;
    }

    /** Months between reports; 0 for a single report at the end of the grant. */
    public int months() {
        return months;
    }
}
