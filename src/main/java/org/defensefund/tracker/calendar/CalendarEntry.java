package org.defensefund.tracker.calendar;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a feed, as {@link FeedWriter} writes it: at a time for a while ({@code start}, {@code duration}; a
 * hearing), or for a whole day ({@code day}; a deadline, which takes no time in the owner's calendar). Its UID stays
 * the same from one read to the next, so calendar apps update an event rather than add it twice.
 */
record CalendarEntry(String uid, Instant start, Duration duration, LocalDate day, String summary, String description, String location,
                     URI url) {

    static CalendarEntry timed(String uid, Instant start, Duration duration, String summary, String description, String location, URI url) {
        return new CalendarEntry(uid, start, duration, null, summary, description, location, url);
    }

    static CalendarEntry allDay(String uid, LocalDate day, String summary, String description, String location, URI url) {
        return new CalendarEntry(uid, null, null, day, summary, description, location, url);
    }

    boolean isAllDay() {
        return day != null;
    }
}
