package org.defensefund.tracker.calendar;

import java.io.Serializable;
import java.time.Instant;

/** What the owner of an active calendar feed is told of it: when it was made and when a calendar last read it (null: never). */
public record CalendarFeedState(Instant createdAt, Instant lastReadAt) implements Serializable {
}
