package org.defensefund.tracker.outbox;

import java.time.Duration;
import java.util.Optional;

/**
 * When a message that failed is tried again: after the first failure the first delay, then twice the last one (60 s,
 * 2 min, 4 min, 8 min...), never more than {@link #LONGEST}; after {@code maxAttempts} failures, never (the message is
 * marked failed). Pure, so that it is tested without a server.
 */
public record Backoff(Duration first, int maxAttempts) {

    /** The longest wait between two attempts. */
    public static final Duration LONGEST = Duration.ofHours(6);

    public Backoff {
        if (first == null || first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first delay must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /**
     * The wait before the next attempt once {@code failedAttempts} attempts (1 or more) have failed; empty when that was
     * the last attempt allowed.
     */
    public Optional<Duration> after(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("counts the failed attempts, from 1");
        }
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = first;
        for (int i = 1; i < failedAttempts && delay.compareTo(LONGEST) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(LONGEST) > 0 ? LONGEST : delay);
    }
}
