package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.util.List;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.clientreminders.ClientReminderPlanner;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.outbox.OutboxDelivery;
import org.defensefund.tracker.outbox.ServerMail;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.reminders.ReminderPlanner;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A hearing rescheduled or cancelled, through the real services in the server: the hearing moves (or stays, marked
 * cancelled), the case's next hearing is worked out again, the timeline and the audit trail say it; a stale version, a
 * hearing past, another partner's staff and a funder are refused; and the reminders follow: the outbox's messages still
 * pending for the old time are withdrawn and never delivered, the new time's are planned and delivered (GreenMail inside
 * the server, {@link ServerMail}), a cancelled hearing gets none and leaves the calendar.
 */
@ExtendWith(ArquillianExtension.class)
class HearingChangeIT {

    @Deployment
    static WebArchive deployment() {
        return ServerMail.deployment();
    }

    @Inject
    private InContainer given;

    @Inject
    private IntakeService intake;

    @Inject
    private AssignmentService assignment;

    @Inject
    private RepresentationService representation;

    @Inject
    private CaseService cases;

    @Inject
    private CaseQueries queries;

    @Inject
    private ClientReminderPlanner clientPlanner;

    @Inject
    private ReminderPlanner staffPlanner;

    @Inject
    private OutboxDelivery delivery;

    /** The fund's local time now, to the minute, plus some hours. */
    private static LocalDateTime inHours(long hours) {
        return LocalDateTime.now(FundClock.current()).plusHours(hours).withSecond(0).withNano(0);
    }

    private Hearing record(LegalCase legalCase, LocalDateTime at) {
        return given.asSystem(() -> representation.recordHearing(legalCase.getId(), new Hearing(HearingKind.MASTER_CALENDAR, at)));
    }

    private LegalCase current(LegalCase legalCase) {
        return given.asSystem(() -> cases.find(legalCase.getId()));
    }

    private CaseEvent last(LegalCase legalCase) {
        List<CaseEvent> timeline = given.asSystem(() -> cases.timeline(legalCase.getId()));
        return timeline.get(timeline.size() - 1);
    }

