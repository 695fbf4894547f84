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
}
