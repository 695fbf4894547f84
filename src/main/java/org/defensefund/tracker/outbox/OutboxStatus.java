package org.defensefund.tracker.outbox;

/**
 * Where a message of the outbox stands: {@code PENDING} until sent (including between retries), then {@code SENT}, or
 * {@code FAILED} once every attempt allowed ({@code tracker.outbox.max.attempts}) failed, or {@code WITHDRAWN} when
 * what it was about no longer holds before it went (a reminder of a hearing since rescheduled or cancelled:
 * {@link Outbox#withdrawPending}). SENT, FAILED and WITHDRAWN are final.
 */
public enum OutboxStatus {
    PENDING,
    SENT,
    FAILED,
    WITHDRAWN
}