    @Test
    void aHearingIsRescheduledThenCancelledAndTheNextHearingFollows() {
        PartnerOrganization partner = given.partner(InContainer.unique("Reschedule Legal"));
        UserAccount staff = given.partnerStaff(partner);
        LegalCase legalCase = given.assigned(partner);
        LocalDateTime first = inHours(72);
        LocalDateTime second = inHours(240);
        Hearing soon = record(legalCase, first);
        Hearing later = record(legalCase, second);
        assertEquals(first.toLocalDate(), current(legalCase).getNextHearingDate());

        String audited = "select count(*) from audit_entry where record_type = 'Hearing' and action = 'UPDATE' and record_id = '" + soon.getId() + "'";
        long auditedBefore = given.count(audited);
        LocalDateTime moved = inHours(480);
        Hearing rescheduled = given.as(staff, () -> representation.rescheduleHearing(legalCase.getId(), soon.getId(), soon.getVersion(), moved,
                given.ref(ReferenceList.COURT, "BOS"), "The judge was reassigned"));
        assertEquals(moved, rescheduled.getScheduledAt());
        assertEquals("BOS", rescheduled.getCourt().getCode());
        assertFalse(rescheduled.isCancelled());
        assertEquals(second.toLocalDate(), current(legalCase).getNextHearingDate(), "the next hearing is now the other one");
        CaseEvent entry = last(legalCase);
        assertEquals(CaseEventKind.HEARING_RESCHEDULED, entry.getKind());
        assertEquals("The judge was reassigned", entry.getReason());
        assertEquals(staff.getEmail(), entry.getActor());
        assertTrue(entry.getSummary().contains(first.toLocalDate().toString()) && entry.getSummary().contains(moved.toLocalDate().toString()),
                "from the old time to the new one: " + entry.getSummary());
        assertEquals(auditedBefore + 1, given.count(audited), "the change is in the audit trail");

        ConcurrentEditException stale = assertThrows(ConcurrentEditException.class, () -> given.as(staff,
                () -> representation.cancelHearing(legalCase.getId(), soon.getId(), soon.getVersion(), "read before the change")));
        assertEquals("error.concurrentEdit", stale.messageKey());
        assertFalse(given.asSystem(() -> representation.hearings(legalCase.getId())).get(0).isCancelled(), "the stale writer changed nothing");

        Hearing cancelled = given.as(staff, () -> representation.cancelHearing(legalCase.getId(), later.getId(), later.getVersion(),
                "The proceedings were terminated"));
        assertTrue(cancelled.isCancelled());
        assertEquals(staff.getEmail(), cancelled.getCancelledBy());
        assertEquals("The proceedings were terminated", cancelled.getCancelReason());
        assertEquals(moved.toLocalDate(), current(legalCase).getNextHearingDate(), "a cancelled hearing is no one's next hearing");
        List<Hearing> hearings = given.as(staff, () -> representation.hearings(legalCase.getId()));
        assertEquals(2, hearings.size(), "the cancelled hearing stays on the list");
        assertTrue(hearings.stream().anyMatch(h -> h.getId().equals(later.getId()) && h.isCancelled()));
        assertEquals(CaseEventKind.HEARING_CANCELLED, last(legalCase).getKind());
        assertEquals("The proceedings were terminated", last(legalCase).getReason());

        List<CalendarHearing> calendar = given.as(staff, () -> queries.hearingsBetween(inHours(0), inHours(24 * 30), 1000));
        assertTrue(calendar.stream().anyMatch(h -> h.hearingId().equals(soon.getId())), "the rescheduled hearing is in the calendar");
        assertFalse(calendar.stream().anyMatch(h -> h.hearingId().equals(later.getId())), "the cancelled one is not");

        BusinessException twice = assertThrows(BusinessException.class, () -> given.as(staff,
                () -> representation.cancelHearing(legalCase.getId(), cancelled.getId(), cancelled.getVersion(), "again")));
        assertEquals("hearing.change.cancelled", twice.messageKey());
        assertEquals("hearing", twice.field());

        Hearing last = given.as(staff, () -> representation.cancelHearing(legalCase.getId(), rescheduled.getId(), rescheduled.getVersion(),
                "Relief granted"));
        assertTrue(last.isCancelled());
        assertEquals(null, current(legalCase).getNextHearingDate(), "no hearing ahead any more");
    }

    @Test
    void aHearingPastOrAWrongRequestIsRefusedBesideItsField() {
        PartnerOrganization partner = given.partner(InContainer.unique("Past Hearing Legal"));
        UserAccount staff = given.partnerStaff(partner);
        LegalCase legalCase = given.assigned(partner);
        Hearing past = record(legalCase, inHours(-26));
        Hearing ahead = record(legalCase, inHours(48));

        BusinessException pastMove = assertThrows(BusinessException.class, () -> given.as(staff,
                () -> representation.rescheduleHearing(legalCase.getId(), past.getId(), past.getVersion(), inHours(100), null, "too late")));
        assertEquals("hearing.change.past", pastMove.messageKey());
        assertEquals("hearing", pastMove.field());
        BusinessException pastCancel = assertThrows(BusinessException.class, () -> given.as(staff,
                () -> representation.cancelHearing(legalCase.getId(), past.getId(), past.getVersion(), "too late")));
        assertEquals("hearing.change.past", pastCancel.messageKey());

        BusinessException toThePast = assertThrows(BusinessException.class, () -> given.as(staff,
                () -> representation.rescheduleHearing(legalCase.getId(), ahead.getId(), ahead.getVersion(), inHours(-2), null, "a typing error")));
        assertEquals("hearing.reschedule.notAhead", toThePast.messageKey());
        assertEquals("scheduledAt", toThePast.field());
        BusinessException unchanged = assertThrows(BusinessException.class, () -> given.as(staff,
                () -> representation.rescheduleHearing(legalCase.getId(), ahead.getId(), ahead.getVersion(), ahead.getScheduledAt(), null, "same")));
        assertEquals("hearing.reschedule.unchanged", unchanged.messageKey());
        BusinessException noReason = assertThrows(BusinessException.class, () -> given.as(staff,
                () -> representation.cancelHearing(legalCase.getId(), ahead.getId(), ahead.getVersion(), "  ")));
        assertEquals("hearing.change.reasonRequired", noReason.messageKey());
        assertEquals("reason", noReason.field());
        BusinessException tooLong = assertThrows(BusinessException.class, () -> given.as(staff,
                () -> representation.cancelHearing(legalCase.getId(), ahead.getId(), ahead.getVersion(), "x".repeat(1001))));
        assertEquals("case.note.tooLong", tooLong.messageKey());
        assertEquals(ahead.getScheduledAt().toLocalDate(), current(legalCase).getNextHearingDate(), "nothing changed");
        assertEquals(0, given.count("select count(*) from case_event where case_id = " + legalCase.getId()
                + " and kind in ('HEARING_RESCHEDULED', 'HEARING_CANCELLED')"));
    }

