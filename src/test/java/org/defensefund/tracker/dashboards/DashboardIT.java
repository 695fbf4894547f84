package org.defensefund.tracker.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.cases.CaseOffer;
import org.defensefund.tracker.cases.AssignmentService;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.ClosingService;
import org.defensefund.tracker.cases.CaseStatus;
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
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.defensefund.tracker.testsupport.SelectCounter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dashboard figures against a fixture computed by hand: eight cases of one funder's grant (referred 1 to
 * 8 days ago; seven of Honduras, one of Guatemala; two detained at referral, one released since; two
 * hearings; five relief granted, one removal, one client withdrew, one open), another funder's case
 * beside them, exact for the administrator, suppressed for the funder, in a fixed number of statements.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private DashboardService dashboards;

    @Inject
    private CaseService cases;

    @Inject
    private AssignmentService assignment;

    @Inject
    private ClosingService closing;

    @Inject
    private IntakeService intake;

    @Inject
    private RepresentationService representation;

    @Inject
    private ChargeService charges;

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private UserTransaction transaction;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    private Grant grant;
    private Grant othersGrant;
    private PartnerOrganization partner;
    private final LocalDate today = LocalDate.now(FundClock.current());

    @BeforeEach
    void fixture() {
        partner = given.partner(InContainer.unique("Dashboard Legal"));
        grant = given.grant("100000.00", g -> { });
        SubAward subAward = given.subAward(grant, partner, "50000.00");
        var facility = referenceData.active(ReferenceList.DETENTION_FACILITY).get(0);
        String[] outcomes = {"RELIEF_GRANTED", "RELIEF_GRANTED", "RELIEF_GRANTED", "RELIEF_GRANTED", "RELIEF_GRANTED",
            "REMOVAL_ORDERED", "CLIENT_WITHDREW", null};
        for (int k = 1; k <= 8; k++) {
            Referral referral = given.referral();
            referral.setReferralDate(today.minusDays(k));
            referral.getClient().setCountryOfBirth(k == 4 ? "GT" : "HN");
            if (k == 7 || k == 8) {
                referral.setDetained(true);
                referral.setFacility(facility);
            }
            LegalCase legalCase = assign(referral, partner);
            given.asSystem(() -> charges.charge(legalCase.getId(), subAward.getId()));
            if (k <= 2) {
                given.asSystem(() -> representation.recordHearing(legalCase.getId(),
                        new Hearing(HearingKind.MASTER_CALENDAR, today.plusDays(20).atTime(9, 0))));
            }
            if (k == 8) {
                CustodyEvent released = new CustodyEvent();
                released.setKind(CustodyEventKind.RELEASED_PAROLE);
                released.setEventDate(today);
                given.asSystem(() -> representation.recordCustody(legalCase.getId(), released));
            }
            if (outcomes[k - 1] != null) {
                String outcome = outcomes[k - 1];
                LegalCase current = given.asSystem(() -> cases.find(legalCase.getId()));
                given.asSystem(() -> closing.close(current.getId(), current.getVersion(), given.ref(ReferenceList.OUTCOME, outcome),
                        null, today));
            }
        }
        PartnerOrganization otherPartner = given.partner(InContainer.unique("Other Dashboard Legal"));
        othersGrant = given.grant("1000.00", g -> { });
        given.charged(given.subAward(othersGrant, otherPartner, "1000.00"), otherPartner);
    }

    private LegalCase assign(Referral referral, PartnerOrganization to) {
        LegalCase referred = given.asSystem(() -> intake.refer(referral));
        LegalCase eligible = given.asSystem(() -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        CaseOffer offer = given.asSystem(() -> assignment.offer(eligible.getId(), eligible.getVersion(), to.getId(), null));
        return given.asSystem(() -> assignment.acceptOffer(offer.getId(), "Attorney"));
    }

    private Dashboard forFunder(boolean suppressed, UserAccount who) {
        return given.as(who, () -> dashboards.dashboard(new DashboardScope(grant.getFunder().getId(), null, null),
                today.minusDays(30), today, suppressed));
    }

    private static Map<String, String> shown(Breakdown b, int threshold) {
        Map<String, String> shown = b.cells().stream().collect(Collectors.toMap(Cell::key, c -> c.shownAs(threshold)));
        shown.put("total", b.total().shownAs(threshold));
        return shown;
    }

    @Test
    void theAdministratorSeesTheFixtureExactly() {
        Dashboard d = forFunder(false, given.admin());
        assertEquals(List.of(8L, 8L, 8L, 1L, 7L), d.activity().stream().map(Cell::value).toList(),
                "referrals, eligible, assigned, open at the end, closed");
        assertEquals(8L, d.toAssignment().cases().value());
        assertEquals(new BigDecimal("4.5"), d.toAssignment().median(), "median of 1..8 days");
        assertEquals(new BigDecimal("7.3"), d.toAssignment().p90(), "90th percentile of 1..8: 7 + 0.3");
        assertEquals(3L, d.toFirstAction().cases().value(), "two hearings and one release");
        assertEquals(new BigDecimal("2.0"), d.toFirstAction().median(), "median of 1, 2, 8");
        assertEquals(new BigDecimal("6.8"), d.toFirstAction().p90(), "2 + 0.8 x 6");
        assertEquals(Map.of("detained", "1", "released", "1", "neverDetained", "6", "total", "8"), shown(d.custodyStatus(), 5));
        assertEquals(Map.of("RELIEF_GRANTED", "5", "REMOVAL_ORDERED", "1", "CLIENT_WITHDREW", "1", "total", "7"), shown(d.outcomes(), 5));
        assertEquals(5L, d.success().successes().value());
        assertEquals(6L, d.success().completed().value(), "the denominator: decided in court, not the withdrawn case");
        assertEquals(new BigDecimal("83.3"), d.success().percent());
        assertEquals(Map.of("HN", "7", "GT", "1", "total", "8"), shown(d.byCountry(), 5));
        assertEquals(Map.of(String.valueOf(partner.getId()), "8", "total", "8"), shown(d.byPartner(), 5));
        assertEquals(1, d.spend().size(), "only the funder's grant");
        assertEquals(new BigDecimal("100000.00"), d.spend().get(0).awarded());
        assertEquals(8L, d.trend().stream().filter(m -> !m.referrals().isHidden()).mapToLong(m -> m.referrals().value()).sum());
    }

    @Test
    void theFunderSeesSmallCountsHiddenAndNothingOfOtherFunders() {
        UserAccount funderUser = given.funderUser(grant.getFunder());
        Dashboard d = forFunder(false, funderUser);
        assertTrue(d.isSuppressed(), "funders always get suppressed figures, whatever they ask");
        assertEquals(List.of("8", "8", "8", "<5", "7"), d.activity().stream().map(c -> c.shownAs(5)).toList());
        assertNull(d.activity().get(3).value(), "a hidden count never leaves the service");
        assertEquals(Map.of("HN", "*", "GT", "<5", "total", "8"), shown(d.byCountry(), 5), "7 would be 8 - 1: hidden too");
        assertEquals(Map.of("RELIEF_GRANTED", "5", "REMOVAL_ORDERED", "<5", "CLIENT_WITHDREW", "<5", "total", "7"), shown(d.outcomes(), 5));
        assertNull(d.success().percent(), "5 of 6 would give away the one removal");
        assertEquals("6", d.success().completed().shownAs(5), "the denominator is shown");
        assertEquals(Map.of("detained", "<5", "released", "<5", "neverDetained", "6", "total", "8"), shown(d.custodyStatus(), 5));

        Dashboard widened = given.as(funderUser, () -> dashboards.dashboard(DashboardScope.WHOLE_FUND, today.minusDays(30), today, false));
        assertEquals(8L, widened.activity().get(0).value(), "asking for the whole fund still gives only their own cases");
        assertThrows(AccessDeniedException.class, () -> given.as(funderUser, () -> dashboards.dashboard(
                new DashboardScope(null, othersGrant.getId(), null), today.minusDays(30), today, false)), "another funder's grant");
        UserAccount staff = given.partnerStaff(partner);
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> dashboards.dashboard(null, today.minusDays(30), today, false)));
    }

    @Test
    void aDashboardCostsTheSameStatementsForEightCasesAsForTheWholeFund() throws Exception {
        UserAccount admin = given.admin();
        long funderScope = statements(admin, new DashboardScope(grant.getFunder().getId(), null, null));
        long wholeFund = statements(admin, DashboardScope.WHOLE_FUND);
        assertEquals(funderScope, wholeFund, "statements do not grow with the cases");
        assertEquals(DashboardService.STATEMENTS, wholeFund, "one statement per figure group");
    }

    /**
     * SELECTs MariaDB ran on the transaction's connection while one dashboard was computed, after a first
     * one has loaded the caller's account (read once per request).
     */
    private long statements(UserAccount who, DashboardScope scope) throws Exception {
        transaction.begin();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            given.as(who, () -> dashboards.dashboard(scope, today, today, false));
            long before = SelectCounter.selects(statement);
            given.as(who, () -> dashboards.dashboard(scope, today.minusDays(30), today, false));
            return SelectCounter.selects(statement) - before;
        } finally {
            transaction.rollback();
        }
    }

}
