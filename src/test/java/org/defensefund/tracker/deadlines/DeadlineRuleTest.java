package org.defensefund.tracker.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Due dates: calendar periods moved off weekends (8 CFR 1003.38(b)), business-day periods (8 CFR 1003.6(c)(1)). */
class DeadlineRuleTest {

    @Test
    void aBiaAppealIsDueThirtyDaysAfterTheDecision() {
        assertEquals(LocalDate.of(2026, 12, 2), DeadlineRule.BIA_APPEAL.dueOn(LocalDate.of(2026, 11, 2), 30), "Monday + 30 = a Wednesday");
    }

    @Test
    void aLastDayOnASaturdayOrSundayRunsToTheMonday() {
        // Thursday 29 October + 30 = Saturday 28 November -> Monday 30 November.
        assertEquals(LocalDate.of(2026, 11, 30), DeadlineRule.BIA_APPEAL.dueOn(LocalDate.of(2026, 10, 29), 30));
        // Friday 30 October + 30 = Sunday 29 November -> Monday 30 November.
        assertEquals(LocalDate.of(2026, 11, 30), DeadlineRule.BIA_APPEAL.dueOn(LocalDate.of(2026, 10, 30), 30));
        assertEquals(LocalDate.of(2026, 11, 30), DeadlineRule.PETITION_FOR_REVIEW.dueOn(LocalDate.of(2026, 10, 30), 30));
    }

    @Test
    void aDecisionOnAWeekendCountsFromItsOwnDay() {
        // Saturday 7 November + 30 = Monday 7 December: the day of the decision itself is never moved, only the last day.
        assertEquals(LocalDate.of(2026, 12, 7), DeadlineRule.BIA_APPEAL.dueOn(LocalDate.of(2026, 11, 7), 30));
    }

    @Test
    void legalHolidaysAreNotKnown() {
        // Thursday 26 November 2026 is Thanksgiving: the application does not move a last day off a holiday.
        assertEquals(LocalDate.of(2026, 11, 26), DeadlineRule.BIA_APPEAL.dueOn(LocalDate.of(2026, 10, 27), 30));
    }

    @Test
    void aDhsBondAppealCountsTenBusinessDays() {
        assertEquals(LocalDate.of(2026, 11, 20), DeadlineRule.DHS_BOND_APPEAL.dueOn(LocalDate.of(2026, 11, 6), 10), "Friday + 10 business days");
        assertEquals(LocalDate.of(2026, 11, 20), DeadlineRule.DHS_BOND_APPEAL.dueOn(LocalDate.of(2026, 11, 7), 10), "a Saturday decision: the same Friday");
        assertEquals(LocalDate.of(2026, 11, 9), DeadlineRule.DHS_BOND_APPEAL.dueOn(LocalDate.of(2026, 11, 6), 1), "one business day after a Friday is the Monday");
    }

    @Test
    void everyRuleHasADefaultPeriodWithinTheAllowedRange() {
        Map<DeadlineRule, Integer> expected = Map.of(DeadlineRule.BIA_APPEAL, 30, DeadlineRule.DHS_BOND_APPEAL, 10,
                DeadlineRule.PETITION_FOR_REVIEW, 30, DeadlineRule.NOTICE_OF_APPEARANCE, 14);
        for (DeadlineRule rule : DeadlineRule.values()) {
            if (rule.hasPeriod()) {
                assertEquals(expected.get(rule), rule.defaultPeriod(), rule.name());
                org.junit.jupiter.api.Assertions.assertTrue(rule.defaultPeriod() >= 1 && rule.defaultPeriod() <= DeadlineRule.MAX_PERIOD, rule.name());
            } else {
                org.junit.jupiter.api.Assertions.assertFalse(expected.containsKey(rule), rule.name());
            }
        }
        org.junit.jupiter.api.Assertions.assertFalse(DeadlineRule.OFFER_ANSWER.hasPeriod(), "an offer's hours are a setting");
        org.junit.jupiter.api.Assertions.assertFalse(DeadlineRule.FUNDER_REPORT.hasPeriod(), "a report's day is the grant's schedule");
        org.junit.jupiter.api.Assertions.assertTrue(DeadlineRule.FUNDER_REPORT.ofGrant());
        org.junit.jupiter.api.Assertions.assertFalse(DeadlineRule.OFFER_ANSWER.ofGrant());
    }
}
