package org.defensefund.tracker.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.cases.CaseEvent;
import org.defensefund.tracker.cases.CaseEventKind;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.ClosingService;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.ReliefApplication;
import org.defensefund.tracker.cases.ReliefDecision;
import org.defensefund.tracker.cases.RepresentationService;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.defensefund.tracker.testsupport.SelectCounter;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deadlines computed from what is recorded, through the real services: a judge's decision and a bond decision start
 * theirs, the notice of appearance meets the fund's rule, an appeal takes over the BIA appeal of its case's decision;
 * the queue is scoped per partner, flags overdue ones by the fund's clock and costs the same statements for any page;
 * meeting and waiving land on the case's timeline.
 */
@ExtendWith(ArquillianExtension.class)
class DeadlineIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private DeadlineService deadlines;

    @Inject
    private RepresentationService representation;

    @Inject
    private ClosingService closing;

    @Inject
    private CaseService cases;

    @Inject
    private org.defensefund.tracker.cases.AssignmentService assignment;

    @Inject
    private org.defensefund.tracker.funding.GrantService grants;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Resource
    private UserTransaction transaction;

    private LocalDate today() {
        return LocalDate.now(FundClock.current());
    }

    private ReliefApplication relief(String type, ReliefDecision decision, LocalDate decidedOn) {
        ReliefApplication relief = new ReliefApplication();
        relief.setReliefType(given.ref(ReferenceList.RELIEF_TYPE, type));
        relief.setFiledOn(decidedOn.minusDays(30));
        relief.setDecidedOn(decidedOn);
        relief.setDecision(decision);
        return relief;
    }

    private static Optional<DeadlineView> find(List<DeadlineView> views, DeadlineRule rule) {
        return views.stream().filter(v -> v.deadline().getRule() == rule).findFirst();
    }

    @Test
    void aJudgesDecisionAndABondDecisionStartTheirDeadlines() {
        PartnerOrganization partner = given.partner(InContainer.unique("Deadline Legal"));
        UserAccount staff = given.partnerStaff(partner);
        LegalCase legalCase = given.assigned(partner);
        LocalDate denied = today().minusDays(2);
        LocalDate bondGranted = today().minusDays(1);

        List<DeadlineView> before = given.as(staff, () -> deadlines.ofCase(legalCase.getId()));
        assertEquals(List.of(DeadlineRule.NOTICE_OF_APPEARANCE), before.stream().filter(v -> v.deadline().isOpen()).map(v -> v.deadline().getRule()).toList(),
                "accepting the case starts the notice of appearance, nothing else yet");
        assertEquals(List.of(DeadlineRule.OFFER_ANSWER), before.stream().filter(v -> !v.deadline().isOpen()).map(v -> v.deadline().getRule()).toList(),
                "and meets the answer to its offer");

        given.as(staff, () -> representation.recordRelief(legalCase.getId(), relief("CANCELLATION_NON_LPR", ReliefDecision.DENIED, denied)));
        given.as(staff, () -> representation.recordRelief(legalCase.getId(), relief("BOND", ReliefDecision.GRANTED, bondGranted)));
        List<DeadlineView> after = given.as(staff, () -> deadlines.ofCase(legalCase.getId()));

        Deadline bia = find(after, DeadlineRule.BIA_APPEAL).orElseThrow().deadline();
        assertEquals(denied, bia.getTriggeredOn());
        assertEquals(DeadlineRule.BIA_APPEAL.dueOn(denied, 30), bia.getDueOn());
        assertTrue(!bia.getDueOn().isBefore(denied.plusDays(30)) && !bia.getDueOn().isAfter(denied.plusDays(32)), "30 days, or the Monday after");
        assertEquals(DeadlineState.OPEN, bia.getState());
        assertEquals(partner.getId(), bia.getPartnerId());
        Deadline dhs = find(after, DeadlineRule.DHS_BOND_APPEAL).orElseThrow().deadline();
        assertEquals(DeadlineRule.DHS_BOND_APPEAL.dueOn(bondGranted, 10), dhs.getDueOn());
        assertEquals(3, after.stream().filter(v -> v.deadline().isOpen()).count());
        assertTrue(after.stream().filter(v -> v.deadline().isOpen()).allMatch(DeadlineView::closable), "the case's own partner may close its open deadlines");

        LegalCase current = given.asSystem(() -> cases.find(legalCase.getId()));
        given.as(staff, () -> representation.recordNoticeOfAppearance(legalCase.getId(), current.getVersion(), today()));
        Deadline noa = find(given.as(staff, () -> deadlines.ofCase(legalCase.getId())), DeadlineRule.NOTICE_OF_APPEARANCE).orElseThrow().deadline();
        assertEquals(DeadlineState.MET, noa.getState(), "recording the notice meets the fund's rule");
        assertEquals("system", noa.getClosedBy());
    }

    @Test
    void anAppealTakesOverTheBiaAppealOfItsCasesDecision() {
        PartnerOrganization partner = given.partner(InContainer.unique("Deadline Appeal Legal"));
        UserAccount admin = given.admin();
        LegalCase assigned = given.assigned(partner);
        LocalDate decided = today().minusDays(1);
        LegalCase closed = given.as(admin, () -> closing.close(assigned.getId(), assigned.getVersion(),
                given.ref(ReferenceList.OUTCOME, "REMOVAL_ORDERED"), null, decided));
        Deadline onCase = find(given.as(admin, () -> deadlines.ofCase(closed.getId())), DeadlineRule.BIA_APPEAL).orElseThrow().deadline();
        assertEquals("ij:" + decided, onCase.getSource());
        assertTrue(given.as(admin, () -> deadlines.ofCase(closed.getId())).stream()
                        .noneMatch(v -> v.deadline().getRule() == DeadlineRule.NOTICE_OF_APPEARANCE && v.deadline().isOpen()),
                "a closed case owes no notice of appearance");

        LegalCase appeal = given.as(admin, () -> closing.openAppeal(closed.getId()));
        assertTrue(find(given.as(admin, () -> deadlines.ofCase(closed.getId())), DeadlineRule.BIA_APPEAL).isEmpty(),
                "the decided case no longer holds the open BIA appeal");
        Deadline onAppeal = find(given.as(admin, () -> deadlines.ofCase(appeal.getId())), DeadlineRule.BIA_APPEAL).orElseThrow().deadline();
        assertEquals(onCase.getDueOn(), onAppeal.getDueOn());
        assertEquals(appeal.getCaseNumber(), onAppeal.getCaseNumber());
    }

    @Test
    void theQueueIsScopedPerPartner() {
        PartnerOrganization a = given.partner(InContainer.unique("Deadline Queue A"));
        PartnerOrganization b = given.partner(InContainer.unique("Deadline Queue B"));
        UserAccount staffA = given.partnerStaff(a);
        UserAccount admin = given.admin();
        LegalCase caseA = given.assigned(a);
        LegalCase caseB = given.assigned(b);

        List<Long> seenByA = given.as(staffA, () -> deadlines.queue(null, 0, 200)).stream().map(v -> v.deadline().getCaseId()).toList();
        assertTrue(seenByA.contains(caseA.getId()), "partner A's staff see their case's deadline");
        assertFalse(seenByA.contains(caseB.getId()), "and never partner B's");
        assertEquals(1L, given.as(staffA, () -> deadlines.queueCount(null)));
        assertThrows(AccessDeniedException.class, () -> given.as(staffA, () -> deadlines.queue(b.getId(), 0, 10)), "nor by asking");
        assertTrue(given.as(admin, () -> deadlines.queue(b.getId(), 0, 200)).stream().anyMatch(v -> v.deadline().getCaseId().equals(caseB.getId())),
                "the fund sees every partner's");
        UserAccount funder = given.funderUser(given.funder(InContainer.unique("Deadline Fund")));
        assertThrows(AccessDeniedException.class, () -> given.as(funder, () -> deadlines.queue(null, 0, 10)), "funders see no deadline");
        assertThrows(AccessDeniedException.class, () -> given.as(funder, () -> deadlines.ofCase(caseA.getId())));
    }

    @Test
    void overdueIsFlaggedByTheFundsClock() {
        PartnerOrganization partner = given.partner(InContainer.unique("Deadline Overdue Legal"));
        UserAccount staff = given.partnerStaff(partner);
        LegalCase legalCase = given.assigned(partner);
        DeadlineView now = given.as(staff, () -> deadlines.queue(null, 0, 10)).get(0);
        assertFalse(now.overdue(), "due in two weeks");
        assertTrue(now.daysLeft() >= 14);
        Instant later = now.deadline().getDueOn().plusDays(1).atTime(12, 0).atZone(FundClock.current().getZone()).toInstant();
        try (FundClock.Setting fixed = FundClock.fixedAt(later)) {
            DeadlineView inQueue = given.as(staff, () -> deadlines.queue(null, 0, 10)).get(0);
            assertTrue(inQueue.overdue(), "a day past its due date");
            assertEquals(-1, inQueue.daysLeft());
            assertTrue(find(given.as(staff, () -> deadlines.ofCase(legalCase.getId())), DeadlineRule.NOTICE_OF_APPEARANCE).orElseThrow().overdue());
        }
        Instant onTheDay = now.deadline().getDueOn().atTime(23, 0).atZone(FundClock.current().getZone()).toInstant();
        try (FundClock.Setting fixed = FundClock.fixedAt(onTheDay)) {
            assertFalse(given.as(staff, () -> deadlines.queue(null, 0, 10)).get(0).overdue(), "on its day it is not yet overdue");
        }
    }

    @Test
    void metAndWaivedLandOnTheTimeline() {
        PartnerOrganization partner = given.partner(InContainer.unique("Deadline Timeline Legal"));
        PartnerOrganization other = given.partner(InContainer.unique("Deadline Other Legal"));
        UserAccount staff = given.partnerStaff(partner);
        UserAccount outsider = given.partnerStaff(other);
        UserAccount admin = given.admin();
        LegalCase legalCase = given.assigned(partner);
        given.as(staff, () -> representation.recordRelief(legalCase.getId(), relief("CANCELLATION_NON_LPR", ReliefDecision.DENIED, today().minusDays(3))));
        List<DeadlineView> open = given.as(staff, () -> deadlines.ofCase(legalCase.getId()));
        Deadline bia = find(open, DeadlineRule.BIA_APPEAL).orElseThrow().deadline();
        Deadline noa = find(open, DeadlineRule.NOTICE_OF_APPEARANCE).orElseThrow().deadline();

        assertThrows(AccessDeniedException.class, () -> given.as(outsider, () -> deadlines.meet(bia.getId(), bia.getVersion(), null)));
        assertEquals("deadline.waive.reasonRequired", assertThrows(BusinessException.class,
                () -> given.as(staff, () -> deadlines.waive(noa.getId(), noa.getVersion(), " "))).messageKey());

        Deadline met = given.as(staff, () -> deadlines.meet(bia.getId(), bia.getVersion(), "EOIR-26 filed on ECAS"));
        Deadline waived = given.as(admin, () -> deadlines.waive(noa.getId(), noa.getVersion(), "Client chose to represent themself"));
        assertEquals(DeadlineState.MET, met.getState());
        assertEquals(DeadlineState.WAIVED, waived.getState());
        assertEquals("deadline.notOpen", assertThrows(BusinessException.class,
                () -> given.as(staff, () -> deadlines.meet(met.getId(), met.getVersion(), null))).messageKey(), "a deadline is met once");

        List<CaseEvent> timeline = given.as(staff, () -> cases.timeline(legalCase.getId()));
        CaseEvent metEntry = timeline.stream().filter(e -> e.getKind() == CaseEventKind.DEADLINE_MET).findFirst().orElseThrow();
        assertEquals("BIA_APPEAL", metEntry.getSummary());
        assertEquals("EOIR-26 filed on ECAS", metEntry.getReason());
        CaseEvent waivedEntry = timeline.stream().filter(e -> e.getKind() == CaseEventKind.DEADLINE_WAIVED).findFirst().orElseThrow();
        assertEquals("NOTICE_OF_APPEARANCE", waivedEntry.getSummary());
        assertEquals("Client chose to represent themself", waivedEntry.getReason());
        assertEquals(admin.getEmail(), waivedEntry.getActor());
        assertEquals(0L, given.as(staff, () -> deadlines.queueCount(null)), "neither is in the queue any more");
    }

    @Test
    void anOfferIsAnsweredWithinTheFundsHoursByThePartnerOffered() {
        PartnerOrganization a = given.partner(InContainer.unique("Offer Answer A"));
        PartnerOrganization b = given.partner(InContainer.unique("Offer Answer B"));
        UserAccount staffA = given.partnerStaff(a);
        UserAccount staffB = given.partnerStaff(b);
        UserAccount admin = given.admin();
        org.defensefund.tracker.cases.CaseOffer offer = given.offered(a);
        Long caseId = offer.getLegalCase().getId();

        DeadlineView waiting = given.as(staffA, () -> deadlines.queue(null, 0, 200)).stream()
                .filter(v -> caseId.equals(v.deadline().getCaseId())).findFirst().orElseThrow(() -> new AssertionError("in the offered partner's queue"));
        assertEquals(DeadlineRule.OFFER_ANSWER, waiting.deadline().getRule());
        assertEquals(offer.getOfferedAt().plus(java.time.Duration.ofHours(48)).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                waiting.deadline().getDueAt(), "48 hours after the offer");
        assertEquals(a.getId(), waiting.deadline().getPartnerId());
        assertFalse(waiting.overdue());
        assertTrue(given.as(staffB, () -> deadlines.queue(null, 0, 200)).stream().noneMatch(v -> caseId.equals(v.deadline().getCaseId())),
                "another partner never sees it");
        try (FundClock.Setting fixed = FundClock.fixedAt(waiting.deadline().getDueAt().plusSeconds(60))) {
            assertTrue(given.as(staffA, () -> deadlines.queue(null, 0, 200)).stream()
                    .filter(v -> caseId.equals(v.deadline().getCaseId())).findFirst().orElseThrow().overdue(), "a minute past its hour: overdue");
        }
        try (FundClock.Setting fixed = FundClock.fixedAt(waiting.deadline().getDueAt().minusSeconds(60))) {
            assertFalse(given.as(staffA, () -> deadlines.queue(null, 0, 200)).stream()
                    .filter(v -> caseId.equals(v.deadline().getCaseId())).findFirst().orElseThrow().overdue(), "a minute before: not yet");
        }

        given.asSystem(() -> assignment.acceptOffer(offer.getId(), "Attorney Offer Answer"));
        Deadline answered = find(given.as(admin, () -> deadlines.ofCase(caseId)), DeadlineRule.OFFER_ANSWER).orElseThrow().deadline();
        assertEquals(DeadlineState.MET, answered.getState(), "the answer meets it");
        assertEquals("system", answered.getClosedBy());
        assertEquals(a.getId(), answered.getPartnerId(), "still the offered partner's");
        assertTrue(given.as(staffA, () -> deadlines.queue(null, 0, 200)).stream()
                        .noneMatch(v -> caseId.equals(v.deadline().getCaseId()) && v.deadline().getRule() == DeadlineRule.OFFER_ANSWER),
                "out of the queue once answered");

        org.defensefund.tracker.cases.CaseOffer other = given.offered(b);
        Long otherCase = other.getLegalCase().getId();
        assertTrue(find(given.as(admin, () -> deadlines.ofCase(otherCase)), DeadlineRule.OFFER_ANSWER).isPresent());
        given.asSystem(() -> assignment.withdrawOffer(other.getId(), "Offered elsewhere"));
        assertTrue(find(given.as(admin, () -> deadlines.ofCase(otherCase)), DeadlineRule.OFFER_ANSWER).isEmpty(), "a withdrawn offer takes it away");
    }

    @Test
    void aGrantOwesItsReportsByItsScheduleAndTheFundMarksThemSent() throws Exception {
        UserAccount admin = given.admin();
        PartnerOrganization partner = given.partner(InContainer.unique("Report Legal"));
        UserAccount staff = given.partnerStaff(partner);
        org.defensefund.tracker.funding.Grant grant = given.grant("50000.00", terms -> { });
        LocalDate keptFrom;
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SELECT kept_from FROM deadline_computation WHERE id = 1")) {
            assertTrue(row.next(), "the deadlines were computed at start");
            keptFrom = row.getDate(1).toLocalDate();
        }
        List<LocalDate> expected = grant.getReportingSchedule().reportDates(grant.getPeriodStart(), grant.getPeriodEnd()).stream()
                .filter(d -> !d.isBefore(keptFrom)).toList();
        List<DeadlineView> reports = given.as(admin, () -> deadlines.ofGrant(grant.getId()));
        assertEquals(expected, reports.stream().map(v -> v.deadline().getDueOn()).toList(), "a report at the end of each quarter and of the grant");
        assertTrue(expected.size() >= 2);
        assertTrue(reports.stream().allMatch(v -> v.deadline().getRule() == DeadlineRule.FUNDER_REPORT && grant.getName().equals(v.deadline().getGrantName())
                && v.deadline().getCaseId() == null && v.closable()));
        assertTrue(given.as(admin, () -> deadlines.queueCount(null)) > 0);
        assertTrue(given.as(staff, () -> deadlines.queue(null, 0, 200)).stream().noneMatch(v -> v.deadline().getGrantId() != null),
                "partner staff never see a grant's reports");
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> deadlines.ofGrant(grant.getId())));
        Deadline first = reports.get(0).deadline();
        assertThrows(AccessDeniedException.class, () -> given.as(staff, () -> deadlines.meet(first.getId(), first.getVersion(), null)));

        Deadline sent = given.as(admin, () -> deadlines.meet(first.getId(), first.getVersion(), "Sent to the program officer"));
        assertEquals(DeadlineState.MET, sent.getState());

        org.defensefund.tracker.funding.GrantTerms terms = org.defensefund.tracker.funding.GrantTerms.of(grant);
        terms.setReportingSchedule(org.defensefund.tracker.funding.ReportingSchedule.END_OF_GRANT);
        org.defensefund.tracker.funding.Grant current = given.asSystem(() -> grants.find(grant.getId()));
        given.asSystem(() -> grants.update(grant.getId(), current.getVersion(), terms));
        List<DeadlineView> after = given.as(admin, () -> deadlines.ofGrant(grant.getId()));
        assertEquals(List.of(first.getDueOn(), grant.getPeriodEnd()), after.stream().map(v -> v.deadline().getDueOn()).distinct().sorted().toList(),
                "a new schedule: the report sent stays, the open ones follow the schedule (the end only)");
        assertEquals(DeadlineState.MET, after.stream().filter(v -> v.deadline().getId().equals(first.getId())).findFirst().orElseThrow().deadline().getState());
    }

    @Test
    void casesRecordedBeforeTheRulesGetTheirDeadlinesFromTheComputationAtStart() throws Exception {
        PartnerOrganization partner = given.partner(InContainer.unique("Deadline Backfill Legal"));
        UserAccount admin = given.admin();
        LegalCase legalCase = given.assigned(partner);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM deadline WHERE case_id = " + legalCase.getId());
            statement.executeUpdate("UPDATE deadline_computation SET rules_version = 0");
        }
        assertEquals(List.of(), given.as(admin, () -> deadlines.ofCase(legalCase.getId())), "as if recorded before the rules");

        DeadlinesAtStart.computeAll(() -> dataSource.getConnection(), 0);

        List<DeadlineView> computed = given.as(admin, () -> deadlines.ofCase(legalCase.getId()));
        assertEquals(DeadlineState.OPEN, find(computed, DeadlineRule.NOTICE_OF_APPEARANCE).orElseThrow().deadline().getState());
        assertEquals(DeadlineState.MET, find(computed, DeadlineRule.OFFER_ANSWER).orElseThrow().deadline().getState(), "its offer, answered");
        assertEquals(DeadlinesAtStart.RULES_VERSION, given.count("SELECT rules_version FROM deadline_computation WHERE id = 1"));
        DeadlinesAtStart.computeAll(() -> dataSource.getConnection(), 0);
        assertEquals(computed.size(), given.as(admin, () -> deadlines.ofCase(legalCase.getId())).size(), "a second computation changes nothing");
    }

    @Test
    void theQueueCostsTheSameStatementsForThreeRowsAsForTwelve() throws Exception {
        PartnerOrganization partner = given.partner(InContainer.unique("Deadline Statements Legal"));
        UserAccount admin = given.admin();
        UserAccount staff = given.partnerStaff(partner);
        for (int i = 0; i < 13; i++) {
            given.assigned(partner);
        }
        assertEquals(13L, given.as(staff, () -> deadlines.queueCount(null)));
        for (UserAccount who : List.of(admin, staff)) {
            long small = statements(who, () -> page(partner.getId(), 3));
            long large = statements(who, () -> page(partner.getId(), 12));
            assertTrue(small > 0, "statements counted");
            assertEquals(small, large, "statements for a page of 3 and of 12");
            assertTrue(small <= 2, "the page and its count: " + small);
        }
    }

    private Object page(Long partnerId, int size) {
        deadlines.queueCount(partnerId);
        List<DeadlineView> rows = deadlines.queue(partnerId, 0, size);
        assertEquals(size, rows.size());
        rows.forEach(String::valueOf);
        return rows;
    }

    /** SELECTs MariaDB ran on the transaction's connection for the work (the caller loaded first). */
    private long statements(UserAccount who, Supplier<?> work) throws Exception {
        transaction.begin();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            given.as(who, () -> deadlines.queueCount(null));
            // Clients' keys are cached once read: counted cold, the most a page can cost.
            org.defensefund.tracker.clients.ClientKeys.forgetCached();
            long before = SelectCounter.selects(statement);
            given.as(who, work);
            return SelectCounter.selects(statement) - before;
        } finally {
            transaction.rollback();
        }
    }
}
