package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.audit.AuditAction;
import org.defensefund.tracker.audit.AuditEntry;
import org.defensefund.tracker.audit.AuditService;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Confidential cases (asylum, VAWA, T, U): details only for the fund and the organization that accepted
 * the case, a summary without the client for the organization it is offered to, nothing for anyone else;
 * lists and search that never give the client away; every view audited; marking and lifting rules.
 */
@ExtendWith(ArquillianExtension.class)
class ConfidentialCaseIT {

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
    private ConfidentialityService confidentiality;

    @Inject
    private IntakeService intake;

    @Inject
    private RepresentationService representation;

    @Inject
    private CaseQueries queries;

    @Inject
    private AuditService audit;

    @Inject
    private InContainer given;

    /** A confidential (asylum) case with an A-number and a detained client at Plymouth, offered to the partner. */
    private LegalCase confidentialOffered(PartnerOrganization partner) {
        Referral referral = given.referral();
        referral.setANumber(aNumber());
        referral.getClient().setBirthDate(LocalDate.of(1990, 5, 17));
        referral.setCaseType(given.ref(ReferenceList.CASE_TYPE, "RMV"));
        referral.setCourt(given.ref(ReferenceList.COURT, "BOS"));
        referral.setNextHearingDate(LocalDate.now(FundClock.current()).plusDays(20));
        referral.setNotes("Fled after threats; details in the I-589 draft.");
        referral.setConfidentialReason(ConfidentialityReason.ASYLUM);
        LegalCase referred = given.asSystem(() -> intake.refer(referral));
        LegalCase eligible = given.asSystem(() -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        given.asSystem(() -> assignment.offer(eligible.getId(), eligible.getVersion(), partner.getId(), null));
        return given.asSystem(() -> cases.find(referred.getId()));
    }

    private static String aNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
    }

    private LegalCase fresh(Long caseId) {
        return given.asSystem(() -> cases.find(caseId));
    }

    @Test
    void detailsOnlyForTheFundAndTheOrganizationThatAcceptedIt() {
        PartnerOrganization offeredTo = given.partner(InContainer.unique("Offered Legal"));
        PartnerOrganization other = given.partner(InContainer.unique("Other Legal"));
        UserAccount offeredStaff = given.partnerStaff(offeredTo);
        UserAccount otherStaff = given.partnerStaff(other);
        UserAccount funder = given.funderUser(given.funder(InContainer.unique("Confidential Foundation")));
        UserAccount admin = given.admin();
        LegalCase legalCase = confidentialOffered(offeredTo);
        Long id = legalCase.getId();
        assertTrue(legalCase.isConfidential());
        assertEquals(ConfidentialityReason.ASYLUM, legalCase.getConfidentialReason());

        assertEquals(legalCase.getClient().getLastName(), given.as(admin, () -> cases.open(id)).getClient().getLastName());
        assertTrue(given.as(admin, () -> cases.seesDetails(id)));
        assertFalse(given.as(admin, () -> cases.timeline(id)).isEmpty());

        assertFalse(given.as(offeredStaff, () -> cases.seesDetails(id)));
        CaseSummary summary = given.as(offeredStaff, () -> cases.summary(id));
        assertEquals(legalCase.getCaseNumber(), summary.caseNumber());
        assertEquals("Removal (RMV)", summary.caseType().getName());
        assertNotNull(summary.court());
        assertEquals(legalCase.getNextHearingDate(), summary.nextHearingDate());
        assertTrue(summary.confidential());
        assertNotNull(summary.pendingOfferId(), "the offer to answer");
        assertThrows(AccessDeniedException.class, () -> given.as(offeredStaff, () -> cases.find(id)));
        assertThrows(AccessDeniedException.class, () -> given.as(offeredStaff, () -> cases.open(id)));
        assertThrows(AccessDeniedException.class, () -> given.as(offeredStaff, () -> cases.openFunding(id)));
        assertThrows(AccessDeniedException.class, () -> given.as(offeredStaff, () -> cases.timeline(id)));
        assertThrows(AccessDeniedException.class, () -> given.as(offeredStaff, () -> assignment.offers(id)));
        assertThrows(AccessDeniedException.class, () -> given.as(offeredStaff, () -> representation.hearings(id)));
        assertThrows(AccessDeniedException.class, () -> given.as(offeredStaff, () -> representation.reliefApplications(id)));
        assertThrows(AccessDeniedException.class, () -> given.as(offeredStaff, () -> cases.addNote(id, "peek")));
        assertNull(given.as(offeredStaff, () -> queries.row(id)).getClientName(), "its list line comes without the client");

        for (UserAccount outsider : List.of(otherStaff, funder)) {
            assertThrows(AccessDeniedException.class, () -> given.as(outsider, () -> cases.summary(id)));
            assertThrows(AccessDeniedException.class, () -> given.as(outsider, () -> cases.find(id)));
            assertThrows(AccessDeniedException.class, () -> given.as(outsider, () -> cases.seesDetails(id)));
        }

        given.as(offeredStaff, () -> assignment.acceptOffer(summary.pendingOfferId(), "Attorney Accepting"));
        assertTrue(given.as(offeredStaff, () -> cases.seesDetails(id)), "accepted: the organization's own case now");
        assertEquals(legalCase.getClient().getLastName(), given.as(offeredStaff, () -> cases.open(id)).getClient().getLastName());
        assertFalse(given.as(offeredStaff, () -> cases.timeline(id)).isEmpty());
        assertThrows(AccessDeniedException.class, () -> given.as(otherStaff, () -> cases.open(id)), "still nobody else's");
    }

