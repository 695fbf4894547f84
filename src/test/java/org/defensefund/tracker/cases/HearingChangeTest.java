package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The case's rules for moving and cancelling a hearing, without a database. */
class HearingChangeTest {

    private static final LocalDateTime NOW = LegalCases.TODAY.atTime(11, 0);
    private static final String STAFF = LegalCases.STAFF;

    private static void refused(String key, String field, Executable step) {
        BusinessException e = assertThrows(BusinessException.class, step);
        assertEquals(key, e.messageKey());
        assertEquals(field, e.field());
    }

    private static Hearing hearingAt(LegalCase legalCase, LocalDateTime at) {
        Hearing hearing = new Hearing(HearingKind.BOND, at);
        legalCase.recordHearing(hearing, STAFF);
        return hearing;
    }

    @Test
    void aHearingStillToComeMovesAndTheEntrySaysFromWhenToWhen() {
        LegalCase legalCase = LegalCases.assigned();
        Hearing hearing = hearingAt(legalCase, NOW.plusDays(3));
        var court = LegalCases.item(ReferenceList.COURT, "BOS", "Boston Immigration Court");

        CaseEvent entry = legalCase.rescheduleHearing(hearing, NOW.plusDays(10), court, " The judge was reassigned ", NOW, STAFF);

        assertEquals(NOW.plusDays(10), hearing.getScheduledAt());
        assertSame(court, hearing.getCourt());
        assertEquals(CaseEventKind.HEARING_RESCHEDULED, entry.getKind());
        assertEquals("BOND " + NOW.plusDays(3) + " → " + NOW.plusDays(10) + " · Boston Immigration Court", entry.getSummary(),
                "the kind, from when to when, and the new court");
        assertEquals("The judge was reassigned", entry.getReason());
        assertEquals(CaseStatus.ASSIGNED, entry.getToStatus());
    }

    @Test
    void aCancelledHearingIsMarkedAndChangesNoMore() {
        LegalCase legalCase = LegalCases.assigned();
        Hearing hearing = hearingAt(legalCase, NOW.plusHours(1));
        Instant at = Instant.parse("2026-11-22T16:00:00Z");

        CaseEvent entry = legalCase.cancelHearing(hearing, "Terminated", NOW, at, STAFF);

        assertTrue(hearing.isCancelled());
        assertEquals(at, hearing.getCancelledAt());
        assertEquals(STAFF, hearing.getCancelledBy());
        assertEquals("Terminated", hearing.getCancelReason());
        assertFalse(hearing.isChangeableAt(NOW));
        assertEquals(CaseEventKind.HEARING_CANCELLED, entry.getKind());
        refused("hearing.change.cancelled", "hearing", () -> legalCase.cancelHearing(hearing, "again", NOW, at, STAFF));
        refused("hearing.change.cancelled", "hearing", () -> legalCase.rescheduleHearing(hearing, NOW.plusDays(2), null, "again", NOW, STAFF));
    }

    @Test
    void aHearingPastOrAChangeWithoutSenseIsRefusedBesideItsField() {
        LegalCase legalCase = LegalCases.assigned();
        Hearing past = hearingAt(legalCase, NOW.minusMinutes(1));
        Hearing now = hearingAt(legalCase, NOW);
        Hearing ahead = hearingAt(legalCase, NOW.plusDays(1));

        refused("hearing.change.past", "hearing", () -> legalCase.rescheduleHearing(past, NOW.plusDays(5), null, "late", NOW, STAFF));
        refused("hearing.change.past", "hearing", () -> legalCase.cancelHearing(now, "starting now", NOW, Instant.EPOCH, STAFF));
        refused("hearing.scheduledAt.required", "scheduledAt", () -> legalCase.rescheduleHearing(ahead, null, null, "why", NOW, STAFF));
        refused("hearing.reschedule.notAhead", "scheduledAt", () -> legalCase.rescheduleHearing(ahead, NOW, null, "why", NOW, STAFF));
        refused("hearing.reschedule.unchanged", "scheduledAt", () -> legalCase.rescheduleHearing(ahead, NOW.plusDays(1), null, "why", NOW, STAFF));
        refused("hearing.change.reasonRequired", "reason", () -> legalCase.rescheduleHearing(ahead, NOW.plusDays(2), null, " ", NOW, STAFF));
        refused("hearing.change.reasonRequired", "reason", () -> legalCase.cancelHearing(ahead, null, NOW, Instant.EPOCH, STAFF));
        refused("case.note.tooLong", "reason", () -> legalCase.cancelHearing(ahead, "x".repeat(1001), NOW, Instant.EPOCH, STAFF));
        assertEquals(NOW.plusDays(1), ahead.getScheduledAt(), "nothing changed");
        assertFalse(ahead.isCancelled());
    }
}
