package org.defensefund.tracker.outbox;

import java.io.Serializable;
import java.time.Instant;

/**
 * A message of the outbox as the administrators' page lists it: whom to (decrypted), what kind, its subject and where
 * its delivery stands; never its body.
 */
public record OutboxEntry(long id, String kind, Channel channel, Long caseId, String recipient, String language, String subject,
                          OutboxStatus status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                          Instant sentAt) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Whether another attempt is to come (pending after at least one failure). */
    public boolean isRetrying() {
        return status == OutboxStatus.PENDING && attempts > 0;
    }
}
