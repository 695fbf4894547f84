package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void lineBreaksAndControlCharactersCannotForgeALine() {
        assertEquals("abc__2026-12-01 ERROR forged_x", LogText.of("abc\r\n2026-12-01 ERROR forged\tx"));
        assertEquals("", LogText.of(null));
    }

    @Test
    void longValuesAreCut() {
        String logged = LogText.of("a".repeat(100_000));
        assertTrue(logged.length() < 250, logged.length() + " characters");
        assertTrue(logged.endsWith("...(100000 chars)"), logged);
    }
}
