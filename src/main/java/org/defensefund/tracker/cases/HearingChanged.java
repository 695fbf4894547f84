package org.defensefund.tracker.cases;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A hearing that no longer holds at {@code previousTime}: rescheduled (it now holds at another time) or cancelled.
 * Fired by {@link RepresentationService} as a CDI event in the transaction of the change, so that what was planned for
 * the old time (the reminders' messages still pending in the outbox) is withdrawn with it, or not at all. The new
 * time's reminders come from the planners' next runs, like any hearing's.
 */
public record HearingChanged(Long caseId, Long hearingId, LocalDateTime previousTime, boolean cancelled) {

    public HearingChanged {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(hearingId, "hearingId");
        Objects.requireNonNull(previousTime, "previousTime");
    }
}
