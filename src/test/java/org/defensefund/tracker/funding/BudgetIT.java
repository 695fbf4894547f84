package org.defensefund.tracker.funding;

import static org.defensefund.tracker.testsupport.InContainer.expense;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Budget figures as MariaDB adds them up, against a fixture computed by hand to the cent; the period
 * filter; the 90% alert; and who may read which figures.
 */
@ExtendWith(ArquillianExtension.class)
class BudgetIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private CostService costs;

    @Inject
    private BudgetService budget;

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    private static void assertMoney(String expected, BigDecimal actual, String what) {
        assertEquals(money(expected), actual, what);
    }

    private CaseCost approved(UserAccount staff, UserAccount admin, LegalCase legalCase, CostEntry entry) {
        CaseCost cost = given.as(staff, () -> costs.record(legalCase.getId(), entry));
        return given.as(admin, () -> costs.approve(cost.getId(), cost.getVersion(), null, false, null));
    }

    private void paid(UserAccount admin, LegalCase legalCase, CaseCost cost) {
        Disbursement payment = given.as(admin, () -> costs.ofCase(legalCase.getId())).stream()
                .filter(l -> l.cost().getId().equals(cost.getId())).findFirst().orElseThrow().payment();
        given.as(admin, () -> costs.markPaid(payment.getId(), payment.getVersion(), LocalDate.now(FundClock.current()), null));
    }

    private static CostEntry hours(String hours, String rate) {
        CostEntry entry = new CostEntry();
        entry.setCategory(CostCategory.ATTORNEY_HOURS);
        entry.setHours(new BigDecimal(hours));
        entry.setRate(new BigDecimal(rate));
        entry.setCostDate(LocalDate.now(FundClock.current()).minusDays(2));
        return entry;
    }

    @Test
    void figuresMatchTheHandComputedFixtureToTheCent() {
        UserAccount admin = given.admin();
        Grant grant = given.grant("10000.00", g -> { });
        PartnerOrganization p1 = given.partner(InContainer.unique("Fixture One"));
        PartnerOrganization p2 = given.partner(InContainer.unique("Fixture Two"));
        SubAward a = given.subAward(grant, p1, "6000.00");
        SubAward b = given.subAward(grant, p2, "3000.00");
        UserAccount staff1 = given.partnerStaff(p1);
        UserAccount staff2 = given.partnerStaff(p2);
        LegalCase c1 = given.charged(a, p1);
        LegalCase c2 = given.charged(a, p1);
        LegalCase c3 = given.charged(b, p2);

        approved(staff1, admin, c1, hours("2.5", "180.00"));                      // 450.00
        approved(staff1, admin, c1, expense(CostCategory.INTERPRETER, "33.33"));
        given.as(staff1, () -> costs.record(c1.getId(), expense(CostCategory.FLAT_FEE, "1000.00")));   // submitted only
        CaseCost rejected = given.as(staff1, () -> costs.record(c1.getId(), expense(CostCategory.TRAVEL, "99.99")));
        given.as(admin, () -> costs.reject(rejected.getId(), rejected.getVersion(), "Not ours"));
        CostEntry older = expense(CostCategory.FLAT_FEE, "1200.00");
        older.setCostDate(LocalDate.now(FundClock.current()).minusDays(30));
        CaseCost c2Fee = approved(staff1, admin, c2, older);
        paid(admin, c2, c2Fee);
        CaseCost c3Hours = approved(staff2, admin, c3, hours("0.75", "133.33"));   // 99.9975 -> 100.00
        paid(admin, c3, c3Hours);
        approved(staff2, admin, c3, expense(CostCategory.FILING_FEE, "0.01"));

        BudgetFigures fa = given.as(admin, () -> budget.subAward(a.getId(), null, null));
        assertMoney("6000.00", fa.awarded(), "A awarded");
        assertMoney("2683.33", fa.committed(), "A committed: 450 + 33.33 + 1000 + 1200");
        assertMoney("1683.33", fa.approved(), "A approved");
        assertMoney("1200.00", fa.paid(), "A paid");
        assertMoney("4316.67", fa.getRemaining(), "A remaining");
        assertEquals(2, fa.casesFunded());
        assertMoney("841.67", fa.getCostPerCase(), "A cost per case: 1683.33 / 2 = 841.665, half up");

        BudgetFigures fb = given.as(admin, () -> budget.subAward(b.getId(), null, null));
        assertMoney("100.01", fb.committed(), "B committed");
        assertMoney("100.01", fb.approved(), "B approved");
        assertMoney("100.00", fb.paid(), "B paid");
        assertMoney("2899.99", fb.getRemaining(), "B remaining");
        assertEquals(1, fb.casesFunded());

        BudgetFigures total = given.as(admin, () -> budget.grant(grant.getId(), null, null));
        assertMoney("10000.00", total.awarded(), "grant awarded");
        assertMoney("9000.00", total.allocated(), "grant allocated");
        assertMoney("1000.00", total.getUnallocated(), "grant unallocated");
        assertMoney("2783.34", total.committed(), "grant committed");
        assertMoney("1783.34", total.approved(), "grant approved");
        assertMoney("1300.00", total.paid(), "grant paid");
        assertMoney("8216.66", total.getRemaining(), "grant remaining");
        assertEquals(3, total.casesFunded());
        assertMoney("594.45", total.getCostPerCase(), "1783.34 / 3 = 594.4466..");
        assertEquals(total, given.as(admin, () -> budget.grants()).get(grant.getId()), "the list's figures are the same");

        LocalDate from = LocalDate.now(FundClock.current()).minusDays(10);
        BudgetFigures recent = given.as(admin, () -> budget.subAward(a.getId(), from, null));
        assertMoney("483.33", recent.approved(), "the 1,200 fee dated 30 days ago is outside the period");
        assertMoney("1483.33", recent.committed(), "A committed within the period");
        Map<Long, BudgetFigures> perSubAward = given.as(admin, () -> budget.subAwardsOfGrant(grant.getId(), from, null));
        assertMoney("583.34", perSubAward.get(a.getId()).approved().add(perSubAward.get(b.getId()).approved()), "both, in the period");
        assertMoney("583.34", given.as(admin, () -> budget.grant(grant.getId(), from, null)).approved(), "grant in the period");
    }

    @Test
    void aSubAwardAtNinetyPercentSpentIsFlaggedAndOneBelowIsNot() {
        UserAccount admin = given.admin();
        Grant grant = given.grant("1000.00", g -> { });
        PartnerOrganization partner = given.partner(InContainer.unique("Alert Legal"));
        SubAward atNinety = given.subAward(grant, partner, "100.00");
        SubAward below = given.subAward(grant, partner, "100.00");
        UserAccount staff = given.partnerStaff(partner);
        LegalCase first = given.charged(atNinety, partner);
        approved(staff, admin, first, expense(CostCategory.FLAT_FEE, "90.00"));
        LegalCase second = given.charged(below, partner);
        approved(staff, admin, second, expense(CostCategory.FLAT_FEE, "89.99"));

        var flagged = given.as(admin, () -> budget.alerts()).stream().map(alert -> alert.subAward().getId()).toList();
        assertTrue(flagged.contains(atNinety.getId()));
        assertFalse(flagged.contains(below.getId()));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> budget.alerts()));
    }

    @Test
    void fundersReadOnlyTheirOwnGrantsFiguresAndPartnersOnlyTheirSubAwards() {
        Grant mine = given.grant("500.00", g -> { });
        Grant theirs = given.grant("700.00", g -> { });
        PartnerOrganization partner = given.partner(InContainer.unique("Figures Legal"));
        PartnerOrganization other = given.partner(InContainer.unique("Other Figures Legal"));
        SubAward own = given.subAward(mine, partner, "100.00");
        SubAward notOwn = given.subAward(theirs, other, "100.00");

        UserAccount funderUser = given.funderUser(mine.getFunder());
        assertEquals(java.util.Set.of(mine.getId()), given.as(funderUser, () -> budget.grants()).keySet());
        assertMoney("500.00", given.as(funderUser, () -> budget.grant(mine.getId(), null, null)).awarded(), "own grant");
        assertThrows(AccessDeniedException.class, () -> given.as(funderUser, () -> budget.grant(theirs.getId(), null, null)));
        assertThrows(AccessDeniedException.class, () -> given.as(funderUser, () -> budget.subAwardsOfGrant(theirs.getId(), null, null)));
        assertThrows(AccessDeniedException.class, () -> given.as(funderUser, () -> budget.subAward(notOwn.getId(), null, null)));
        assertEquals(java.util.Set.of(own.getId()), given.as(funderUser, () -> budget.subAwardsOfGrant(mine.getId(), null, null)).keySet());

        UserAccount staff = given.partnerStaff(partner);
        assertEquals(java.util.Set.of(own.getId()), given.as(staff, () -> budget.ownSubAwards()).keySet());
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> budget.subAward(notOwn.getId(), null, null)));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> budget.grant(mine.getId(), null, null)));
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> budget.grants()));
    }
}
