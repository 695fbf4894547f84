package org.defensefund.tracker.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes a feed as iCalendar (RFC 5545) text with ical4j: a VCALENDAR to subscribe to (its name, a hint to read it
 * again hourly; no METHOD, which would make it a scheduling message), one VEVENT per entry: a timed one in UTC (DTSTART
 * with a DURATION), or a whole day (DTSTART and DTEND as dates, shown as free time). ical4j escapes the text and folds
 * long lines; the outputter validates what it writes. A feed without events holds a time zone of UTC (RFC 5545 wants a
 * calendar to hold at least one component).
 */
final class FeedWriter {

    private FeedWriter() {
    }

    static String write(String prodId, String name, Instant stamp, List<CalendarEntry> entries) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(prodId));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-PUBLISHED-TTL", "PT1H"));
        for (CalendarEntry entry : entries) {
            VEvent event;
            if (entry.isAllDay()) {
                event = new VEvent(entry.day(), entry.summary());
                event.add(new DtEnd<>(entry.day().plusDays(1)));
                event.add(ImmutableTransp.TRANSPARENT);
            } else {
                event = new VEvent(entry.start(), entry.duration(), entry.summary());
            }
            event.replace(new DtStamp(stamp));
            event.add(new Uid(entry.uid()));
            event.add(new Description(entry.description()));
            if (entry.location() != null) {
                event.add(new Location(entry.location()));
            }
            if (entry.url() != null) {
                event.add(new Url(entry.url()));
            }
            calendar.add(event);
        }
        if (entries.isEmpty()) {
            calendar.add(utc());
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A time zone of UTC, which the events' times are written in: the one component of an empty feed, since RFC 5545
     * wants at least one in a calendar and a feed must never make up an event.
     */
    private static VTimeZone utc() {
        Standard standard = new Standard();
        standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
        standard.add(new TzOffsetFrom(ZoneOffset.UTC));
        standard.add(new TzOffsetTo(ZoneOffset.UTC));
        VTimeZone utc = new VTimeZone();
        utc.add(new TzId("UTC"));
        utc.add(standard);
        return utc;
    }
}