    @Test
    void listsAndSearchNeverGiveAwayTheClientOfACaseOnlyOffered() {
        PartnerOrganization offeredTo = given.partner(InContainer.unique("Listing Legal"));
        UserAccount staff = given.partnerStaff(offeredTo);
        UserAccount admin = given.admin();
        LegalCase legalCase = confidentialOffered(offeredTo);
        String lastName = legalCase.getClient().getLastName();
        String aNumber = legalCase.getClient().aNumber().orElseThrow().digits();

        List<CaseRow> offers = given.as(staff, () -> queries.list(ListQuery.firstPage(50)
                .withFilter(CaseQueries.QUEUE, CaseQueue.OFFERS_TO_ANSWER.name()).sortedBy("client.lastName", true)));
        CaseRow row = offers.stream().filter(r -> r.getId().equals(legalCase.getId())).findFirst().orElseThrow();
        assertTrue(row.isClientHidden());
        assertTrue(row.isConfidential());
        assertNull(row.getClientName());
        assertEquals(legalCase.getCaseNumber(), row.getCaseNumber(), "the case itself is listed, to be answered");
        assertNull(given.as(staff, () -> queries.row(legalCase.getId())).getClientName());

        assertEquals(0, given.as(staff, () -> queries.count(search(lastName))), "not found by the client's name");
        assertEquals(0, given.as(staff, () -> queries.list(search(aNumber))).size(), "nor by the A-number");
        assertEquals(0, given.as(staff, () -> queries.list(search("A-" + aNumber))).size(), "in any written form");
        assertEquals(1, given.as(staff, () -> queries.list(search(legalCase.getCaseNumber()))).size(), "by its case number, without the client");
        assertNull(given.as(staff, () -> queries.list(search(legalCase.getCaseNumber()))).get(0).getClientName());

        List<CaseRow> fund = given.as(admin, () -> queries.list(search(lastName)));
        assertEquals(1, fund.size());
        assertFalse(fund.get(0).isClientHidden());
        assertTrue(fund.get(0).getClientName().startsWith(lastName));

        Long offerId = given.as(admin, () -> assignment.offers(legalCase.getId())).get(0).getId();
        given.as(staff, () -> assignment.acceptOffer(offerId, "Attorney Listing"));
        List<CaseRow> found = given.as(staff, () -> queries.list(search(aNumber)));
        assertEquals(1, found.size(), "accepted: found by A-number");
        assertTrue(found.get(0).getClientName().startsWith(lastName));
    }

    private static ListQuery search(String text) {
        return ListQuery.firstPage(20).withFilter(CaseQueries.SEARCH, text);
    }

