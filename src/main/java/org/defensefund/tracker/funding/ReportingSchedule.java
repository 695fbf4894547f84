package org.defensefund.tracker.funding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The days reports are due on a grant running from {@code start} to {@code end}: the last day of every reporting
     * period counted from the start, and the grant's end (the final report; a period cut short by the end is reported
     * then). Ordered; at least the end.
     */
    public List<LocalDate> reportDates(LocalDate start, LocalDate end) {
        List<LocalDate> dates = new ArrayList<>();
        if (months > 0 && start != null) {
            for (int n = 1; ; n++) {
                LocalDate due = start.plusMonths((long) months * n).minusDays(1);
                if (!due.isBefore(end)) {
                    break;
                }
                dates.add(due);
            }
        }
        dates.add(end);
        return dates;
    }
}
