package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDate;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.CustodyEvent;
import org.defensefund.tracker.cases.CustodyEventKind;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.cases.RepresentationService;
import org.defensefund.tracker.funding.CostCategory;
import org.defensefund.tracker.funding.CostEntry;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Today" is the fund's, in Boston, not the server's in UTC: from 8 pm to midnight in Boston (7 pm in winter) the
 * server's date is already tomorrow, and a check against it would let tomorrow's date pass as today's and number a
 * New Year's Eve referral with the next year.
 */
@ExtendWith(ArquillianExtension.class)
class FundClockIT {

    /** 9:30 pm on Monday 9 March 2026 in Boston (EDT, UTC−4): already Tuesday 10 March in UTC. */
    private static final Instant BOSTON_EVENING = Instant.parse("2026-03-10T01:30:00Z");
    private static final LocalDate BOSTON_TODAY = LocalDate.of(2026, 3, 9);

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private FundClock clock;

    @Inject
    private CaseService cases;

    @Inject
    private IntakeService intake;

    @Inject
    private RepresentationService representation;

    @Inject
    private Validator validator;

    @Test
    void eveningInBostonIsStillTodayInBoston() {
        try (FundClock.Setting fixed = FundClock.fixedAt(BOSTON_EVENING)) {
            assertEquals(BOSTON_TODAY, clock.today());

            Referral tomorrow = given.referral();
            tomorrow.setReferralDate(BOSTON_TODAY.plusDays(1));
            BusinessException refused = assertThrows(BusinessException.class, () -> given.asSystem(() -> intake.refer(tomorrow)));
            assertEquals("case.referralDate.future", refused.messageKey());

            Referral today = given.referral();
            today.setReferralDate(BOSTON_TODAY);
            LegalCase referred = given.asSystem(() -> intake.refer(today));
            assertEquals(BOSTON_TODAY, referred.getReferralDate());
        }
    }

    @Test
    void aCustodyEventOfTomorrowInBostonIsRefusedInTheEvening() {
        PartnerOrganization partner = given.partner(InContainer.unique("Clock Legal"));
        LegalCase assigned;
        try (FundClock.Setting fixed = FundClock.fixedAt(BOSTON_EVENING)) {
            assigned = given.assigned(partner);
            BusinessException refused = assertThrows(BusinessException.class, () -> given.asSystem(() ->
                    representation.recordCustody(assigned.getId(), detainedOn(BOSTON_TODAY.plusDays(1)))));
            assertEquals("custody.date.future", refused.messageKey());
            CustodyEvent recorded = given.asSystem(() -> representation.recordCustody(assigned.getId(), detainedOn(BOSTON_TODAY)));
            assertEquals(BOSTON_TODAY, recorded.getEventDate());
        }
    }

    @Test
    void aReferralOnNewYearsEveInBostonIsNumberedWithThatYear() {
        // 10 pm on 31 December 2026 in Boston (EST, UTC−5): 1 January 2027 in UTC.
        try (FundClock.Setting fixed = FundClock.fixedAt(Instant.parse("2027-01-01T03:00:00Z"))) {
            LegalCase referred = given.referred();
            assertTrue(referred.getCaseNumber().startsWith("2026-"), referred.getCaseNumber());
        }
    }

    @Test
    void beanValidationJudgesDatesByTheFundsToday() {
        try (FundClock.Setting fixed = FundClock.fixedAt(BOSTON_EVENING)) {
            CostEntry tomorrow = InContainer.expense(CostCategory.FILING_FEE, "100.00");
            tomorrow.setCostDate(BOSTON_TODAY.plusDays(1));
            assertEquals(1, validator.validateProperty(tomorrow, "costDate").size(), "a cost dated tomorrow in Boston");
            CostEntry today = InContainer.expense(CostCategory.FILING_FEE, "100.00");
            today.setCostDate(BOSTON_TODAY);
            assertEquals(0, validator.validateProperty(today, "costDate").size(), "a cost dated today in Boston");
        }
    }

    private CustodyEvent detainedOn(LocalDate day) {
        CustodyEvent detained = new CustodyEvent(CustodyEventKind.DETAINED, day);
        detained.setFacility(given.ref(ReferenceList.DETENTION_FACILITY, "WYATT"));
        return detained;
    }
}
