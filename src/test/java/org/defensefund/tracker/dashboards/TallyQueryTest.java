package org.defensefund.tracker.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a dashboard's periods are read from the read model (whole months from the tally, the days around
 * them from the facts), its scope written for the caller without catch-alls, and its percentiles.
 */
class TallyQueryTest {

    private static final DashboardScope FUND = DashboardScope.WHOLE_FUND;

    @Test
    void wholeMonthsComeFromTheTallyAndTheEdgesFromTheFacts() {
        // January from the 15th: 14 days before it against 17 in it, so the whole of January less its first 14 days;
        // April to the 10th: 10 days in it against 20 after, so those 10 days.
        TallyQuery.Statement statement = new TallyQuery(FUND)
                .range("referrals", Measure.REFERRED, LocalDate.of(2026, 1, 15), LocalDate.of(2026, 4, 10)).statement();
        assertEquals(1, count(statement.sql(), "FROM dashboard_tally"), "one tally part");
        assertEquals(2, count(statement.sql(), "FROM case_fact"), "two edges");
        assertEquals(List.of(0L, date(2026, 1, 1), date(2026, 3, 1), date(2026, 1, 1), date(2026, 1, 14),
                date(2026, 4, 1), date(2026, 4, 10)), statement.values());
        assertTrue(statement.sql().contains("-1 AS sign"), "January's first days are taken away: " + statement.sql());
    }

    @Test
    void aPeriodOfWholeMonthsHasNoEdgeAndOneInsideAMonthReadsTheFewerDays() {
        TallyQuery.Statement whole = new TallyQuery(FUND)
                .range("referrals", Measure.REFERRED, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28)).statement();
        assertEquals(0, count(whole.sql(), "FROM case_fact"));
        TallyQuery.Statement inside = new TallyQuery(FUND)
                .range("referrals", Measure.REFERRED, LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 12)).statement();
        assertEquals(0, count(inside.sql(), "FROM dashboard_tally"), "10 days of 28: those days");
        assertEquals(List.of(date(2026, 2, 3), date(2026, 2, 12)), inside.values());
        TallyQuery.Statement most = new TallyQuery(FUND)
                .range("referrals", Measure.REFERRED, LocalDate.of(2026, 2, 3), LocalDate.of(2026, 2, 25)).statement();
        assertEquals(1, count(most.sql(), "FROM dashboard_tally"), "23 days of 28: the month less the 5 others");
        assertEquals(List.of(0L, date(2026, 2, 1), date(2026, 2, 1), date(2026, 2, 1), date(2026, 2, 2), date(2026, 2, 26), date(2026, 2, 28)),
                most.values());
    }

    @Test
    void anEdgeMonthIsReadByItsDaysInsideOrAsTheMonthLessTheDaysOutsideWhicheverIsFewer() {
        MonthSplit year = MonthSplit.of(LocalDate.of(2025, 12, 3), LocalDate.of(2026, 12, 2));
        assertEquals(LocalDate.of(2025, 12, 1), year.tallyFrom(), "December 2025 from the tally ...");
        assertEquals(LocalDate.of(2026, 11, 1), year.tallyTo(), "... to November 2026");
        assertEquals(List.of(new MonthSplit.Days(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 2), -1),
                new MonthSplit.Days(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2), 1)), year.days(),
                "two days taken away and two added, not 29 + 2 read");
        MonthSplit late = MonthSplit.of(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 3, 28));
        assertEquals(LocalDate.of(2026, 2, 1), late.tallyFrom());
        assertEquals(LocalDate.of(2026, 3, 1), late.tallyTo());
        assertEquals(List.of(new MonthSplit.Days(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 31), 1),
                new MonthSplit.Days(LocalDate.of(2026, 3, 29), LocalDate.of(2026, 3, 31), -1)), late.days());
        MonthSplit twoPartial = MonthSplit.of(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 2, 5));
        assertNull(twoPartial.tallyFrom(), "no month from the tally");
        assertEquals(List.of(new MonthSplit.Days(LocalDate.of(2026, 1, 20), LocalDate.of(2026, 1, 31), 1),
                new MonthSplit.Days(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 5), 1)), twoPartial.days());
        MonthSplit oneDay = MonthSplit.of(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 14));
        assertEquals(List.of(new MonthSplit.Days(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 14), 1)), oneDay.days());
    }

    @Test
    void figuresCountedAtTheSameDaysShareOneReadOfTheFacts() {
        LocalDate from = LocalDate.of(2026, 1, 1);
        LocalDate to = LocalDate.of(2026, 11, 30).minusDays(5);
        TallyQuery.Statement statement = new TallyQuery(FUND)
                .served("open", Measure.ASSIGNED, Measure.SERVED_UNTIL, from, to)
                .served("byCountry", Measure.ASSIGNED_BY_COUNTRY, Measure.SERVED_UNTIL_BY_COUNTRY, from, to)
                .range("toAssignment", Measure.TO_ASSIGNMENT, from, to).statement();
        assertEquals(1, count(statement.sql(), "FROM case_fact"), "one read of November's days for every figure counted at the assignment day");
        assertTrue(statement.sql().contains("-1 AS sign") || statement.sql().contains("-1 * t.n"), "served until is taken away");
    }

    @Test
    void theScopeIsWrittenForTheCallerWithoutCatchAlls() {
        String partner = new TallyQuery(new DashboardScope(null, null, 7L))
                .range("referrals", Measure.REFERRED, LocalDate.of(2026, 1, 3), LocalDate.of(2026, 3, 3)).statement().sql();
        assertTrue(partner.contains("t.partner_id = ? AND t.funder_id = 0 AND t.grant_id = 0"), partner);
        assertTrue(partner.contains("f.partner_id = ?"), partner);
        assertTrue(!partner.contains("? = 0"), "no catch-all: " + partner);
        String funderAndPartner = new TallyQuery(new DashboardScope(3L, null, 7L))
                .range("referrals", Measure.REFERRED, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)).statement().sql();
        assertTrue(funderAndPartner.contains("t.funder_id = ? AND t.grant_id <> 0"), funderAndPartner);
    }

    @Test
    void percentilesAreContinuousAsSqlComputesThem() {
        Durations durations = DashboardService.durations(Map.of("1", 1L, "2", 1L, "3", 1L, "4", 1L), "d", new Suppression(5, false));
        assertEquals(4L, durations.cases().value());
        assertEquals(new BigDecimal("2.5"), durations.median());
        assertEquals(new BigDecimal("3.7"), durations.p90());
        Durations repeated = DashboardService.durations(Map.of("10", 3L, "0", 1L), "d", new Suppression(5, false));
        assertEquals(new BigDecimal("10.0"), repeated.median());
        Durations none = DashboardService.durations(Map.of(), "d", new Suppression(5, false));
        assertEquals(0L, none.cases().value());
        assertNull(none.median());
    }

    private static Date date(int year, int month, int day) {
        return Date.valueOf(LocalDate.of(year, month, day));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