    @Test
    void onlyThoseWhoMayRecordAHearingMayChangeIt() {
        PartnerOrganization partner = given.partner(InContainer.unique("Own Hearing Legal"));
        PartnerOrganization other = given.partner(InContainer.unique("Other Hearing Legal"));
        UserAccount otherStaff = given.partnerStaff(other);
        Funder funder = given.funder(InContainer.unique("Hearing Fund"));
        UserAccount funderUser = given.funderUser(funder);
        LegalCase legalCase = given.assigned(partner);
        LegalCase otherCase = given.assigned(other);
        Hearing hearing = record(legalCase, inHours(72));
        Hearing othersHearing = record(otherCase, inHours(72));

        for (UserAccount refused : List.of(otherStaff, funderUser)) {
            assertThrows(AccessDeniedException.class, () -> given.as(refused, () -> representation.rescheduleHearing(legalCase.getId(),
                    hearing.getId(), hearing.getVersion(), inHours(200), null, "not mine")));
            assertThrows(AccessDeniedException.class, () -> given.as(refused, () -> representation.cancelHearing(legalCase.getId(),
                    hearing.getId(), hearing.getVersion(), "not mine")));
        }
        assertThrows(RecordNotFoundException.class, () -> given.as(otherStaff, () -> representation.cancelHearing(otherCase.getId(),
                hearing.getId(), hearing.getVersion(), "another case's hearing through my own case")));
        assertFalse(given.asSystem(() -> representation.hearings(legalCase.getId())).get(0).isCancelled());

        UserAccount admin = given.admin();
        Hearing byAdmin = given.as(admin, () -> representation.rescheduleHearing(otherCase.getId(), othersHearing.getId(),
                othersHearing.getVersion(), inHours(300), null, "Moved by the court"));
        assertEquals(inHours(300).toLocalDate(), byAdmin.getScheduledAt().toLocalDate(), "the fund's administrators may");
    }

