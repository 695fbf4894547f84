package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.clients.InvalidANumberException;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A case's path through the real services against MariaDB: steps, refusals, timeline. */
@ExtendWith(ArquillianExtension.class)
class CaseLifecycleIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

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
    private ClientService clients;

    @Inject
    private InContainer given;

    @Test
    void aCaseWalksFromReferralToOutcomeAndTheTimelineSaysWhoDidWhat() {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Path Legal"));
        UserAccount staff = given.partnerStaff(partner);

        Referral referral = given.referral();
        referral.setANumber("A 234-567-890".replace("234", String.valueOf(100 + (int) (Math.random() * 899))));
        referral.setDetained(true);
        referral.setFacility(given.ref(ReferenceList.DETENTION_FACILITY, "PLYMOUTH"));
        LegalCase referred = given.as(admin, () -> intake.refer(referral));
        assertEquals(CaseStatus.REFERRED, referred.getStatus());
        assertTrue(referred.getCaseNumber().matches("\\d{4}-\\d{5}"), referred.getCaseNumber());

        LegalCase eligible = given.as(admin, () -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        assertEquals(Priority.URGENT, eligible.getPriority(), "detained clients come first");

        CaseOffer offer = given.as(admin, () -> assignment.offer(eligible.getId(), eligible.getVersion(), partner.getId(), "fits"));
        LegalCase assigned = given.as(staff, () -> assignment.acceptOffer(offer.getId(), "Jane Attorney"));
        assertEquals(CaseStatus.ASSIGNED, assigned.getStatus());
        assertEquals("Jane Attorney", assigned.getAttorneyName());

        Hearing hearing = new Hearing(HearingKind.BOND, LocalDateTime.now(FundClock.current()).plusDays(5).withNano(0));
        hearing.setCourt(given.ref(ReferenceList.COURT, "BOS"));
        given.as(staff, () -> representation.recordHearing(assigned.getId(), hearing));
        CustodyEvent release = new CustodyEvent(CustodyEventKind.RELEASED_BOND, LocalDate.now(FundClock.current()));
        release.setBondAmount(new BigDecimal("1500.00"));
        given.as(staff, () -> representation.recordCustody(assigned.getId(), release));
        LegalCase released = given.as(staff, () -> cases.find(assigned.getId()));
        assertFalse(released.isDetained(), "released on bond");
        assertEquals(3, given.as(staff, () -> representation.daysDetained(assigned.getId())), "detained from the referral, three days ago, to today's release");
        assertEquals(List.of(CustodyEventKind.DETAINED, CustodyEventKind.RELEASED_BOND),
                given.as(staff, () -> representation.custodyEvents(assigned.getId())).stream().map(CustodyEvent::getKind).toList());
        assertEquals(LocalDate.now(FundClock.current()).plusDays(5), released.getNextHearingDate());

        LegalCase closed = given.as(staff, () -> closing.close(released.getId(), released.getVersion(),
                given.ref(ReferenceList.OUTCOME, "RELIEF_GRANTED"), given.ref(ReferenceList.CUSTODY_RESULT, "RELEASED_BOND"), LocalDate.now(FundClock.current())));
        assertEquals(CaseStatus.CLOSED, closed.getStatus());
        assertTrue(closed.getOutcome().isCountsAsSuccess());
        assertEquals("RELEASED_BOND", closed.getCustodyResult().getCode(), "custody result kept apart from the merits");

        List<CaseEvent> timeline = given.as(admin, () -> cases.timeline(closed.getId()));
        assertEquals(List.of(CaseEventKind.REFERRED, CaseEventKind.SCREENED, CaseEventKind.OFFERED, CaseEventKind.OFFER_ACCEPTED,
                        CaseEventKind.HEARING_RECORDED, CaseEventKind.CUSTODY_CHANGED, CaseEventKind.CLOSED),
                timeline.stream().map(CaseEvent::getKind).toList());
        assertEquals(admin.getEmail(), timeline.get(2).getActor());
        assertEquals(staff.getEmail(), timeline.get(3).getActor());
        assertEquals(CaseStatus.OFFERED, timeline.get(3).getFromStatus());
        assertEquals(CaseStatus.ASSIGNED, timeline.get(3).getToStatus());
        assertEquals("fits", timeline.get(2).getReason());
        // Each entry's facts kept for the reader's language (read back from the database, not from the step's object).
        assertEquals(TimelineText.of(TimelineText.label("hearingKind", HearingKind.BOND), TimelineText.words(" "),
                TimelineText.moment(hearing.getScheduledAt())), timeline.get(4).getText());
        assertEquals(TimelineText.of(TimelineText.item(given.ref(ReferenceList.OUTCOME, "RELIEF_GRANTED")), TimelineText.words("; "),
                TimelineText.item(given.ref(ReferenceList.CUSTODY_RESULT, "RELEASED_BOND"))), timeline.get(6).getText());
        assertTrue(timeline.get(3).getText().isEmpty(), "an attorney's name is words alone: its plain summary says it");
        assertEquals("Jane Attorney", timeline.get(3).getSummary());
    }

    @Test
    void illegalMovesAreRefusedByTheService() {
        UserAccount admin = given.admin();
        LegalCase referred = given.referred();
        PartnerOrganization partner = given.partner(InContainer.unique("Too Early Legal"));
        assertThrows(IllegalTransitionException.class,
                () -> given.as(admin, () -> assignment.offer(referred.getId(), referred.getVersion(), partner.getId(), null)));
        assertThrows(IllegalTransitionException.class, () -> given.as(admin, () -> closing.close(referred.getId(), referred.getVersion(),
                given.ref(ReferenceList.OUTCOME, "OTHER"), null, LocalDate.now(FundClock.current()))));
        BusinessException noReason = assertThrows(BusinessException.class, () -> given.as(admin, () -> intake.screen(referred.getId(),
                referred.getVersion(), new Screening(false, true, true, CaseStatus.INELIGIBLE, null, null))));
        assertEquals("ineligibilityReason", noReason.field());
        assertEquals(CaseStatus.REFERRED, given.as(admin, () -> cases.find(referred.getId())).getStatus(), "nothing half-saved");
    }

    @Test
    void anIneligibleCaseClosesWithItsReasonAndWhereItWasSent() {
        UserAccount admin = given.admin();
        LegalCase referred = given.referred();
        LegalCase screened = given.as(admin, () -> intake.screen(referred.getId(), referred.getVersion(), new Screening(false, true, true,
                CaseStatus.INELIGIBLE, given.ref(ReferenceList.INELIGIBILITY_REASON, "SERVICE_AREA"), "Worcester legal aid")));
        assertEquals(CaseStatus.INELIGIBLE, screened.getStatus());
        assertEquals("SERVICE_AREA", screened.getIneligibilityReason().getCode());
        assertEquals("Worcester legal aid", screened.getReferredElsewhere());
        assertNotNull(screened.getClosedAt());
    }

    @Test
    void aDeclinedOfferReturnsTheCaseToTheQueueAndThePartnerLosesSightOfIt() {
        PartnerOrganization partner = given.partner(InContainer.unique("Declining Legal"));
        UserAccount staff = given.partnerStaff(partner);
        CaseOffer offer = given.offered(partner);
        Long caseId = offer.getLegalCase().getId();
        assertEquals(caseId, given.as(staff, () -> cases.find(caseId)).getId(), "an offered case is visible to the partner");

        BusinessException noReason = assertThrows(BusinessException.class, () -> given.as(staff, () -> assignment.declineOffer(offer.getId(), null, "")));
        assertEquals("declineReason", noReason.field());
        LegalCase back = given.as(staff, () -> assignment.declineOffer(offer.getId(),
                given.ref(ReferenceList.DECLINE_REASON, "NO_CAPACITY"), "full until March"));
        assertEquals(CaseStatus.ELIGIBLE, back.getStatus());
        assertNull(back.getPartnerId());
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> cases.find(caseId)));
        assertThrows(BusinessException.class, () -> given.asSystem(() -> assignment.acceptOffer(offer.getId(), "Late Answer")), "answered once");
    }

    @Test
    void reassignmentKeepsTheHistory() {
        UserAccount admin = given.admin();
        PartnerOrganization first = given.partner(InContainer.unique("First Firm"));
        PartnerOrganization second = given.partner(InContainer.unique("Second Firm"));
        LegalCase assigned = given.assigned(first);
        LegalCase back = given.as(admin, () -> assignment.reassign(assigned.getId(), assigned.getVersion(), "attorney left"));
        CaseOffer again = given.as(admin, () -> assignment.offer(back.getId(), back.getVersion(), second.getId(), null));
        assertEquals(second.getId(), again.getPartnerId());
        List<CaseOffer> offers = given.as(admin, () -> assignment.offers(assigned.getId()));
        assertEquals(2, offers.size());
        assertEquals(OfferStatus.ACCEPTED, offers.get(0).getStatus());
        assertEquals(first.getId(), offers.get(0).getPartnerId());
        assertTrue(given.as(admin, () -> cases.timeline(assigned.getId())).stream()
                .anyMatch(e -> e.getKind() == CaseEventKind.RETURNED_TO_QUEUE && "attorney left".equals(e.getReason())));
    }

    @Test
    void aConflictedPartnerCantBeChosenAndMatchesRankTheBestFirst() {
        UserAccount admin = given.admin();
        PartnerOrganization conflicted = given.partner(InContainer.unique("Adverse Party Counsel"));
        LegalCase eligible = given.eligible();
        given.as(admin, () -> clients.recordConflict(eligible.getClient().getId(), conflicted.getId(), "represents the spouse"));
        BusinessException refused = assertThrows(BusinessException.class,
                () -> given.as(admin, () -> assignment.offer(eligible.getId(), eligible.getVersion(), conflicted.getId(), null)));
        assertEquals("offer.partner.conflict", refused.messageKey());

        List<PartnerMatch> matches = given.as(admin, () -> given.inNewRequest(() -> assignment.partnerMatches(eligible.getId())));
        PartnerMatch conflictedMatch = matches.stream().filter(m -> m.partner().getId().equals(conflicted.getId())).findFirst().orElseThrow();
        assertFalse(conflictedMatch.isSelectable());
        assertEquals(conflictedMatch, matches.get(matches.size() - 1), "conflicted partners come last");
    }

    @Test
    void theBiaAppealIsALinkedCaseDueThirtyDaysAfterTheDecision() {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Appeals Unit"));
        LegalCase assigned = given.assigned(partner);
        LocalDate decided = LocalDate.now(FundClock.current()).minusDays(2);
        LegalCase closed = given.as(admin, () -> closing.close(assigned.getId(), assigned.getVersion(),
                given.ref(ReferenceList.OUTCOME, "REMOVAL_ORDERED"), null, decided));
        LegalCase appeal = given.as(admin, () -> closing.openAppeal(closed.getId()));
        assertEquals(closed.getId(), appeal.getAppealOfId());
        assertEquals(closed.getCaseNumber(), appeal.getAppealOfNumber());
        assertEquals(decided.plusDays(30), appeal.getAppealDeadline());
        assertEquals(CaseStatus.REFERRED, appeal.getStatus());
        assertEquals("REMOVAL_ORDERED", given.as(admin, () -> cases.find(closed.getId())).getOutcome().getCode(), "first outcome untouched");
    }

    @Test
    void datesOutOfOrderAreRefused() {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Dates Legal"));
        LegalCase assigned = given.assigned(partner);
        ReliefApplication backwards = new ReliefApplication();
        backwards.setReliefType(given.ref(ReferenceList.RELIEF_TYPE, "ASYLUM"));
        backwards.setFiledOn(LocalDate.now(FundClock.current()).minusDays(1));
        backwards.setDecidedOn(LocalDate.now(FundClock.current()).minusDays(5));
        assertEquals("decidedOn", assertThrows(BusinessException.class,
                () -> given.as(admin, () -> representation.recordRelief(assigned.getId(), backwards))).field());
        assertEquals("outcomeDate", assertThrows(BusinessException.class, () -> given.as(admin, () -> closing.close(assigned.getId(),
                assigned.getVersion(), given.ref(ReferenceList.OUTCOME, "TERMINATED"), null, assigned.getReferralDate().minusDays(1)))).field());
        assertEquals("eventDate", assertThrows(BusinessException.class, () -> given.as(admin, () -> representation.recordCustody(assigned.getId(),
                new CustodyEvent(CustodyEventKind.RELEASED_PAROLE, LocalDate.now(FundClock.current()).plusDays(2))))).field());
        assertTrue(given.as(admin, () -> representation.reliefApplications(assigned.getId())).isEmpty(), "nothing half-saved");
        assertEquals(CaseStatus.ASSIGNED, given.as(admin, () -> cases.find(assigned.getId())).getStatus());
    }

    @Test
    void aStaleScreeningIsRefused() {
        UserAccount admin = given.admin();
        LegalCase referred = given.referred();
        given.as(admin, () -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, null, CaseStatus.PENDING_DOCUMENTS, null, null)));
        assertThrows(ConcurrentEditException.class, () -> given.as(admin, () -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null))));
    }

    @Test
    void badIntakeInputIsRefusedWithTheFieldNamed() {
        UserAccount admin = given.admin();
        Referral badNumber = given.referral();
        badNumber.setANumber("A 12-34");
        InvalidANumberException invalid = assertThrows(InvalidANumberException.class, () -> given.as(admin, () -> intake.refer(badNumber)));
        assertEquals("aNumber", invalid.field());

        Referral hearingBefore = given.referral();
        hearingBefore.setNextHearingDate(hearingBefore.getReferralDate().minusDays(1));
        assertEquals("nextHearingDate", assertThrows(BusinessException.class, () -> given.as(admin, () -> intake.refer(hearingBefore))).field());

        Referral future = given.referral();
        future.setReferralDate(LocalDate.now(FundClock.current()).plusDays(1));
        assertEquals("referralDate", assertThrows(BusinessException.class, () -> given.as(admin, () -> intake.refer(future))).field());

        Referral wrongList = given.referral();
        wrongList.setSource(given.ref(ReferenceList.COURT, "BOS"));
        assertEquals("source", assertThrows(BusinessException.class, () -> given.as(admin, () -> intake.refer(wrongList))).field());
    }
}
