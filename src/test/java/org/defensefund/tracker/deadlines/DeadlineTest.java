package org.defensefund.tracker.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.defensefund.tracker.shared.BusinessException;
import org.junit.jupiter.api.Test;

/** A deadline's own rules: overdue, met or waived once, a waiver needs its reason. */
class DeadlineTest {

    private static final LocalDate DUE = LocalDate.of(2026, 12, 2);
    private static final Instant AT = Instant.parse("2026-12-01T15:00:00Z");

    /**
     * An open deadline of no case (a grant's report): the rules are every deadline's, and a case's deadline seals its
     * reason under the client's key, which needs the server (DeadlineWebIT proves that part).
     */
    private static Deadline open() {
        return new Deadline(null, null, null, DeadlineRule.FUNDER_REPORT, "grant:7", LocalDate.of(2026, 11, 2), DUE);
    }

    @Test
    void overdueOnlyWhileOpenAndAfterItsDay() {
        Deadline deadline = open();
        assertFalse(deadline.isOverdue(DUE), "due today is not overdue");
        assertTrue(deadline.isOverdue(DUE.plusDays(1)));
        deadline.meet(null, "someone", AT);
        assertFalse(deadline.isOverdue(DUE.plusDays(1)), "a met deadline is never overdue");
    }

    @Test
    void metWithAnOptionalNoteAndWhoAndWhen() {
        Deadline deadline = open();
        deadline.meet("  Report sent by e-mail  ", "admin@fund.test", AT);
        assertEquals(DeadlineState.MET, deadline.getState());
        assertEquals("Report sent by e-mail", deadline.getReason());
        assertEquals("admin@fund.test", deadline.getClosedBy());
        assertEquals(AT, deadline.getClosedAt());
    }

    @Test
    void cannotBeMetTwiceNorWaivedOnceMet() {
        Deadline deadline = open();
        deadline.meet(null, "a", AT);
        assertEquals("deadline.notOpen", assertThrows(BusinessException.class, () -> deadline.meet(null, "b", AT)).messageKey());
        assertEquals("deadline.notOpen", assertThrows(BusinessException.class, () -> deadline.waive("no appeal", "b", AT)).messageKey());
        assertEquals("a", deadline.getClosedBy(), "the first closing stands");
    }

    @Test
    void aWaiverNeedsItsReason() {
        Deadline deadline = open();
        assertEquals("deadline.waive.reasonRequired", assertThrows(BusinessException.class, () -> deadline.waive("  ", "a", AT)).messageKey());
        assertEquals(DeadlineState.OPEN, deadline.getState(), "a refused waiver changes nothing");
        deadline.waive("The funder extended the period.", "a", AT);
        assertEquals(DeadlineState.WAIVED, deadline.getState());
    }

    @Test
    void aReasonLongerThanTheLimitIsRefusedNotCut() {
        Deadline deadline = open();
        String tooLong = "x".repeat(Deadline.REASON_MAX + 1);
        assertEquals("deadline.reason.tooLong", assertThrows(BusinessException.class, () -> deadline.waive(tooLong, "a", AT)).messageKey());
        assertTrue(deadline.isOpen());
    }

    @Test
    void aNewPeriodMovesOnlyAnOpenDeadline() {
        Deadline deadline = open();
        deadline.reschedule(DUE.plusDays(5));
        assertEquals(DUE.plusDays(5), deadline.getDueOn());
        deadline.waive("moot", "a", AT);
        deadline.reschedule(DUE);
        assertEquals(DUE.plusDays(5), deadline.getDueOn());
    }
}