    @Test
    void everyViewOfAConfidentialCaseIsAudited() {
        PartnerOrganization offeredTo = given.partner(InContainer.unique("Audited Offer Legal"));
        UserAccount staff = given.partnerStaff(offeredTo);
        UserAccount admin = given.admin();
        LegalCase legalCase = confidentialOffered(offeredTo);
        Long id = legalCase.getId();

        given.as(staff, () -> cases.summary(id));
        given.as(admin, () -> cases.open(id));
        given.as(admin, () -> cases.open(id));
        given.as(admin, () -> cases.openFunding(id));

        List<AuditEntry> views = views(admin, id);
        assertEquals(4, views.size(), "one entry per view");
        assertEquals(staff.getEmail(), views.get(0).getActor());
        assertTrue(views.get(0).getNewValues().contains("SUMMARY"), views.get(0).getNewValues());
        assertEquals(List.of(admin.getEmail(), admin.getEmail(), admin.getEmail()),
                views.subList(1, 4).stream().map(AuditEntry::getActor).toList());
        assertTrue(views.get(1).getNewValues().contains("CASE_FILE"));
        assertTrue(views.get(3).getNewValues().contains("FUNDING"));
        assertTrue(views.stream().allMatch(v -> v.getOccurredAt() != null));

        LegalCase ordinary = given.assigned(offeredTo);
        given.as(admin, () -> cases.open(ordinary.getId()));
        assertEquals(0, views(admin, ordinary.getId()).size(), "an ordinary case's file is logged as the client's record only");
    }

    private List<AuditEntry> views(UserAccount admin, Long caseId) {
        return given.as(admin, () -> audit.list(ListQuery.firstPage(50).withFilter("recordType", "LegalCase")
                .withFilter("recordId", String.valueOf(caseId)).withFilter("action", AuditAction.VIEW.name()).sortedBy("id", true)));
    }