    @Test
    void theOldTimesRemindersAreWithdrawnAndTheNewTimesAreSent() throws Exception {
        PartnerOrganization partner = given.partner(InContainer.unique("Reminded Hearing Legal"));
        UserAccount staff = given.partnerStaff(partner);
        String email = "hearing-" + InContainer.unique("c").substring(2) + "@example.org";
        Referral referral = given.referral();
        referral.setReminderConsent(true);
        referral.setReminderEmail(email);
        LegalCase referred = given.asSystem(() -> intake.refer(referral));
        LegalCase eligible = given.asSystem(() -> intake.screen(referred.getId(), referred.getVersion(),
                new Screening(true, true, true, CaseStatus.ELIGIBLE, null, null)));
        CaseOffer offer = given.asSystem(() -> assignment.offer(eligible.getId(), eligible.getVersion(), partner.getId(), null));
        LegalCase legalCase = given.asSystem(() -> assignment.acceptOffer(offer.getId(), "Attorney Marrow"));
        Long caseId = legalCase.getId();

        LocalDateTime oldTime = inHours(5);
        Hearing hearing = record(legalCase, oldTime);
        plan(staff);
        String clientKey = "CLIENT_HEARING_1D:" + hearing.getId() + ":" + oldTime;
        String staffKey = "STAFF_SOON:" + staff.getId() + ":HEARING:" + hearing.getId() + ":" + oldTime;
        assertEquals(1, pending(caseId, clientKey), "the client's reminder of the old time waits in the outbox");
        assertEquals(1, pending(caseId, staffKey), "and the staff's");

        LocalDateTime newTime = inHours(20);
        Hearing moved = given.as(staff, () -> representation.rescheduleHearing(caseId, hearing.getId(), hearing.getVersion(), newTime, null,
                "Moved by the court"));
        assertEquals(0, pending(caseId, clientKey) + pending(caseId, staffKey), "withdrawn with the change");
        assertEquals(2, given.count("select count(*) from outbox_message where case_id = " + caseId + " and status = 'WITHDRAWN'"
                + " and (dedupe_key like '" + clientKey + "~withdrawn:%' or dedupe_key like '" + staffKey + "~withdrawn:%')"),
                "kept, marked withdrawn, their keys set free");

        plan(staff);
        String newClientKey = "CLIENT_HEARING_1D:" + hearing.getId() + ":" + newTime;
        String newStaffKey = "STAFF_SOON:" + staff.getId() + ":HEARING:" + hearing.getId() + ":" + newTime;
        assertEquals(1, pending(caseId, newClientKey), "the new time's reminder is planned");
        assertEquals(1, pending(caseId, newStaffKey));

        try (ServerMail mail = ServerMail.start()) {
            delivery.deliverDue();
            assertEquals(1, mail.to(email).size(), "the client gets the new time's reminder only");
            assertEquals(1, staffHearingMails(mail, staff, legalCase).size(), "and so does the staff");
            assertEquals(1, status(caseId, newClientKey, "SENT"));
            assertEquals(2, given.count("select count(*) from outbox_message where case_id = " + caseId + " and status = 'WITHDRAWN'"),
                    "the withdrawn ones stay withdrawn");

            LocalDateTime otherTime = inHours(6);
            Hearing second = record(current(legalCase), otherTime);
            plan(staff);
            String secondClientKey = "CLIENT_HEARING_1D:" + second.getId() + ":" + otherTime;
            assertEquals(1, pending(caseId, secondClientKey));
            given.as(staff, () -> representation.cancelHearing(caseId, second.getId(), second.getVersion(), "The case was terminated"));
            assertEquals(0, given.count("select count(*) from outbox_message where case_id = " + caseId + " and status = 'PENDING'"),
                    "the cancelled hearing's reminders are withdrawn");
            plan(staff);
            assertEquals(0, given.count("select count(*) from outbox_message where case_id = " + caseId + " and status = 'PENDING'"),
                    "and a cancelled hearing gets none");
            delivery.deliverDue();
            assertEquals(1, mail.to(email).size(), "nothing more to the client");
            assertEquals(1, staffHearingMails(mail, staff, legalCase).size(), "nothing more to the staff");
        }
        assertEquals(newTime, moved.getScheduledAt());
    }

    private void plan(UserAccount staff) {
        clientPlanner.planDue();
        staffPlanner.planFor(staff.getId());
    }

    private long pending(Long caseId, String dedupeKey) {
        return status(caseId, dedupeKey, "PENDING");
    }

    private long status(Long caseId, String dedupeKey, String status) {
        return given.count("select count(*) from outbox_message where case_id = " + caseId + " and dedupe_key = '" + dedupeKey
                + "' and status = '" + status + "'");
    }

    private static List<MimeMessage> staffHearingMails(ServerMail mail, UserAccount staff, LegalCase legalCase) {
        return mail.to(staff.getEmail()).stream().filter(m -> subject(m).equals("Hearing within 24 hours: case " + legalCase.getCaseNumber())).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
