package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A timeline entry's facts: kept as JSON and read back whole, said plainly as entries always were, nothing lost on odd input. */
class TimelineTextTest {

    private static final TimelineText HEARING = TimelineText.of(TimelineText.label("hearingKind", HearingKind.BOND), TimelineText.words(" "),
            TimelineText.moment(LocalDateTime.of(2026, 12, 7, 9, 30, 15)), TimelineText.words(": continued \"to\" March"),
            TimelineText.item(42L, "Boston Immigration Court"), TimelineText.amount(new BigDecimal("1500.00")),
            TimelineText.day(LocalDate.of(2026, 11, 2)), null);

    @Test
    void theFactsGoToJsonAndComeBackWhole() {
        String json = HEARING.json();
        assertTrue(json.startsWith("[{\"k\":\"hearingKind.BOND\"}"), json);
        assertEquals(HEARING, TimelineText.parse(json));
        assertEquals(7, TimelineText.parse(json).parts().size(), "the missing part left out");
    }

    @Test
    void thePlainSummaryIsWhatEntriesAlwaysSaid() {
        assertEquals("BOND 2026-12-07T09:30: continued \"to\" MarchBoston Immigration Court1500.002026-11-02", HEARING.plain());
        assertEquals("", TimelineText.none().plain());
        assertEquals("BIA_APPEAL", TimelineText.of(TimelineText.label("deadlineRule.BIA_APPEAL")).plain());
    }

    @Test
    void wordsAloneNeedNoFacts() {
        assertTrue(TimelineText.of(TimelineText.words("Ana Attorney")).wordsOnly());
        assertTrue(TimelineText.none().wordsOnly());
        assertFalse(HEARING.wordsOnly());
        assertTrue(TimelineText.of(TimelineText.words(null), TimelineText.words("")).isEmpty());
    }

    @Test
    void somethingUnreadableIsNoFactsNotAnError() {
        for (String stored : new String[] {null, "", "  ", "{", "{\"w\":\"x\"}", "[1]", "[{\"d\":\"not a date\"}]", "[{\"i\":1.5,\"n\":\"x\"}]", "[{}]"}) {
            assertTrue(TimelineText.parse(stored).isEmpty(), String.valueOf(stored));
        }
    }
}
