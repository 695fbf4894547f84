package org.defensefund.tracker.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The iCalendar text a feed is written as, read back with ical4j; and the feed tokens. */
class FeedWriterTest {

    private static final Instant STAMP = Instant.parse("2026-12-01T15:00:00Z");

    private static final List<CalendarEntry> ENTRIES = List.of(
            CalendarEntry.timed("hearing-7@tracker.test", Instant.parse("2026-12-10T14:30:00Z"), Duration.ofHours(1),
                    "Master calendar hearing, case 2026-00042", "Case 2026-00042\nMaster calendar hearing\nCourt: Boston; JFK Building, 15 New Sudbury St.",
                    "Boston; JFK Building, 15 New Sudbury St.", URI.create("https://fund.test/cases/detail.xhtml?id=42")),
            CalendarEntry.allDay("deadline-9@tracker.test", LocalDate.of(2026, 12, 14), "OVERDUE: BIA appeal (EOIR-26), case 2026-00042",
                    "Case 2026-00042\n" + "x".repeat(200), null, null));

    @Test
    void aFeedIsValidICalendarWithTimedAndAllDayEvents() throws Exception {
        String text = FeedWriter.write("-//Fund//Case tracker//EN", "Fund: hearings and deadlines", STAMP, ENTRIES);
        assertTrue(text.startsWith("BEGIN:VCALENDAR\r\n"), "CRLF line ends");
        assertTrue(text.lines().allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75), "lines folded at 75 octets");
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        assertEquals("2.0", calendar.getProperty(Property.VERSION).orElseThrow().getValue());
        assertTrue(calendar.getProperty(Property.METHOD).isEmpty(), "a feed, not a scheduling message");
        assertEquals("Fund: hearings and deadlines", calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue());

        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        assertEquals(2, events.size());
        VEvent hearing = events.get(0);
        assertEquals("hearing-7@tracker.test", hearing.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("20261210T143000Z", hearing.getProperty(Property.DTSTART).orElseThrow().getValue(), "in UTC");
        assertEquals("PT1H", hearing.getProperty(Property.DURATION).orElseThrow().getValue());
        assertEquals("Boston; JFK Building, 15 New Sudbury St.", hearing.getProperty(Property.LOCATION).orElseThrow().getValue(), "escaped and read back");
        assertTrue(hearing.getProperty(Property.DESCRIPTION).orElseThrow().getValue().contains("\nMaster calendar hearing\n"), "line breaks kept");
        assertEquals("https://fund.test/cases/detail.xhtml?id=42", hearing.getProperty(Property.URL).orElseThrow().getValue());
        assertEquals("20261201T150000Z", hearing.getProperty(Property.DTSTAMP).orElseThrow().getValue(), "the fund's clock, not ical4j's");

        VEvent deadline = events.get(1);
        assertEquals("20261214", deadline.getProperty(Property.DTSTART).orElseThrow().getValue());
        assertEquals("DATE", deadline.getProperty(Property.DTSTART).orElseThrow().getParameter("VALUE").orElseThrow().getValue(), "a whole day");
        assertEquals("20261215", deadline.getProperty(Property.DTEND).orElseThrow().getValue());
        assertEquals("TRANSPARENT", deadline.getProperty(Property.TRANSP).orElseThrow().getValue(), "takes no time");
        assertTrue(deadline.getProperty(Property.LOCATION).isEmpty() && deadline.getProperty(Property.URL).isEmpty());
        assertTrue(deadline.getProperty(Property.DESCRIPTION).orElseThrow().getValue().endsWith("x".repeat(200)), "a long line unfolded whole");
    }

    @Test
    void aFeedWithoutEventsIsValidToo() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(FeedWriter.write("-//F//T//EN", "F", STAMP, List.of())));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        assertTrue(calendar.getComponents(VEvent.VEVENT).isEmpty(), "no event made up");
    }

    @Test
    void theSameEntriesGiveTheSameEvents() {
        assertEquals(FeedWriter.write("-//F//T//EN", "F", STAMP, ENTRIES), FeedWriter.write("-//F//T//EN", "F", STAMP, ENTRIES));
    }

    @Test
    void tokensAreRandomUrlSafeAndKeptOnlyAsTheirDigest() {
        String token = FeedTokens.newToken();
        assertTrue(FeedTokens.wellFormed(token), token);
        assertNotEquals(token, FeedTokens.newToken());
        String hash = FeedTokens.hash(token);
        assertTrue(hash.matches("[0-9a-f]{64}"));
        assertFalse(hash.contains(token));
        assertTrue(FeedTokens.same(hash, FeedTokens.hash(token)));
        assertFalse(FeedTokens.same(hash, FeedTokens.hash(FeedTokens.newToken())));
        assertFalse(FeedTokens.same(hash, null));
        for (String bad : new String[] {null, "", "short", token + "x", token.substring(1) + "/", token.substring(1) + "."}) {
            assertFalse(FeedTokens.wellFormed(bad), String.valueOf(bad));
        }
    }
}
