package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseNumbersTest {

    @Test
    void everyWrittenFormGivesTheStoredNumber() {
        for (String typed : new String[] {"2026-00042", "2026-42", " 2026 - 42 ", "#2026-42", "2026/00042", "2026.42", "2026 42", "2026–42"}) {
            assertEquals(Optional.of("2026-00042"), CaseNumbers.parse(typed), typed);
        }
        assertEquals(Optional.of("2026-123456"), CaseNumbers.parse("2026-123456"), "past five digits");
    }

    @Test
    void otherTextIsNotACaseNumber() {
        for (String typed : new String[] {"Garcia", "A200-000-001", "200000001", "2026", "26-42", "2026-", "2026-42a", ""}) {
            assertEquals(Optional.empty(), CaseNumbers.parse(typed), typed);
        }
        assertEquals(Optional.empty(), CaseNumbers.parse(null));
    }

    @Test
    void numbersAreWrittenWithFiveDigitsAtLeast() {
        assertEquals("2026-00042", CaseNumbers.of(2026, 42));
        assertEquals("2026-123456", CaseNumbers.of(2026, 123456));
    }
}
