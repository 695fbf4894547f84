package org.defensefund.tracker.calendar;

/**
 * What a request for a feed gets ({@link CalendarFeedService#read}): the feed's iCalendar text; nothing (the address is
 * not that of an active feed of an active staff user, without saying which); or a wait, when the address it came from
 * tried too many addresses that never existed.
 */
public record FeedAnswer(Kind kind, String text, long retryAfterSeconds) {

    /** The three answers. */
    public enum Kind { FEED, NOT_FOUND, WAIT }

    static FeedAnswer feed(String text) {
        return new FeedAnswer(Kind.FEED, text, 0);
    }

    static FeedAnswer notFound() {
        return new FeedAnswer(Kind.NOT_FOUND, null, 0);
    }

    static FeedAnswer waitFor(long seconds) {
        return new FeedAnswer(Kind.WAIT, null, seconds);
    }
}
