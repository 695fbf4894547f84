package org.defensefund.tracker.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The deadline rules, in one place: each with its legal source, its default period and how the period is counted.
 * Administrators may change a period ({@link DeadlineService#setPeriod}); the periods in force are kept in the
 * {@code deadline_rule_period} table, seeded with these defaults. Legal holidays are <em>not</em> known to the
 * application: a period that ends on one is not extended (only Saturdays and Sundays are); staff check the court's
 * calendar for those.
 */
public enum DeadlineRule {

    /**
     * Appeal of an immigration judge's decision to the Board of Immigration Appeals (Form EOIR-26): 30 calendar days
     * after the decision (8 CFR 1003.38(b)); if the last day falls on a Saturday, Sunday or legal holiday, the time
     * runs to the next business day (8 CFR 1003.38(b), last sentence). A respondent's appeal of a bond decision runs
     * the same way (8 CFR 1003.19(f), 1236.1(d)(3)).
     */
    BIA_APPEAL(30, Counting.CALENDAR_DAYS_TO_A_BUSINESS_DAY),

    /**
     * DHS's appeal of an immigration judge's decision granting bond, when DHS invoked the automatic stay: the stay lapses
     * unless DHS files its notice of appeal within ten business days of the order (8 CFR 1003.19(i)(2), 1003.6(c)(1);
     * 8 CFR 1236.1(d)(3) for appeals of custody decisions). Counted in business days (Monday to Friday), so no weekend
     * extension is needed; holidays are not skipped.
     */
    DHS_BOND_APPEAL(10, Counting.BUSINESS_DAYS),

    /**
     * Petition for review of a final order in the court of appeals: 30 days after the BIA's decision (INA 242(b)(1),
     * 8 U.S.C. 1252(b)(1)); a last day on a Saturday, Sunday or legal holiday runs to the next day that is not one
     * (Fed. R. App. P. 26(a)(1)(C)).
     */
    PETITION_FOR_REVIEW(30, Counting.CALENDAR_DAYS_TO_A_BUSINESS_DAY),

    /**
     * The fund's own rule: the accepting partner files the notice of appearance (EOIR-28) within this many calendar
     * days of accepting the case (the fund's grant agreements with its partners); a last day on a weekend runs to the
     * Monday, like the court rules. Recording the notice meets it.
     */
    NOTICE_OF_APPEARANCE(14, Counting.CALENDAR_DAYS_TO_A_BUSINESS_DAY),

    /**
     * The fund's own rule: a partner answers an offer of a case (accepts or declines) within the hours the fund has set
     * ({@code tracker.offer.response.hours}, 48 by default; the same setting flags the offer overdue in the fund's queue),
     * so a person waiting in detention is not left waiting on an unanswered offer. Due at the offer's time plus those
     * hours; the answer meets it; a withdrawn offer takes it away. The partner offered the case sees it, not the case's.
     */
    OFFER_ANSWER(0, Counting.HOURS_OF_THE_OFFER_SETTING),

    /**
     * The fund's grant agreements: a report to the funder at the end of every reporting period of the grant's schedule
     * (monthly, quarterly, half-yearly, yearly) and at the end of the grant, on the dates the grant's page shows
     * ({@code ReportingSchedule#reportDates}). A grant's deadline, not a case's: administrators only.
     */
    FUNDER_REPORT(0, Counting.GRANT_REPORTING_SCHEDULE);

    /** How a rule's period is counted from the day of the fact that starts it. */
    public enum Counting {
        /** Calendar days; a last day on a Saturday or Sunday moves to the Monday. */
        CALENDAR_DAYS_TO_A_BUSINESS_DAY,
        /** Days from Monday to Friday only. */
        BUSINESS_DAYS,
        /** Hours after the offer, by the setting {@code tracker.offer.response.hours} (not a period kept with the rules). */
        HOURS_OF_THE_OFFER_SETTING,
        /** The grant's reporting schedule, edited on the grant (not a period kept with the rules). */
        GRANT_REPORTING_SCHEDULE
    }

    /** The longest period an administrator may set, in days. */
    public static final int MAX_PERIOD = 365;

    private final int defaultPeriod;
    private final Counting counting;

    DeadlineRule(int defaultPeriod, Counting counting) {
        this.defaultPeriod = defaultPeriod;
        this.counting = counting;
    }

    public int defaultPeriod() {
        return defaultPeriod;
    }

    public Counting counting() {
        return counting;
    }

    /** Whether the rule's period is kept with the rules and administrators may change it there. */
    public boolean hasPeriod() {
        return counting == Counting.CALENDAR_DAYS_TO_A_BUSINESS_DAY || counting == Counting.BUSINESS_DAYS;
    }

    /** Whether the rule concerns a grant (administrators') rather than a case. */
    public boolean ofGrant() {
        return this == FUNDER_REPORT;
    }

    /** The due date of a period of {@code days} started by a fact of {@code from}, counted as this rule counts. */
    public LocalDate dueOn(LocalDate from, int days) {
        if (counting == Counting.BUSINESS_DAYS) {
            LocalDate day = from;
            int left = days;
            while (left > 0) {
                day = day.plusDays(1);
                if (!isWeekend(day)) {
                    left--;
                }
            }
            return day;
        }
        LocalDate last = from.plusDays(days);
        while (isWeekend(last)) {
            last = last.plusDays(1);
        }
        return last;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
