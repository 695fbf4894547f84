package org.defensefund.tracker.shared;

import java.time.LocalDate;

/**
 * The dates a record of the fund can hold at all: none before 1900 (the oldest client's birth) and none more
 * than ten years ahead (the furthest hearing or grant period anyone plans). A date outside is a typing error
 * ("0001", "9999"), refused where it is typed; narrower rules (a birth date in the past, a hearing after the
 * referral) live with their records.
 */
public final class PlausibleDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final int YEARS_AHEAD = 10;

    private PlausibleDates() {
    }

    /** The last plausible date seen from today. */
    public static LocalDate latest(LocalDate today) {
        return today.plusYears(YEARS_AHEAD);
    }

    public static boolean contains(LocalDate date, LocalDate today) {
        return !date.isBefore(EARLIEST) && !date.isAfter(latest(today));
    }
}
