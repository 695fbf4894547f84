package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Priority comes from custody first, then how soon the next hearing is. */
class PriorityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void detainedClientsAreUrgentWhateverTheHearing() {
        assertEquals(Priority.URGENT, Priority.of(true, null, TODAY));
        assertEquals(Priority.URGENT, Priority.of(true, TODAY.plusDays(300), TODAY));
    }

    @Test
    void hearingsSoonRaiseThePriorityAtTheBoundaries() {
        assertEquals(Priority.URGENT, Priority.of(false, TODAY.plusDays(14), TODAY));
        assertEquals(Priority.HIGH, Priority.of(false, TODAY.plusDays(15), TODAY));
        assertEquals(Priority.HIGH, Priority.of(false, TODAY.plusDays(60), TODAY));
        assertEquals(Priority.NORMAL, Priority.of(false, TODAY.plusDays(61), TODAY));
        assertEquals(Priority.URGENT, Priority.of(false, TODAY.minusDays(2), TODAY), "a missed hearing date is urgent");
        assertEquals(Priority.NORMAL, Priority.of(false, null, TODAY));
    }
}
