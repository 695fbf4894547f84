package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Days detained from a custody timeline: each detention runs until the next release, or until today. */
class DetentionDaysTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static CustodyEvent event(CustodyEventKind kind, LocalDate date) {
        return new CustodyEvent(kind, date);
    }

    @Test
    void detentionsAreCountedUntilReleaseAndTransfersDontRestartTheClock() {
        List<CustodyEvent> events = List.of(
                event(CustodyEventKind.DETAINED, TODAY.minusDays(100)),
                event(CustodyEventKind.TRANSFERRED, TODAY.minusDays(80)),
                event(CustodyEventKind.RELEASED_BOND, TODAY.minusDays(60)),
                event(CustodyEventKind.DETAINED, TODAY.minusDays(10)));
        assertEquals(40 + 10, DetentionDays.count(events, TODAY));
    }

    @Test
    void neverDetainedIsZero() {
        assertEquals(0, DetentionDays.count(List.of(), TODAY));
        assertEquals(0, DetentionDays.count(List.of(event(CustodyEventKind.RELEASED_PAROLE, TODAY)), TODAY));
    }
}
