package org.defensefund.tracker.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DatesTest {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");

    @Test
    void aStoredInstantReadsAsTheFundsTimeToTheSecond() {
        assertEquals("12/01/2026 1:04:16 AM", Dates.readable("2026-12-01T06:04:16.977710412Z", BOSTON));
        assertEquals("07/04/2026 8:00:00 AM", Dates.readable("2026-07-04T12:00:00Z", BOSTON), "summer time");
    }

    @Test
    void otherValuesStayAsStored() {
        assertEquals("Chelsea", Dates.readable("Chelsea", BOSTON));
        assertEquals("2026-12-01", Dates.readable("2026-12-01", BOSTON));
        assertEquals("1000.00", Dates.readable("1000.00", BOSTON));
        assertNull(Dates.readable(null, BOSTON));
    }
}
