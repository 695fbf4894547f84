package org.defensefund.tracker.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.cases.CaseOffer;
import org.defensefund.tracker.cases.AssignmentService;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.ConfidentialityService;
import org.defensefund.tracker.cases.ClosingService;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.ConfidentialityReason;
import org.defensefund.tracker.cases.CustodyEvent;
import org.defensefund.tracker.cases.CustodyEventKind;
import org.defensefund.tracker.cases.Hearing;
import org.defensefund.tracker.cases.HearingKind;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.cases.RepresentationService;
import org.defensefund.tracker.cases.Screening;
import org.defensefund.tracker.funding.ChargeService;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboards' read model stays equal to the base tables: after a random sequence of case changes
 * (referral, screening, offers accepted, declined and withdrawn, reassignment, charges and re-charges,
 * hearings, custody, relief, closing, reopening by appeal, confidential marking and lifting, and dates
 * moved under it), the kept facts and tally equal those made afresh from the base tables, and every
 * figure of the dashboard equals the one the base tables' own SQL gives, for several scopes and periods.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardReadModelIT {

    private static final ZoneId ZONE = new Settings().zone();

    @Deployment
    static WebArchive deployment() {
        return Deployments.app().addClass(BaseTableDashboard.class);
    }

    @Inject
    private InContainer given;

    @Inject
    private CaseService cases;

    @Inject
    private AssignmentService assignment;

    @Inject
    private ClosingService closing;

    @Inject
    private ConfidentialityService confidentiality;

    @Inject
    private IntakeService intake;

    @Inject
    private RepresentationService representation;

    @Inject
    private ChargeService charges;

    @Inject
    private DashboardService dashboards;

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Resource
    private UserTransaction transaction;

    @Test
    void aRebuildByRangesOfCasesOnSeveralConnectionsGivesTheFactsAndTallyOfTheBaseTables() throws Exception {
        PartnerOrganization partner = given.partner(InContainer.unique("Rebuild Legal"));
        for (int i = 0; i < 5; i++) {
            given.assigned(partner);
            given.offered(partner);
        }
        DashboardReadModel.rebuild(dataSource::getConnection, ZONE, 3);
        transaction.begin();
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, Map<String, Object>> computed = DashboardReadModel.computedFacts(connection, ZONE);
            assertEquals(List.of(), differences(computed, DashboardReadModel.storedFacts(connection, null)),
                    "every case's facts, whichever connection wrote its range");
            assertEquals(List.of(), differences(DashboardReadModel.tallyOf(computed.values()), DashboardReadModel.storedTally(connection)),
                    "the tally added up from the ranges' counts");
            assertTrue(computed.size() >= 10, "cases: " + computed.size());
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void theReadModelEqualsTheBaseTablesAfterRandomChanges() throws Exception {
        Random random = new Random(20261130L);
        UserAccount admin = given.admin();
        PartnerOrganization first = given.partner(InContainer.unique("Model Legal A"));
        PartnerOrganization second = given.partner(InContainer.unique("Model Legal B"));
        Grant grant = given.grant("500000.00", g -> { });
        Grant other = given.grant("500000.00", g -> { });
        List<SubAward> awards = List.of(given.subAward(grant, first, "100000.00"), given.subAward(grant, second, "100000.00"),
                given.subAward(other, first, "100000.00"));
        List<PartnerOrganization> partners = List.of(first, second);
        List<Long> pool = new ArrayList<>();
        String[] countries = {"HN", "GT", "SV", "HT", "BR", null};

        for (int step = 0; step < 160; step++) {
            Long caseId = pool.isEmpty() || random.nextInt(5) == 0 ? null : pool.get(random.nextInt(pool.size()));
            try {
                if (caseId == null) {
                    Referral referral = given.referral();
                    referral.setReferralDate(LocalDate.now(ZONE).minusDays(random.nextInt(120)));
                    referral.getClient().setCountryOfBirth(countries[random.nextInt(countries.length)]);
                    referral.setCourt(random.nextBoolean() ? given.ref(ReferenceList.COURT, "BOS") : null);
                    if (random.nextInt(3) == 0) {
                        referral.setDetained(true);
                        referral.setFacility(given.ref(ReferenceList.DETENTION_FACILITY, "WYATT"));
                    }
                    pool.add(given.as(admin, () -> intake.refer(referral)).getId());
                    continue;
                }
                LegalCase now = given.as(admin, () -> cases.find(caseId));
                change(random, admin, now, partners, awards, pool);
            } catch (BusinessException | org.defensefund.tracker.shared.AccessDeniedException refused) {
                // a step the case's state doesn't allow: the read model must not move either
            }
        }

        transaction.begin();
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, Map<String, Object>> computed = DashboardReadModel.computedFacts(connection, ZONE);
            Map<Long, Map<String, Object>> kept = DashboardReadModel.storedFacts(connection, null);
            assertEquals(List.of(), differences(computed, kept), "every case's kept facts are its facts now");
            assertEquals(List.of(), differences(DashboardReadModel.tallyOf(computed.values()), DashboardReadModel.storedTally(connection)),
                    "the kept tally is the tally of the facts");
            assertTrue(computed.size() > 20, "cases: " + computed.size());
        } finally {
            transaction.rollback();
        }

        LocalDate today = LocalDate.now(ZONE);
        BaseTableDashboard oracle = new BaseTableDashboard(em, ZONE);
        List<DashboardScope> scopes = List.of(DashboardScope.WHOLE_FUND, new DashboardScope(grant.getFunder().getId(), null, null),
                new DashboardScope(null, grant.getId(), null), new DashboardScope(null, null, first.getId()),
                new DashboardScope(grant.getFunder().getId(), null, first.getId()), new DashboardScope(null, other.getId(), first.getId()));
        List<LocalDate[]> periods = List.of(new LocalDate[] {today.minusDays(400), today},
                new LocalDate[] {today.minusDays(45), today.minusDays(3)}, new LocalDate[] {today.withDayOfMonth(1), today},
                new LocalDate[] {today.minusMonths(2).withDayOfMonth(1), today.withDayOfMonth(1).minusDays(1)},
                new LocalDate[] {today, today}, new LocalDate[] {today.minusDays(90).withDayOfMonth(1), today.minusDays(20)},
                // Edge months mostly inside the period, whatever today is: read as whole months less their days outside.
                new LocalDate[] {today.minusMonths(3).withDayOfMonth(2), today.withDayOfMonth(1).minusDays(2)},
                new LocalDate[] {today.minusMonths(1).withDayOfMonth(2), today.withDayOfMonth(1).minusDays(2)});
        for (DashboardScope scope : scopes) {
            for (LocalDate[] period : periods) {
                Dashboard fromModel = given.as(admin, () -> dashboards.dashboard(scope, period[0], period[1], false));
                Dashboard fromBase = given.as(admin, () -> oracle.compute(scope, period[0], period[1]));
                assertEquals(fromBase, fromModel, "dashboard of " + scope + " from " + period[0] + " to " + period[1]);
            }
        }
        assertTrue(pool.size() > 20, "cases made: " + pool.size());
    }

    private void change(Random random, UserAccount admin, LegalCase now, List<PartnerOrganization> partners, List<SubAward> awards,
                        List<Long> pool) throws Exception {
        Long id = now.getId();
        long version = now.getVersion();
        LocalDate today = LocalDate.now(ZONE);
        switch (random.nextInt(14)) {
            case 0 -> given.as(admin, () -> intake.screen(id, version, random.nextInt(4) == 0
                    ? new Screening(false, true, true, CaseStatus.INELIGIBLE, given.ref(ReferenceList.INELIGIBILITY_REASON, "SERVICE_AREA"), null)
                    : new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
            case 1 -> given.as(admin, () -> assignment.offer(id, version, partners.get(random.nextInt(2)).getId(), null));
            case 2, 3 -> {
                CaseOffer offer = pending(id);
                if (offer != null) {
                    int answer = random.nextInt(4);
                    if (answer == 0) {
                        given.as(admin, () -> assignment.declineOffer(offer.getId(), given.ref(ReferenceList.DECLINE_REASON, "NO_CAPACITY"), null));
                    } else if (answer == 1) {
                        given.as(admin, () -> assignment.withdrawOffer(offer.getId(), null));
                    } else {
                        given.as(admin, () -> assignment.acceptOffer(offer.getId(), "Attorney Model"));
                    }
                }
            }
            case 4 -> given.as(admin, () -> assignment.reassign(id, version, "moved"));
            case 5 -> {
                SubAward award = awards.get(random.nextInt(awards.size()));
                given.as(admin, () -> charges.charge(id, award.getId()));
            }
            case 6 -> given.as(admin, () -> representation.recordHearing(id, new Hearing(HearingKind.MASTER_CALENDAR,
                    today.plusDays(random.nextInt(30)).atTime(9, 0))));
            case 7 -> {
                CustodyEvent event = new CustodyEvent(random.nextBoolean() ? CustodyEventKind.DETAINED : CustodyEventKind.RELEASED_PAROLE,
                        today.minusDays(random.nextInt(10)));
                if (event.getKind() == CustodyEventKind.DETAINED) {
                    event.setFacility(given.ref(ReferenceList.DETENTION_FACILITY, "PLYMOUTH"));
                }
                given.as(admin, () -> representation.recordCustody(id, event));
            }
            case 8 -> given.as(admin, () -> representation.recordNoticeOfAppearance(id, version, today.minusDays(random.nextInt(5))));
            case 9 -> given.as(admin, () -> closing.close(id, version, given.ref(ReferenceList.OUTCOME,
                    random.nextBoolean() ? "RELIEF_GRANTED" : "REMOVAL_ORDERED"),
                    random.nextBoolean() ? given.ref(ReferenceList.CUSTODY_RESULT, "RELEASED_BOND") : null, today.minusDays(1)));
            case 10 -> pool.add(given.as(admin, () -> closing.openAppeal(id)).getId());
            case 11 -> given.as(admin, () -> confidentiality.markConfidential(id, version, ConfidentialityReason.ASYLUM, "model"));
            case 12 -> given.as(admin, () -> confidentiality.liftConfidentiality(id, version, "model"));
            default -> moveDatesBack(id, 1 + random.nextInt(70));
        }
    }

    /** Moves the case's step times back (as if it happened earlier) and brings the read model up to date for it. */
    private void moveDatesBack(Long caseId, int days) throws Exception {
        transaction.begin();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE legal_case SET screened_at = screened_at - INTERVAL ? DAY,"
                     + " assigned_at = assigned_at - INTERVAL ? DAY, closed_at = closed_at - INTERVAL ? DAY WHERE id = ?")) {
            update.setInt(1, days);
            update.setInt(2, days);
            update.setInt(3, days);
            update.setLong(4, caseId);
            update.executeUpdate();
            DashboardReadModel.refresh(connection, ZONE, List.of(caseId));
            transaction.commit();
        } catch (Exception e) {
            transaction.rollback();
            throw e;
        }
    }

    /** What differs between two maps, as "key: expected / actual" lines (empty when equal). */
    private static <K, V> List<String> differences(Map<K, V> expected, Map<K, V> actual) {
        List<String> lines = new ArrayList<>();
        java.util.Set<K> keys = new java.util.LinkedHashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (K key : keys) {
            if (!java.util.Objects.equals(expected.get(key), actual.get(key))) {
                lines.add(key + ": " + expected.get(key) + " / " + actual.get(key));
            }
        }
        return lines.size() > 20 ? lines.subList(0, 20) : lines;
    }

    private CaseOffer pending(Long caseId) {
        return given.asSystem(() -> assignment.offers(caseId)).stream()
                .filter(offer -> offer.getStatus() == org.defensefund.tracker.cases.OfferStatus.PENDING)
                .findFirst().orElse(null);
    }
}
