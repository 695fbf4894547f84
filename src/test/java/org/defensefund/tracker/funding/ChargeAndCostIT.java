package org.defensefund.tracker.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.cases.CaseEventKind;
import org.defensefund.tracker.cases.AssignmentService;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.CustodyEvent;
import org.defensefund.tracker.cases.CustodyEventKind;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.cases.ReliefApplication;
import org.defensefund.tracker.cases.RepresentationService;
import org.defensefund.tracker.cases.Screening;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.defensefund.tracker.testsupport.InContainer.expense;

/**
 * Charging cases to sub-awards under each kind of grant restriction (one case that passes, one that
 * fails), recording costs, and approving them within the sub-award, also when two approvals race.
 */
@ExtendWith(ArquillianExtension.class)
class ChargeAndCostIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private ChargeService charges;

    @Inject
    private CostService costs;

    @Inject
    private CaseService cases;

    @Inject
    private AssignmentService assignment;

    @Inject
    private IntakeService intake;

    @Inject
    private RepresentationService representation;

    @Inject
    private ReferenceDataService referenceData;

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    /** A case assigned to the partner, its referral shaped by {@code shape}. */
    private LegalCase assigned(PartnerOrganization partner, Consumer<Referral> shape) {
        Referral referral = given.referral();
        shape.accept(referral);
        LegalCase referred = given.asSystem(() -> intake.refer(referral));
        LegalCase eligible = given.asSystem(() -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        var offer = given.asSystem(() -> assignment.offer(eligible.getId(), eligible.getVersion(), partner.getId(), null));
        return given.asSystem(() -> assignment.acceptOffer(offer.getId(), "Attorney"));
    }

    private Set<RestrictionKind> failedCharging(LegalCase legalCase, SubAward subAward) {
        try {
            given.asSystem(() -> charges.charge(legalCase.getId(), subAward.getId()));
            return Set.of();
        } catch (RestrictionException e) {
            return Set.copyOf(e.failures().stream().map(RestrictionFailure::kind).toList());
        }
    }

    @Test
    void caseTypeRestriction() {
        PartnerOrganization partner = given.partner(InContainer.unique("Type Legal"));
        Grant grant = given.grant("1000.00", g -> g.setCaseTypes(Set.of(given.ref(ReferenceList.CASE_TYPE, "AOC"))));
        SubAward subAward = given.subAward(grant, partner, "1000.00");
        LegalCase asylumOnly = assigned(partner, r -> r.setCaseType(given.ref(ReferenceList.CASE_TYPE, "AOC")));
        LegalCase removal = assigned(partner, r -> r.setCaseType(given.ref(ReferenceList.CASE_TYPE, "RMV")));
        assertEquals(Set.of(), failedCharging(asylumOnly, subAward));
        assertEquals(Set.of(RestrictionKind.CASE_TYPE), failedCharging(removal, subAward));
    }

    @Test
    void reliefRestriction() {
        PartnerOrganization partner = given.partner(InContainer.unique("Relief Legal"));
        Grant grant = given.grant("1000.00", g -> g.setReliefTypes(Set.of(given.ref(ReferenceList.RELIEF_TYPE, "SIJS"))));
        SubAward subAward = given.subAward(grant, partner, "1000.00");
        LegalCase sijs = assigned(partner, r -> { });
        LegalCase asylum = assigned(partner, r -> { });
        relief(sijs, "SIJS");
        relief(asylum, "ASYLUM");
        assertEquals(Set.of(), failedCharging(sijs, subAward));
        assertEquals(Set.of(RestrictionKind.RELIEF_TYPE), failedCharging(asylum, subAward));
    }

    private void relief(LegalCase legalCase, String code) {
        ReliefApplication relief = new ReliefApplication();
        relief.setReliefType(given.ref(ReferenceList.RELIEF_TYPE, code));
        relief.setFiledOn(LocalDate.now(FundClock.current()).minusDays(1));
        given.asSystem(() -> representation.recordRelief(legalCase.getId(), relief));
    }

    @Test
    void detainedOnlyRestrictionCountsADetentionDuringTheCase() {
        PartnerOrganization partner = given.partner(InContainer.unique("Detained Legal"));
        Grant grant = given.grant("1000.00", g -> g.setDetainedOnly(true));
        SubAward subAward = given.subAward(grant, partner, "1000.00");
        var facility = referenceData.active(ReferenceList.DETENTION_FACILITY).get(0);
        LegalCase detainedAtReferral = assigned(partner, r -> {
            r.setDetained(true);
            r.setFacility(facility);
        });
        LegalCase detainedLater = assigned(partner, r -> { });
        LegalCase neverDetained = assigned(partner, r -> { });
        assertEquals(Set.of(RestrictionKind.DETAINED_ONLY), failedCharging(detainedLater, subAward), "not detained yet");
        CustodyEvent detained = new CustodyEvent();
        detained.setKind(CustodyEventKind.DETAINED);
        detained.setEventDate(LocalDate.now(FundClock.current()).minusDays(1));
        detained.setFacility(facility);
        given.asSystem(() -> representation.recordCustody(detainedLater.getId(), detained));
        CustodyEvent released = new CustodyEvent();
        released.setKind(CustodyEventKind.RELEASED_PAROLE);
        released.setEventDate(LocalDate.now(FundClock.current()));
        given.asSystem(() -> representation.recordCustody(detainedLater.getId(), released));

        assertEquals(Set.of(), failedCharging(detainedAtReferral, subAward));
        assertEquals(Set.of(), failedCharging(detainedLater, subAward), "detained during the case, released since");
        assertEquals(Set.of(RestrictionKind.DETAINED_ONLY), failedCharging(neverDetained, subAward));
    }

    @Test
    void municipalityRestrictionComparesWithoutCaseOrAccents() {
        PartnerOrganization partner = given.partner(InContainer.unique("City Legal"));
        Grant grant = given.grant("1000.00", g -> g.setMunicipalities(Set.of("Boston", " Chelsea ")));
        SubAward subAward = given.subAward(grant, partner, "1000.00");
        LegalCase chelsea = assigned(partner, r -> r.getClient().getAddress().setCity("  chélsea "));
        LegalCase lynn = assigned(partner, r -> r.getClient().getAddress().setCity("Lynn"));
        LegalCase unknown = assigned(partner, r -> { });
        assertEquals(Set.of(), failedCharging(chelsea, subAward));
        assertEquals(Set.of(RestrictionKind.MUNICIPALITY), failedCharging(lynn, subAward));
        assertEquals(Set.of(RestrictionKind.MUNICIPALITY), failedCharging(unknown, subAward), "no address: can't show residence");
    }

    @Test
    void maximumPerCaseRestrictionCountsWhatIsAlreadyOnTheCase() {
        PartnerOrganization partner = given.partner(InContainer.unique("Cap Legal"));
        Grant grant = given.grant("5000.00", g -> g.setMaxPerCase(money("1500.00")));
        SubAward subAward = given.subAward(grant, partner, "5000.00");
        LegalCase legalCase = given.charged(subAward, partner);
        UserAccount staff = given.partnerStaff(partner);
        given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.FLAT_FEE, "1000.00")));
        given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.EXPERT, "500.00")));
        RestrictionException over = assertThrows(RestrictionException.class,
                () -> given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.INTERPRETER, "0.01"))));
        assertEquals(RestrictionKind.MAX_PER_CASE, over.failures().get(0).kind());
        assertEquals("amount", over.field());
    }

    @Test
    void excludedUseRestriction() {
        PartnerOrganization partner = given.partner(InContainer.unique("Use Legal"));
        Grant grant = given.grant("5000.00", g -> g.setExcludedUses(Set.of(CostCategory.EXPERT)));
        SubAward subAward = given.subAward(grant, partner, "5000.00");
        LegalCase legalCase = given.charged(subAward, partner);
        UserAccount staff = given.partnerStaff(partner);
        assertNotNull(given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.INTERPRETER, "200.00"))));
        RestrictionException excluded = assertThrows(RestrictionException.class,
                () -> given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.EXPERT, "200.00"))));
        assertEquals(List.of(RestrictionKind.EXCLUDED_USE), excluded.failures().stream().map(RestrictionFailure::kind).toList());
        assertEquals("category", excluded.field());
    }

    @Test
    void onlyTheCasePartnersCurrentSubAwardsAndAssignedCasesCanBeCharged() {
        PartnerOrganization partner = given.partner(InContainer.unique("Own Sub Legal"));
        PartnerOrganization other = given.partner(InContainer.unique("Other Sub Legal"));
        Grant grant = given.grant("5000.00", g -> { });
        SubAward others = given.subAward(grant, other, "1000.00");
        LegalCase legalCase = assigned(partner, r -> { });
        assertTrue(failedCharging(legalCase, others).contains(RestrictionKind.PARTNER));
        LegalCase notAssigned = given.eligible();
        SubAward own = given.subAward(grant, partner, "1000.00");
        assertTrue(failedCharging(notAssigned, own).contains(RestrictionKind.CASE_STATUS));

        UserAccount admin = given.admin();
        given.as(admin, () -> charges.charge(legalCase.getId(), own.getId()));
        assertEquals(own.getId(), given.as(admin, () -> charges.chargeOf(legalCase.getId())).orElseThrow().getSubAward().getId());
        assertTrue(given.as(admin, () -> cases.timeline(legalCase.getId())).stream().anyMatch(e -> e.getKind() == CaseEventKind.CHARGED));
        UserAccount staff = given.partnerStaff(partner);
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> charges.charge(legalCase.getId(), own.getId())),
                "partner staff don't choose the fund's money");
        List<SubAwardOption> options = given.as(admin, () -> charges.options(legalCase.getId()));
        assertEquals(List.of(own.getId()), options.stream().map(o -> o.subAward().getId()).toList(), "only the case partner's sub-awards");
        var byPartner = given.as(admin, () -> charges.qualifyingByPartner(legalCase.getId()));
        assertTrue(byPartner.get(partner.getId()).stream().anyMatch(o -> o.subAward().getId().equals(own.getId()) && o.qualifies()));
    }

    @Test
    void costsNeedTheirPartsACurrentDateAndAChargedCase() {
        PartnerOrganization partner = given.partner(InContainer.unique("Parts Legal"));
        Grant grant = given.grant("5000.00", g -> { });
        SubAward subAward = given.subAward(grant, partner, "5000.00");
        UserAccount staff = given.partnerStaff(partner);
        LegalCase notCharged = assigned(partner, r -> { });
        assertEquals("cost.notCharged", assertThrows(BusinessException.class,
                () -> given.as(staff, () -> costs.record(notCharged.getId(), expense(CostCategory.TRAVEL, "10.00")))).messageKey());
        LegalCase legalCase = given.charged(subAward, partner);

        CostEntry hours = new CostEntry();
        hours.setCategory(CostCategory.ATTORNEY_HOURS);
        hours.setHours(money("1.25"));
        hours.setCostDate(LocalDate.now(FundClock.current()));
        assertEquals("cost.rate.required", assertThrows(BusinessException.class,
                () -> given.as(staff, () -> costs.record(legalCase.getId(), hours))).messageKey());
        hours.setRate(money("150.10"));
        CaseCost recorded = given.as(staff, () -> costs.record(legalCase.getId(), hours));
        assertEquals(money("187.63"), recorded.getAmount(), "1.25 h × 150.10 = 187.625, half up to the cent");

        assertThrows(ConstraintViolationException.class, () -> given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.TRAVEL, "-1.00"))));
        assertThrows(ConstraintViolationException.class, () -> given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.TRAVEL, "1.001"))));
        CostEntry future = expense(CostCategory.TRAVEL, "1.00");
        future.setCostDate(LocalDate.now(FundClock.current()).plusDays(1));
        assertThrows(ConstraintViolationException.class, () -> given.as(staff, () -> costs.record(legalCase.getId(), future)));
        CostEntry beforePeriod = expense(CostCategory.TRAVEL, "1.00");
        beforePeriod.setCostDate(subAward.getPeriodStart().minusDays(1));
        assertEquals("cost.date.outsidePeriod", assertThrows(BusinessException.class,
                () -> given.as(staff, () -> costs.record(legalCase.getId(), beforePeriod))).messageKey());
        assertEquals(1, given.as(staff, () -> costs.ofCase(legalCase.getId())).size(), "nothing half-saved");

        PartnerOrganization stranger = given.partner(InContainer.unique("Stranger Legal"));
        UserAccount strangerStaff = given.partnerStaff(stranger);
        assertThrows(AccessDeniedException.class, () -> given.as(strangerStaff, () -> costs.record(legalCase.getId(), expense(CostCategory.TRAVEL, "5.00"))));
        assertThrows(AccessDeniedException.class, () -> given.as(strangerStaff, () -> costs.ofCase(legalCase.getId())));
        assertThrows(AccessDeniedException.class, () -> given.as(strangerStaff, () -> costs.ofSubAward(subAward.getId(), null, null)));
        UserAccount funderUser = given.funderUser(grant.getFunder());
        assertThrows(AccessDeniedException.class, () -> given.as(funderUser, () -> costs.ofSubAward(subAward.getId(), null, null)),
                "funders never get lists of cases");
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> costs.approve(recorded.getId(), recorded.getVersion(), null, false, null)),
                "partner staff can't approve their own costs");
    }

    @Test
    void approvalsStayWithinTheSubAwardUnlessOverriddenWithAReason() {
        PartnerOrganization partner = given.partner(InContainer.unique("Budget Legal"));
        Grant grant = given.grant("5000.00", g -> { });
        SubAward subAward = given.subAward(grant, partner, "1000.00");
        LegalCase legalCase = given.charged(subAward, partner);
        UserAccount staff = given.partnerStaff(partner);
        UserAccount admin = given.admin();
        CaseCost first = given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.FLAT_FEE, "800.00")));
        CaseCost second = given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.EXPERT, "250.00")));
        given.as(admin, () -> costs.approve(first.getId(), first.getVersion(), null, false, null));
        BusinessException over = assertThrows(BusinessException.class,
                () -> given.as(admin, () -> costs.approve(second.getId(), second.getVersion(), null, false, null)));
        assertEquals("cost.exceedsSubAward", over.messageKey());
        assertEquals(0, money("50.00").compareTo((BigDecimal) over.arguments()[0]));
        assertEquals("cost.override.reasonRequired", assertThrows(BusinessException.class,
                () -> given.as(admin, () -> costs.approve(second.getId(), second.getVersion(), null, true, " "))).messageKey());
        CaseCost overridden = given.as(admin, () -> costs.approve(second.getId(), second.getVersion(), null, true, "Expert report was indispensable"));
        assertTrue(overridden.isOverBudget());
        assertTrue(given.as(admin, () -> cases.timeline(legalCase.getId())).stream()
                .anyMatch(e -> e.getKind() == CaseEventKind.BUDGET_OVERRIDE && e.getActor().equals(admin.getEmail())), "the override is on the record");

        List<CostLine> lines = given.as(staff, () -> costs.ofCase(legalCase.getId()));
        assertTrue(lines.stream().allMatch(l -> l.payment() != null && l.payment().getStatus() == DisbursementStatus.SCHEDULED));
        Disbursement payment = lines.get(0).payment();
        assertEquals("disbursement.paidOn.future", assertThrows(BusinessException.class, () -> given.as(admin,
                () -> costs.markPaid(payment.getId(), payment.getVersion(), LocalDate.now(FundClock.current()).plusDays(1), null))).messageKey());
        Disbursement paid = given.as(admin, () -> costs.markPaid(payment.getId(), payment.getVersion(), LocalDate.now(FundClock.current()), "CHK-1001"));
        assertEquals(DisbursementStatus.PAID, paid.getStatus());

        CaseCost third = given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.TRAVEL, "20.00")));
        assertEquals("cost.rejection.reasonRequired", assertThrows(BusinessException.class,
                () -> given.as(admin, () -> costs.reject(third.getId(), third.getVersion(), ""))).messageKey());
        CaseCost rejected = given.as(admin, () -> costs.reject(third.getId(), third.getVersion(), "Not case related"));
        assertEquals(CostStatus.REJECTED, rejected.getStatus());
        assertEquals("cost.alreadyDecided", assertThrows(BusinessException.class,
                () -> given.as(admin, () -> costs.approve(rejected.getId(), rejected.getVersion(), null, false, null))).messageKey());
    }

    /**
     * Two administrators approve two 600 costs of a 1,000 sub-award at once: the first holds its
     * transaction open after approving; the second must wait for it and then be refused.
     */
    @Test
    void twoApprovalsAtOnceCannotBothFitUnderTheSubAward() throws Exception {
        PartnerOrganization partner = given.partner(InContainer.unique("Race Budget Legal"));
        Grant grant = given.grant("5000.00", g -> { });
        SubAward subAward = given.subAward(grant, partner, "1000.00");
        LegalCase legalCase = given.charged(subAward, partner);
        UserAccount staff = given.partnerStaff(partner);
        UserAccount admin = given.admin();
        CaseCost one = given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.FLAT_FEE, "600.00")));
        CaseCost two = given.as(staff, () -> costs.record(legalCase.getId(), expense(CostCategory.EXPERT, "600.00")));
        CountDownLatch firstApproved = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> given.inNewRequest(() -> given.inTransaction(() -> {
                given.as(admin, () -> costs.approve(one.getId(), one.getVersion(), null, false, null));
                firstApproved.countDown();
                InContainer.pause(1500);
                return "approved";
            })));
            assertTrue(firstApproved.await(30, TimeUnit.SECONDS));
            Future<String> second = pool.submit(() -> given.inNewRequest(() -> given.inTransaction(() -> {
                try {
                    given.as(admin, () -> costs.approve(two.getId(), two.getVersion(), null, false, null));
                    return "approved";
                } catch (BusinessException e) {
                    return e.messageKey();
                }
            })));
            assertEquals("approved", first.get(60, TimeUnit.SECONDS));
            assertEquals("cost.exceedsSubAward", second.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        List<CostLine> lines = given.as(admin, () -> costs.ofCase(legalCase.getId()));
        assertEquals(1, lines.stream().filter(l -> l.cost().getStatus() == CostStatus.APPROVED).count());
        assertFalse(lines.stream().anyMatch(l -> l.cost().isOverBudget()));
    }

}