    @Test
    void theAcceptingOrganizationMayMarkButOnlyTheFundLifts() {
        PartnerOrganization partner = given.partner(InContainer.unique("Marking Legal"));
        PartnerOrganization offeredOnly = given.partner(InContainer.unique("Offered Only Legal"));
        UserAccount staff = given.partnerStaff(partner);
        UserAccount admin = given.admin();
        LegalCase assigned = given.assigned(partner);
        Long id = assigned.getId();
        assertFalse(assigned.isConfidential());

        assertEquals("confidentialReason", assertThrows(BusinessException.class,
                () -> given.as(staff, () -> confidentiality.markConfidential(id, assigned.getVersion(), null, null))).field());
        LegalCase marked = given.as(staff, () -> confidentiality.markConfidential(id, assigned.getVersion(), ConfidentialityReason.U_VISA, "U visa certification requested"));
        assertTrue(marked.isConfidential());
        assertEquals(ConfidentialityReason.U_VISA, marked.getConfidentialReason());
        assertEquals(staff.getEmail(), marked.getConfidentialMarkedBy());
        assertNotNull(marked.getConfidentialMarkedAt());
        CaseEvent event = last(staff, id);
        assertEquals(CaseEventKind.MARKED_CONFIDENTIAL, event.getKind());
        assertEquals("U_VISA", event.getSummary());
        assertEquals(staff.getEmail(), event.getActor());

        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> confidentiality.liftConfidentiality(id, fresh(id).getVersion(), "done")));
        assertEquals("liftReason", assertThrows(BusinessException.class,
                () -> given.as(admin, () -> confidentiality.liftConfidentiality(id, fresh(id).getVersion(), " "))).field());
        LegalCase lifted = given.as(admin, () -> confidentiality.liftConfidentiality(id, fresh(id).getVersion(), "Marked on the wrong case"));
        assertFalse(lifted.isConfidential());
        assertNull(lifted.getConfidentialReason());
        assertEquals(CaseEventKind.CONFIDENTIALITY_LIFTED, last(admin, id).getKind());
        assertEquals("Marked on the wrong case", last(admin, id).getReason());

        CaseOffer offer = given.offered(offeredOnly);
        Long offeredId = offer.getLegalCase().getId();
        assertThrows(AccessDeniedException.class, () -> given.as(given.partnerStaff(offeredOnly),
                () -> confidentiality.markConfidential(offeredId, fresh(offeredId).getVersion(), ConfidentialityReason.ASYLUM, null)),
                "an organization the case is only offered to doesn't mark it");
        assertThrows(AccessDeniedException.class, () -> given.as(given.partnerStaff(partner),
                () -> confidentiality.markConfidential(offeredId, fresh(offeredId).getVersion(), ConfidentialityReason.ASYLUM, null)),
                "nor does another one");
        assertTrue(given.as(admin, () -> confidentiality.markConfidential(offeredId, fresh(offeredId).getVersion(), ConfidentialityReason.VAWA, null))
                .isConfidential(), "the fund marks at any stage");
        assertFalse(given.as(given.partnerStaff(offeredOnly), () -> cases.seesDetails(offeredId)), "and the offered organization loses the details");
    }

    private CaseEvent last(UserAccount who, Long caseId) {
        return given.as(who, () -> cases.timeline(caseId)).stream().reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void protectedCaseTypesAndReliefMarkTheCaseAndAppealsInheritIt() {
        Referral asylumOnly = given.referral();
        asylumOnly.setCaseType(given.ref(ReferenceList.CASE_TYPE, "AOC"));
        LegalCase aoc = given.asSystem(() -> intake.refer(asylumOnly));
        assertTrue(aoc.isConfidential(), "an asylum-only case is confidential from intake");
        assertEquals(ConfidentialityReason.ASYLUM, aoc.getConfidentialReason());
        LegalCase liftedAoc = given.asSystem(() -> confidentiality.liftConfidentiality(aoc.getId(), aoc.getVersion(), "Client consented in writing"));
        assertFalse(liftedAoc.isConfidential());
        assertEquals(Optional.of(ConfidentialityReason.ASYLUM), given.asSystem(() -> confidentiality.suggestedConfidentiality(aoc.getId())),
                "lifted, it is still suggested");

        PartnerOrganization partner = given.partner(InContainer.unique("Relief Legal"));
        UserAccount staff = given.partnerStaff(partner);
        LegalCase assigned = given.assigned(partner);
        assertEquals(Optional.empty(), given.as(staff, () -> confidentiality.suggestedConfidentiality(assigned.getId())));
        ReliefApplication relief = new ReliefApplication();
        relief.setReliefType(given.ref(ReferenceList.RELIEF_TYPE, "U_VISA"));
        given.as(staff, () -> representation.recordRelief(assigned.getId(), relief));
        LegalCase marked = fresh(assigned.getId());
        assertTrue(marked.isConfidential(), "seeking a U visa makes the case confidential");
        assertEquals(ConfidentialityReason.U_VISA, marked.getConfidentialReason());
        assertEquals(staff.getEmail(), marked.getConfidentialMarkedBy());

        LegalCase closed = given.as(staff, () -> closing.close(marked.getId(), marked.getVersion(),
                given.ref(ReferenceList.OUTCOME, "RELIEF_GRANTED"), null, LocalDate.now(FundClock.current())));
        LegalCase appeal = given.asSystem(() -> closing.openAppeal(closed.getId()));
        assertTrue(appeal.isConfidential(), "an appeal of a confidential case is confidential");
        assertEquals(ConfidentialityReason.U_VISA, appeal.getConfidentialReason());
        assertTrue(given.asSystem(() -> cases.timeline(appeal.getId())).stream().anyMatch(e -> e.getKind() == CaseEventKind.MARKED_CONFIDENTIAL));
    }

    @Test
    void recordsOfAnAcceptedConfidentialCaseStayWithItsOrganization() {
        PartnerOrganization partner = given.partner(InContainer.unique("Keeping Legal"));
        PartnerOrganization other = given.partner(InContainer.unique("Prying Legal"));
        LegalCase offered = confidentialOffered(partner);
        UserAccount staff = given.partnerStaff(partner);
        CaseSummary summary = given.as(staff, () -> cases.summary(offered.getId()));
        given.as(staff, () -> assignment.acceptOffer(summary.pendingOfferId(), "Attorney Keeping"));
        given.as(staff, () -> representation.recordHearing(offered.getId(),
                new Hearing(HearingKind.MASTER_CALENDAR, LocalDateTime.now(FundClock.current()).plusDays(5))));
        assertEquals(1, given.as(staff, () -> representation.hearings(offered.getId())).size());
        assertThrows(AccessDeniedException.class, () -> given.as(given.partnerStaff(other), () -> representation.hearings(offered.getId())));
    }
}
