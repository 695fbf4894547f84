package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Partner staff reach only cases offered or assigned to their organization; funders reach none. */
@ExtendWith(ArquillianExtension.class)
class CaseAccessIT {

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
    private CaseQueries queries;

    @Inject
    private InContainer given;

    @Test
    void anotherOrganizationsCaseCantBeReadOrChangedThroughAnyService() {
        PartnerOrganization mine = given.partner(InContainer.unique("Mine Legal"));
        PartnerOrganization theirs = given.partner(InContainer.unique("Theirs Legal"));
        UserAccount me = given.partnerStaff(mine);
        LegalCase theirCase = given.assigned(theirs);
        CaseOffer theirOffer = given.offered(theirs);
        Long id = theirCase.getId();

        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> cases.find(id)));
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> cases.timeline(id)));
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> assignment.offers(id)));
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> representation.hearings(id)));
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> representation.recordHearing(id,
                new Hearing(HearingKind.MASTER_CALENDAR, LocalDateTime.now(FundClock.current()).plusDays(3)))));
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> representation.recordCustody(id,
                new CustodyEvent(CustodyEventKind.RELEASED_PAROLE, LocalDate.now(FundClock.current())))));
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> closing.close(id, theirCase.getVersion(),
                given.ref(ReferenceList.OUTCOME, "TERMINATED"), null, LocalDate.now(FundClock.current()))));
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> assignment.acceptOffer(theirOffer.getId(), "Hijacker")));
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> assignment.declineOffer(theirOffer.getId(),
                given.ref(ReferenceList.DECLINE_REASON, "OTHER"), null)));
        assertEquals(CaseStatus.OFFERED, given.asSystem(() -> cases.find(theirOffer.getLegalCase().getId())).getStatus(), "untouched");
    }

    @Test
    void notesAreWrittenByTheCasesPartnerOrTheFundOnly() {
        PartnerOrganization mine = given.partner(InContainer.unique("Noting Legal"));
        PartnerOrganization other = given.partner(InContainer.unique("Nosy Legal"));
        LegalCase assigned = given.assigned(mine);
        UserAccount staff = given.partnerStaff(mine);
        given.as(staff, () -> cases.addNote(assigned.getId(), "Client prefers afternoon calls."));
        assertThrows(AccessDeniedException.class, () -> given.as(given.partnerStaff(other), () -> cases.addNote(assigned.getId(), "Hi")));
        assertEquals("text", assertThrows(org.defensefund.tracker.shared.BusinessException.class,
                () -> given.as(staff, () -> cases.addNote(assigned.getId(), "x".repeat(1001)))).field());
        CaseEvent last = given.as(staff, () -> cases.timeline(assigned.getId())).stream().reduce((a, b) -> b).orElseThrow();
        assertEquals(CaseEventKind.NOTE, last.getKind());
        assertEquals("Client prefers afternoon calls.", last.getSummary());
        assertEquals(staff.getEmail(), last.getActor());
    }

    @Test
    void partnerStaffCantDoTheFundsSteps() {
        PartnerOrganization mine = given.partner(InContainer.unique("Limited Legal"));
        UserAccount me = given.partnerStaff(mine);
        LegalCase assigned = given.assigned(mine);
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> intake.refer(given.referral())));
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> assignment.reassign(assigned.getId(), assigned.getVersion(), "mine now")));
        LegalCase eligible = given.eligible();
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> assignment.offer(eligible.getId(), eligible.getVersion(), mine.getId(), null)));
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> intake.screen(eligible.getId(), eligible.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null))));
    }

    @Test
    void listsAndSearchOnlyEverReturnTheCallersCases() {
        PartnerOrganization mine = given.partner(InContainer.unique("Scoped Legal"));
        PartnerOrganization theirs = given.partner(InContainer.unique("Unscoped Legal"));
        UserAccount me = given.partnerStaff(mine);
        LegalCase own = given.assigned(mine);
        LegalCase other = given.assigned(theirs);

        ListQuery all = ListQuery.firstPage(200).withFilter(CaseQueries.QUEUE, CaseQueue.MY_OPEN_CASES.name());
        assertTrue(given.as(me, () -> queries.list(all)).stream().allMatch(c -> mine.getId().equals(c.getPartnerId())));
        assertEquals(1, given.as(me, () -> queries.count(all)));
        ListQuery byName = ListQuery.firstPage(10).withFilter(CaseQueries.SEARCH, other.getClient().getLastName());
        assertEquals(0, given.as(me, () -> queries.count(byName)), "search stays in scope");
        ListQuery byNumber = ListQuery.firstPage(10).withFilter(CaseQueries.SEARCH, other.getCaseNumber());
        assertEquals(0, given.as(me, () -> queries.list(byNumber)).size());
        ListQuery ownNumber = ListQuery.firstPage(10).withFilter(CaseQueries.SEARCH, own.getCaseNumber());
        assertEquals(1, given.as(me, () -> queries.list(ownNumber)).size());
        ListQuery fundQueue = ListQuery.firstPage(10).withFilter(CaseQueries.QUEUE, CaseQueue.TO_SCREEN.name());
        assertThrows(AccessDeniedException.class, () -> given.as(me, () -> queries.list(fundQueue)));
    }

    @Test
    void fundersCantOpenOrListAnyCase() {
        UserAccount funder = given.funderUser(given.funder(InContainer.unique("Case Blind Foundation")));
        LegalCase referred = given.referred();
        assertThrows(AccessDeniedException.class, () -> given.as(funder, () -> cases.find(referred.getId())));
        assertThrows(AccessDeniedException.class, () -> given.as(funder, () -> queries.list(ListQuery.firstPage(10))));
        assertThrows(AccessDeniedException.class, () -> given.as(funder, () -> queries.count(ListQuery.firstPage(10))));
    }
}
