package org.defensefund.tracker.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The burn-rate forecast against hand-computed dates. */
class BurnRateTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);

    @Test
    void spendingFasterThanThePeriodRunsOutOnTheComputedDay() {
        // 100 days gone (Jan 1..Apr 10), 5,000 of 12,000 approved: 50.00 a day, 7,000 left = 140 days after Apr 10.
        BurnRate rate = BurnRate.of(new BigDecimal("12000.00"), new BigDecimal("5000.00"), START, END, LocalDate.of(2026, 4, 10));
        assertEquals(BurnRate.Outlook.RUNS_OUT, rate.outlook());
        assertEquals(new BigDecimal("50.00"), rate.perDay());
        assertEquals(LocalDate.of(2026, 8, 28), rate.runsOutOn());
    }

    @Test
    void slowSpendingLastsThePeriod() {
        BurnRate rate = BurnRate.of(new BigDecimal("100000.00"), new BigDecimal("1000.00"), START, END, LocalDate.of(2026, 4, 10));
        assertEquals(BurnRate.Outlook.LASTS_THE_PERIOD, rate.outlook());
    }

    @Test
    void nothingSpentNotStartedAndFullySpentSayNoDate() {
        assertEquals(BurnRate.Outlook.NOTHING_SPENT, BurnRate.of(BigDecimal.TEN, BigDecimal.ZERO, START, END, LocalDate.of(2026, 3, 1)).outlook());
        assertEquals(BurnRate.Outlook.NOT_STARTED, BurnRate.of(BigDecimal.TEN, BigDecimal.ZERO, START, END, LocalDate.of(2025, 12, 31)).outlook());
        BurnRate spent = BurnRate.of(BigDecimal.TEN, BigDecimal.TEN, START, END, LocalDate.of(2026, 3, 1));
        assertEquals(BurnRate.Outlook.SPENT, spent.outlook());
        assertNull(spent.runsOutOn());
    }

    @Test
    void aSubAwardReachesTheAlertAtExactlyNinetyPercent() {
        BudgetFigures ninety = new BudgetFigures(1L, new BigDecimal("100.00"), new BigDecimal("100.00"), BigDecimal.ZERO,
                new BigDecimal("90.00"), BigDecimal.ZERO, 0, START, END);
        BudgetFigures below = new BudgetFigures(1L, new BigDecimal("100.00"), new BigDecimal("100.00"), BigDecimal.ZERO,
                new BigDecimal("89.99"), BigDecimal.ZERO, 0, START, END);
        assertEquals(true, ninety.reaches(90));
        assertEquals(false, below.reaches(90));
        assertEquals(new BigDecimal("90.0"), ninety.getPercentSpent());
    }
}
