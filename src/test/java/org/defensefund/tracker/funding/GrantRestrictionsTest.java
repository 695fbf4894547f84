package org.defensefund.tracker.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.defensefund.tracker.cases.CaseFacts;
import org.defensefund.tracker.cases.CaseStatus;
import org.junit.jupiter.api.Test;

/** A grant's restrictions against a case's facts and a new cost, without a container. */
class GrantRestrictionsTest {

    private static final long REMOVAL = 1L;
    private static final long AOC = 2L;
    private static final long ASYLUM = 10L;
    private static final long SIJS = 11L;

    private static CaseFacts caseOf(Long caseType, Set<Long> relief, boolean everDetained, String municipality) {
        return new CaseFacts(7L, "2026-0007", CaseStatus.ASSIGNED, 3L, caseType, relief, everDetained, municipality);
    }

    private static final CaseFacts ANY_CASE = caseOf(REMOVAL, Set.of(ASYLUM), false, "Boston");

    private static GrantRestrictions restricted(Map<Long, String> caseTypes, Map<Long, String> relief, boolean detainedOnly,
                                                Set<String> municipalities, String maxPerCase, Set<CostCategory> excluded) {
        return new GrantRestrictions(caseTypes, relief, detainedOnly, municipalities,
                maxPerCase == null ? null : new BigDecimal(maxPerCase), excluded);
    }

    private static List<RestrictionKind> kinds(List<RestrictionFailure> failures) {
        return failures.stream().map(RestrictionFailure::kind).toList();
    }

    @Test
    void anUnrestrictedGrantTakesEveryCaseAndCost() {
        assertFalse(GrantRestrictions.NONE.isRestricted());
        assertEquals(List.of(), GrantRestrictions.NONE.check(caseOf(null, Set.of(), false, null)));
        assertEquals(List.of(), GrantRestrictions.NONE.checkCost(CostCategory.EXPERT, new BigDecimal("1000000.00"), new BigDecimal("5.00")));
    }

    @Test
    void caseTypeMustBeOneOfTheGrantsAndTheMessageNamesThemInOrder() {
        GrantRestrictions only = restricted(Map.of(REMOVAL, "Removal defense", AOC, "Adjustment"), Map.of(), false, Set.of(), null, Set.of());
        assertTrue(only.isRestricted());
        assertEquals(List.of(), only.check(ANY_CASE));
        List<RestrictionFailure> failed = only.check(caseOf(99L, Set.of(), false, null));
        assertEquals(List.of(new RestrictionFailure(RestrictionKind.CASE_TYPE, "Adjustment, Removal defense")), failed);
        assertEquals(List.of(RestrictionKind.CASE_TYPE), kinds(only.check(caseOf(null, Set.of(), false, null))), "no type recorded: fails");
    }

    @Test
    void oneOfTheReliefSoughtIsEnough() {
        GrantRestrictions sijs = restricted(Map.of(), Map.of(SIJS, "SIJS"), false, Set.of(), null, Set.of());
        assertEquals(List.of(), sijs.check(caseOf(REMOVAL, Set.of(ASYLUM, SIJS), false, null)));
        assertEquals(List.of(new RestrictionFailure(RestrictionKind.RELIEF_TYPE, "SIJS")), sijs.check(ANY_CASE));
        assertEquals(List.of(RestrictionKind.RELIEF_TYPE), kinds(sijs.check(caseOf(REMOVAL, Set.of(), false, null))), "none sought yet");
    }

    @Test
    void detainedOnlyTakesClientsEverDetainedDuringTheCase() {
        GrantRestrictions detained = restricted(Map.of(), Map.of(), true, Set.of(), null, Set.of());
        assertEquals(List.of(), detained.check(caseOf(REMOVAL, Set.of(), true, null)));
        assertEquals(List.of(RestrictionKind.DETAINED_ONLY), kinds(detained.check(ANY_CASE)));
    }

    @Test
    void municipalitiesCompareWithoutCaseAccentsOrSpaces() {
        GrantRestrictions city = restricted(Map.of(), Map.of(), false, Set.of("Boston", " Chelsea ", " "), null, Set.of());
        assertEquals(Set.of("Boston", "Chelsea"), city.getMunicipalities(), "trimmed, blanks dropped");
        assertEquals(List.of(), city.check(caseOf(REMOVAL, Set.of(), false, "  chélsea ")));
        assertEquals(List.of(new RestrictionFailure(RestrictionKind.MUNICIPALITY, "Boston, Chelsea")), city.check(caseOf(REMOVAL, Set.of(), false, "Lynn")));
        assertEquals(List.of(RestrictionKind.MUNICIPALITY), kinds(city.check(caseOf(REMOVAL, Set.of(), false, " "))), "no address: fails");
    }

    @Test
    void aCaseFailingSeveralRestrictionsGetsThemAllInAFixedOrder() {
        GrantRestrictions all = restricted(Map.of(AOC, "Adjustment"), Map.of(SIJS, "SIJS"), true, Set.of("Chelsea"), "100.00", Set.of());
        assertEquals(List.of(RestrictionKind.CASE_TYPE, RestrictionKind.RELIEF_TYPE, RestrictionKind.DETAINED_ONLY, RestrictionKind.MUNICIPALITY),
                kinds(all.check(ANY_CASE)));
    }

    @Test
    void theMaximumPerCaseCountsWhatIsAlreadyOnTheCase() {
        GrantRestrictions capped = restricted(Map.of(), Map.of(), false, Set.of(), "1500.00", Set.of());
        assertEquals(List.of(), capped.checkCost(CostCategory.TRAVEL, new BigDecimal("500.00"), new BigDecimal("1000.00")), "exactly the maximum");
        assertEquals(List.of(new RestrictionFailure(RestrictionKind.MAX_PER_CASE, "1500.00")),
                capped.checkCost(CostCategory.TRAVEL, new BigDecimal("500.01"), new BigDecimal("1000.00")));
        assertEquals(List.of(), capped.check(ANY_CASE), "a maximum doesn't limit which cases qualify");
    }

    @Test
    void anExcludedUseIsRefusedWhateverTheAmount() {
        GrantRestrictions noExperts = restricted(Map.of(), Map.of(), false, Set.of(), "10.00", Set.of(CostCategory.EXPERT));
        assertEquals(List.of(new RestrictionFailure(RestrictionKind.EXCLUDED_USE, "EXPERT")),
                noExperts.checkCost(CostCategory.EXPERT, new BigDecimal("1.00"), BigDecimal.ZERO));
        assertEquals(List.of(RestrictionKind.EXCLUDED_USE, RestrictionKind.MAX_PER_CASE),
                kinds(noExperts.checkCost(CostCategory.EXPERT, new BigDecimal("11.00"), BigDecimal.ZERO)));
        assertEquals(List.of(), noExperts.checkCost(CostCategory.TRAVEL, new BigDecimal("1.00"), BigDecimal.ZERO));
    }
}
