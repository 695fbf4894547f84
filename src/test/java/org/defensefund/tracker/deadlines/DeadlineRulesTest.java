package org.defensefund.tracker.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.deadlines.CaseDeadlineFacts.Decision;
import org.defensefund.tracker.deadlines.DeadlineRules.Due;
import org.junit.jupiter.api.Test;

/** Which deadlines a case's recorded facts call for. */
class DeadlineRulesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private static final Map<DeadlineRule, Integer> DEFAULTS = Map.of();

    private static CaseDeadlineFacts facts(List<Decision> decisions) {
        return new CaseDeadlineFacts(false, null, null, null, false, null, false, decisions);
    }

    @Test
    void noFactsNoDeadlines() {
        assertEquals(List.of(), DeadlineRules.dueFor(facts(List.of()), DEFAULTS));
    }

    @Test
    void aReliefDeniedByTheJudgeStartsABiaAppeal() {
        List<Due> due = DeadlineRules.dueFor(facts(List.of(new Decision(false, false, MONDAY))), DEFAULTS);
        assertEquals(List.of(new Due(DeadlineRule.BIA_APPEAL, "ij:2026-11-02", MONDAY, LocalDate.of(2026, 12, 2), null)), due);
    }

    @Test
    void aBondGrantedStartsDhsAppealAndABondDeniedTheRespondentsBiaAppeal() {
        List<Due> granted = DeadlineRules.dueFor(facts(List.of(new Decision(true, true, MONDAY))), DEFAULTS);
        assertEquals(List.of(new Due(DeadlineRule.DHS_BOND_APPEAL, "bond:2026-11-02", MONDAY, LocalDate.of(2026, 11, 16), null)), granted);
        List<Due> denied = DeadlineRules.dueFor(facts(List.of(new Decision(true, false, MONDAY))), DEFAULTS);
        assertEquals(DeadlineRule.BIA_APPEAL, denied.get(0).rule());
        assertEquals(1, denied.size());
    }

    @Test
    void aReliefDecidedTheDayTheCaseClosedIsOneDecision() {
        CaseDeadlineFacts closed = new CaseDeadlineFacts(false, null, null, MONDAY, false, null, false,
                List.of(new Decision(false, false, MONDAY), new Decision(false, true, MONDAY.plusDays(3))));
        List<Due> due = DeadlineRules.dueFor(closed, DEFAULTS);
        assertEquals(List.of("ij:2026-11-02", "ij:2026-11-05"), due.stream().map(Due::source).toList());
    }

    @Test
    void onceAppealedTheBiaAppealOfTheClosingDecisionIsTheAppealCasesOwn() {
        CaseDeadlineFacts decided = new CaseDeadlineFacts(false, null, null, MONDAY, false, null, true, List.of(new Decision(false, false, MONDAY)));
        assertEquals(List.of(), DeadlineRules.dueFor(decided, DEFAULTS), "the appealed case keeps none for that decision");
        CaseDeadlineFacts appeal = new CaseDeadlineFacts(false, null, null, null, true, MONDAY, false, List.of());
        assertEquals(List.of(new Due(DeadlineRule.BIA_APPEAL, "ij:2026-11-02", MONDAY, LocalDate.of(2026, 12, 2), null)),
                DeadlineRules.dueFor(appeal, DEFAULTS));
    }

    @Test
    void anAppealClosedWithTheBiasDecisionStartsAPetitionForReview() {
        LocalDate bia = LocalDate.of(2027, 3, 1);
        CaseDeadlineFacts appeal = new CaseDeadlineFacts(false, null, null, bia, true, MONDAY, false, List.of());
        List<Due> due = DeadlineRules.dueFor(appeal, DEFAULTS);
        assertEquals(new Due(DeadlineRule.PETITION_FOR_REVIEW, "bia:2027-03-01", bia, LocalDate.of(2027, 3, 31), null), due.get(1));
    }

    @Test
    void anAcceptedCaseOwesItsNoticeOfAppearanceWhichTheRecordedNoticeMeets() {
        Due open = DeadlineRules.dueFor(new CaseDeadlineFacts(true, MONDAY, null, null, false, null, false, List.of()), DEFAULTS).get(0);
        assertEquals(DeadlineRule.NOTICE_OF_APPEARANCE, open.rule());
        assertEquals(LocalDate.of(2026, 11, 16), open.dueOn());
        assertNull(open.metOn());
        Due met = DeadlineRules.dueFor(new CaseDeadlineFacts(true, MONDAY, MONDAY.plusDays(5), null, false, null, false, List.of()), DEFAULTS).get(0);
        assertEquals(MONDAY.plusDays(5), met.metOn());
        assertEquals(List.of(), DeadlineRules.dueFor(new CaseDeadlineFacts(false, MONDAY, null, null, false, null, false, List.of()), DEFAULTS),
                "no longer assigned (reassigned or closed): no notice owed");
    }

    @Test
    void thePeriodsInForceReplaceTheDefaults() {
        List<Due> due = DeadlineRules.dueFor(facts(List.of(new Decision(false, false, MONDAY))), Map.of(DeadlineRule.BIA_APPEAL, 10));
        assertEquals(LocalDate.of(2026, 11, 12), due.get(0).dueOn());
    }

    private static final java.time.ZoneId BOSTON = java.time.ZoneId.of("America/New_York");

    @Test
    void anOfferIsAnsweredWithinTheFundsHoursByThePartnerOffered() {
        java.time.Instant offered = java.time.Instant.parse("2026-11-06T21:30:00Z"); // Friday 4:30 pm in Boston
        CaseDeadlineFacts facts = new CaseDeadlineFacts(false, null, null, null, false, null, false, List.of(),
                List.of(new CaseDeadlineFacts.Offer(7, 42, offered, null)));
        DeadlineRules.RuleSettings settings = new DeadlineRules.RuleSettings(Map.of(), java.time.Duration.ofHours(48), BOSTON, java.time.LocalDate.MIN);
        Due due = DeadlineRules.dueFor(facts, settings).get(0);
        assertEquals(DeadlineRule.OFFER_ANSWER, due.rule());
        assertEquals("offer:7", due.source());
        assertEquals(offered.plus(java.time.Duration.ofHours(48)), due.dueAt(), "48 hours after the offer, to the minute");
        assertEquals(LocalDate.of(2026, 11, 8), due.dueOn(), "the Sunday, in the fund's zone (hours, not business days)");
        assertEquals(LocalDate.of(2026, 11, 6), due.triggeredOn());
        assertEquals(42L, due.partnerId(), "the offered partner's, not the case's");
        assertNull(due.metOn());
        java.time.Instant answered = offered.plus(java.time.Duration.ofHours(30));
        Due met = DeadlineRules.dueFor(new CaseDeadlineFacts(false, null, null, null, false, null, false, List.of(),
                List.of(new CaseDeadlineFacts.Offer(7, 42, offered, answered))), settings).get(0);
        assertEquals(LocalDate.of(2026, 11, 7), met.metOn(), "the answer meets it");
        Due shorter = DeadlineRules.dueFor(facts, new DeadlineRules.RuleSettings(Map.of(), java.time.Duration.ofHours(24), BOSTON,
                java.time.LocalDate.MIN)).get(0);
        assertEquals(offered.plus(java.time.Duration.ofHours(24)), shorter.dueAt(), "the fund's setting in force");
    }

    @Test
    void aGrantOwesAReportAtTheEndOfEveryReportingPeriodAndAtItsEnd() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        LocalDate end = LocalDate.of(2026, 12, 31);
        List<LocalDate> quarters = org.defensefund.tracker.funding.ReportingSchedule.QUARTERLY.reportDates(start, end);
        assertEquals(List.of(LocalDate.of(2026, 3, 31), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30), end), quarters);
        assertEquals(List.of(end), org.defensefund.tracker.funding.ReportingSchedule.END_OF_GRANT.reportDates(start, end));
        List<LocalDate> cutShort = org.defensefund.tracker.funding.ReportingSchedule.SEMIANNUAL.reportDates(start, LocalDate.of(2026, 10, 15));
        assertEquals(List.of(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 10, 15)), cutShort, "the last period ends with the grant");
        List<Due> due = DeadlineRules.dueForGrant(start, quarters, LocalDate.MIN);
        assertEquals(4, due.size());
        assertEquals(new Due(DeadlineRule.FUNDER_REPORT, "report:2026-03-31", start, LocalDate.of(2026, 3, 31), null), due.get(0));
    }

    @Test
    void deadlinesDueBeforeTheyWereKeptAreNotCalledFor() {
        LocalDate start = LocalDate.of(2026, 1, 1);
        List<LocalDate> quarters = org.defensefund.tracker.funding.ReportingSchedule.QUARTERLY.reportDates(start, LocalDate.of(2026, 12, 31));
        assertEquals(List.of("report:2026-09-30", "report:2026-12-31"),
                DeadlineRules.dueForGrant(start, quarters, LocalDate.of(2026, 9, 30)).stream().map(Due::source).toList(), "due on the day kept from: kept");
        CaseDeadlineFacts decided = facts(List.of(new Decision(false, false, MONDAY)));
        DeadlineRules.RuleSettings keptLater = new DeadlineRules.RuleSettings(Map.of(), java.time.Duration.ofHours(48), BOSTON, LocalDate.of(2026, 12, 3));
        assertEquals(List.of(), DeadlineRules.dueFor(decided, keptLater), "a BIA appeal due before deadlines were kept");
    }
}
