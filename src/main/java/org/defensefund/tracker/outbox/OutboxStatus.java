package org.defensefund.tracker.outbox;

/**
 * Where a message of the outbox stands: {@code PENDING} until sent (including between retries), then {@code SENT}, or
 * {@code FAILED} once every attempt allowed ({@code tracker.outbox.max.attempts}) failed. SENT and FAILED are final.
 */
public enum OutboxStatus {
    PENDING,
    SENT,
    FAILED
}
