package org.defensefund.tracker.outbox;

import java.time.Instant;
import java.util.Locale;

/**
 * A message of the outbox as the delivery hands it to a {@link MessageSender}: recipient and body decrypted, and the
 * attempt this is (1 for the first).
 */
public record OutboxMessage(long id, String dedupeKey, Channel channel, String kind, Long caseId, String recipient,
                            Locale language, String subject, String body, int attempt, Instant createdAt) {
}
