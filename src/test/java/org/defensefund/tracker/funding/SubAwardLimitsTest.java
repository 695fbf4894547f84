package org.defensefund.tracker.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.defensefund.tracker.shared.BusinessException;
import org.junit.jupiter.api.Test;

/**
 * The limits of sub-awards, kept by the grant and the sub-award themselves: never more than the grant, inside
 * its period, never below what is approved, amended only with a reason; and a grant revised never below its
 * sub-awards nor around one. Without a container: the service only adds the sums it reads under lock.
 */
class SubAwardLimitsTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 12, 31);
    private static final Funder FUNDER = new Funder("City of Boston", FunderKind.CITY);

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static Grant grantOf(String amount) {
        return new Grant(FUNDER, new GrantTerms(FUNDER, "Immigrant Defense 2026", money(amount), START, END));
    }

    private static SubAwardTerms terms(String amount, String reason) {
        return new SubAwardTerms(money(amount), START, END, reason);
    }

    private static BusinessException refused(Runnable step) {
        return assertThrows(BusinessException.class, step::run);
    }

    @Test
    void anAwardFitsInWhatTheGrantHasLeftToTheCent() {
        Grant grant = grantOf("1000.00");
        SubAward exact = grant.award(5L, terms("400.00", null), money("600.00"));
        assertEquals(0, money("400.00").compareTo(exact.getAmount()));
        assertEquals(5L, exact.getPartnerId());

        BusinessException over = refused(() -> grant.award(6L, terms("400.01", null), money("600.00")));
        assertEquals("subAward.exceedsGrant", over.messageKey());
        assertEquals(0, money("0.01").compareTo((BigDecimal) over.arguments()[0]), "the excess");
        assertEquals(0, money("1000.00").compareTo((BigDecimal) over.arguments()[1]), "the grant");
    }

    @Test
    void anAwardLiesInsideTheGrantsPeriodAndEndsAfterItStarts() {
        Grant grant = grantOf("1000.00");
        assertEquals("subAward.period.outsideGrant",
                refused(() -> grant.award(5L, new SubAwardTerms(money("1.00"), START.minusDays(1), END, null), BigDecimal.ZERO)).messageKey());
        assertEquals("subAward.period.outsideGrant",
                refused(() -> grant.award(5L, new SubAwardTerms(money("1.00"), START, END.plusDays(1), null), BigDecimal.ZERO)).messageKey());
        assertEquals("period.endBeforeStart",
                refused(() -> grant.award(5L, new SubAwardTerms(money("1.00"), END, START, null), BigDecimal.ZERO)).messageKey());
    }

    @Test
    void anAmendmentCountsTheSubAwardOnlyOnceAndKeepsTheOldTerms() {
        Grant grant = grantOf("1000.00");
        SubAward first = grant.award(5L, terms("600.00", null), BigDecimal.ZERO);
        // The grant's sub-awards add up to 1,000 (this one's 600 and another's 400): 600 may become 600, not 600.01.
        SubAwardAmendment same = first.amend(new SubAwardTerms(money("600.00"), START, END.minusDays(30), " New end "), money("1000.00"), BigDecimal.ZERO, "admin@fund.org");
        assertEquals(0, money("600.00").compareTo(same.getOldAmount()));
        assertEquals(END, same.getOldEnd());
        assertEquals(END.minusDays(30), same.getNewEnd());
        assertEquals("New end", same.getReason());
        assertEquals("admin@fund.org", same.getAmendedBy());
        assertEquals(END.minusDays(30), first.getPeriodEnd());

        BusinessException over = refused(() -> first.amend(terms("600.01", "More cases"), money("1000.00"), BigDecimal.ZERO, "admin@fund.org"));
        assertEquals("subAward.exceedsGrant", over.messageKey());
        assertEquals(0, money("0.01").compareTo((BigDecimal) over.arguments()[0]));
        assertEquals(0, money("600.00").compareTo(first.getAmount()), "a refused amendment changes nothing");
    }

    @Test
    void anAmendmentNeedsAReasonAndNeverFallsBelowWhatIsApproved() {
        Grant grant = grantOf("1000.00");
        SubAward subAward = grant.award(5L, terms("500.00", null), BigDecimal.ZERO);
        assertEquals("subAward.reason.required", refused(() -> subAward.amend(terms("400.00", " "), money("500.00"), BigDecimal.ZERO, "a")).messageKey());
        assertEquals("subAward.reason.required", refused(() -> subAward.amend(terms("400.00", null), money("500.00"), BigDecimal.ZERO, "a")).messageKey());
        BusinessException below = refused(() -> subAward.amend(terms("299.99", "Fewer cases"), money("500.00"), money("300.00"), "a"));
        assertEquals("subAward.belowApproved", below.messageKey());
        assertEquals(0, money("300.00").compareTo((BigDecimal) below.arguments()[0]));
        SubAwardAmendment down = subAward.amend(terms("300.00", "Fewer cases"), money("500.00"), money("300.00"), "a");
        assertEquals(0, money("300.00").compareTo(down.getNewAmount()), "down to exactly what is approved");
        assertEquals("subAward.period.outsideGrant",
                refused(() -> subAward.amend(new SubAwardTerms(money("300.00"), START, END.plusDays(1), "Longer"), money("300.00"), BigDecimal.ZERO, "a")).messageKey());
    }

    @Test
    void aGrantRevisedNeverFallsBelowItsSubAwardsNorLeavesOneOutOfItsPeriod() {
        Grant grant = grantOf("1000.00");
        SubAward subAward = grant.award(5L, new SubAwardTerms(money("700.00"), START.plusMonths(1), END, null), BigDecimal.ZERO);
        GrantTerms smaller = GrantTerms.of(grant);
        smaller.setAmount(money("699.99"));
        BusinessException below = refused(() -> grant.revise(smaller, money("700.00"), List.of(subAward), id -> "Partner " + id));
        assertEquals("grant.amount.belowSubAwards", below.messageKey());
        assertEquals(0, money("0.01").compareTo((BigDecimal) below.arguments()[1]), "short by");
        assertEquals(0, money("1000.00").compareTo(grant.getAmount()), "a refused revision changes nothing");

        GrantTerms shorter = GrantTerms.of(grant);
        shorter.setPeriodEnd(END.minusDays(1));
        BusinessException excludes = refused(() -> grant.revise(shorter, money("700.00"), List.of(subAward), id -> "Partner " + id));
        assertEquals("grant.period.excludesSubAward", excludes.messageKey());
        assertEquals("Partner 5", excludes.arguments()[0]);

        GrantTerms later = GrantTerms.of(grant);
        later.setAmount(money("700.00"));
        later.setPeriodStart(START.plusMonths(1));
        later.setName("  Renamed grant ");
        grant.revise(later, money("700.00"), List.of(subAward), id -> "Partner " + id);
        assertEquals(0, money("700.00").compareTo(grant.getAmount()));
        assertEquals(START.plusMonths(1), grant.getPeriodStart());
        assertEquals("Renamed grant", grant.getName());
        assertEquals(FUNDER, grant.getFunder());
        assertNull(grant.getMaxPerCase());
    }

    @Test
    void aMunicipalityLongerThanTheGrantKeepsIsRefusedBesideItsFieldAndNothingChanges() {
        Grant grant = grantOf("1000.00");
        GrantTerms terms = new GrantTerms(FUNDER, "Immigrant Defense 2026", money("1000.00"), START, END);
        terms.setMunicipalities(java.util.Set.of("Boston", "x".repeat(Grant.MUNICIPALITY_LENGTH + 1)));
        BusinessException tooLong = refused(() -> grant.revise(terms, BigDecimal.ZERO, List.of(), id -> "—"));
        assertEquals("grant.municipality.tooLong", tooLong.messageKey());
        assertEquals("municipalities", tooLong.field());
        assertEquals(java.util.Set.of(), grant.getMunicipalities(), "the grant keeps what it had");

        terms.setMunicipalities(java.util.Set.of("Boston", "x".repeat(Grant.MUNICIPALITY_LENGTH)));
        grant.revise(terms, BigDecimal.ZERO, List.of(), id -> "—");
        assertEquals(2, grant.getMunicipalities().size(), "a name of exactly the column's size is kept");
    }
}
