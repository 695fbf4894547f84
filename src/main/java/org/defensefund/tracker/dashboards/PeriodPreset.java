package org.defensefund.tracker.dashboards;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** The periods a dashboard offers besides a custom range. Each ends today or at the end of last month. */
public enum PeriodPreset {
    THIS_MONTH, LAST_MONTH, THIS_QUARTER, YEAR_TO_DATE, LAST_12_MONTHS, CUSTOM;

    /** First and last day of the preset as of today; CUSTOM gives null (the user types the range). */
    public LocalDate[] range(LocalDate today) {
        return switch (this) {
            case THIS_MONTH -> new LocalDate[] {today.withDayOfMonth(1), today};
            case LAST_MONTH -> new LocalDate[] {today.minusMonths(1).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1)};
            case THIS_QUARTER -> new LocalDate[] {today.with(IsoFields.DAY_OF_QUARTER, 1), today};
            case YEAR_TO_DATE -> new LocalDate[] {today.with(TemporalAdjusters.firstDayOfYear()), today};
            case LAST_12_MONTHS -> new LocalDate[] {today.minusMonths(12).plusDays(1), today};
            case CUSTOM -> null;
        };
    }
}
