package org.defensefund.tracker.dashboards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How a period is read from a read model kept by month ({@code dashboard_tally}, {@code spend_tally}) and the rows
 * kept by day ({@code case_fact}, costs, disbursements): whole months from the month table, and for a month the period
 * covers only in part, whichever reads fewer days: the days inside the period added, or the whole month with the days
 * outside it taken away. A year counted from the 3rd of a month then reads the first two days of that month, not the
 * other 29 (at a million cases a month of a dashboard's edge was 20,000 rows read per figure). Exact as long as a
 * month's row is the sum of its days' rows, which the read model keeps in the same transaction as every change.
 *
 * @param tallyFrom the first whole month read from the month table, or null when none is
 * @param tallyTo   the last one (its first day)
 * @param days      the ranges of days read from the rows, each added ({@code sign} 1) or taken away (-1)
 */
record MonthSplit(LocalDate tallyFrom, LocalDate tallyTo, List<Days> days) {

    /** Days from..to (inclusive) of the rows, added or taken away. */
    record Days(LocalDate from, LocalDate to, int sign) {
    }

    static MonthSplit of(LocalDate from, LocalDate to) {
        LocalDate first = from.withDayOfMonth(1);
        LocalDate last = to.withDayOfMonth(1);
        List<Days> days = new ArrayList<>();
        if (first.equals(last)) {
            int length = from.lengthOfMonth();
            int inside = to.getDayOfMonth() - from.getDayOfMonth() + 1;
            if (length - inside >= inside) {
                return new MonthSplit(null, null, List.of(new Days(from, to, 1)));
            }
            if (from.isAfter(first)) {
                days.add(new Days(first, from.minusDays(1), -1));
            }
            if (to.getDayOfMonth() < length) {
                days.add(new Days(to.plusDays(1), endOf(last), -1));
            }
            return new MonthSplit(first, first, days);
        }
        LocalDate tallyFrom = first;
        if (from.isAfter(first)) {
            int before = from.getDayOfMonth() - 1;
            if (before < from.lengthOfMonth() - before) {
                days.add(new Days(first, from.minusDays(1), -1));
            } else {
                days.add(new Days(from, endOf(first), 1));
                tallyFrom = first.plusMonths(1);
            }
        }
        LocalDate tallyTo = last;
        if (to.getDayOfMonth() < to.lengthOfMonth()) {
            int after = to.lengthOfMonth() - to.getDayOfMonth();
            if (after < to.getDayOfMonth()) {
                days.add(new Days(to.plusDays(1), endOf(last), -1));
            } else {
                days.add(new Days(last, to, 1));
                tallyTo = last.minusMonths(1);
            }
        }
        return tallyFrom.isAfter(tallyTo) ? new MonthSplit(null, null, days) : new MonthSplit(tallyFrom, tallyTo, days);
    }

    private static LocalDate endOf(LocalDate month) {
        return month.withDayOfMonth(month.lengthOfMonth());
    }
}
