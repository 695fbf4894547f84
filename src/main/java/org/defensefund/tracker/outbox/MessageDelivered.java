package org.defensefund.tracker.outbox;

import java.time.Instant;

/**
 * CDI event fired synchronously, inside the delivery's transaction, once a message was sent and marked so: a feature
 * that must record a sending (a client reminder on the case's timeline) observes it. An observer that throws rolls the
 * marking back, and the message would go again: observers record, they don't refuse.
 */
public record MessageDelivered(long messageId, String kind, Long caseId, String dedupeKey, Channel channel, Instant sentAt) {
}
