package org.defensefund.tracker.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(60), 5);

    @Test
    void theWaitDoublesAfterEachFailure() {
        assertEquals(Optional.of(Duration.ofSeconds(60)), backoff.after(1));
        assertEquals(Optional.of(Duration.ofSeconds(120)), backoff.after(2));
        assertEquals(Optional.of(Duration.ofSeconds(240)), backoff.after(3));
        assertEquals(Optional.of(Duration.ofSeconds(480)), backoff.after(4));
    }

    @Test
    void theLastAttemptAllowedHasNoNextOne() {
        assertEquals(Optional.empty(), backoff.after(5));
        assertEquals(Optional.empty(), backoff.after(6));
        assertEquals(Optional.empty(), new Backoff(Duration.ofSeconds(1), 1).after(1), "one attempt only: failed at once");
    }

    @Test
    void theWaitNeverPassesTheLongest() {
        Backoff many = new Backoff(Duration.ofMinutes(10), 100);
        assertEquals(Optional.of(Backoff.LONGEST), many.after(20));
        assertEquals(Optional.of(Backoff.LONGEST), many.after(99));
        assertEquals(Optional.of(Duration.ofMinutes(320)), many.after(6));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, 3));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(1), 0));
        assertThrows(IllegalArgumentException.class, () -> backoff.after(0));
    }
}
