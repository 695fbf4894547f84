package org.defensefund.tracker.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sign-in throttle against a clock of its own. */
class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void threeFailuresAreFreeThenTheDelayDoublesUpToItsCap() {
        assertEquals(Duration.ZERO, SignInThrottle.delay(2, SignInThrottle.PAIR_CAP));
        assertEquals(Duration.ofSeconds(2), SignInThrottle.delay(3, SignInThrottle.PAIR_CAP));
        assertEquals(Duration.ofSeconds(4), SignInThrottle.delay(4, SignInThrottle.PAIR_CAP));
        assertEquals(Duration.ofSeconds(32), SignInThrottle.delay(7, SignInThrottle.PAIR_CAP));
        assertEquals(SignInThrottle.PAIR_CAP, SignInThrottle.delay(50, SignInThrottle.PAIR_CAP));
    }

    @Test
    void rapidWrongPasswordsSlowTheAccountAndACorrectSignInGoesThroughAfterTheDelay() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, throttle.waitFor("ana@fund.test", "10.0.0.1", T0));
            throttle.failed("ana@fund.test", "10.0.0.1", T0);
        }
        assertEquals(Duration.ofSeconds(2), throttle.waitFor("Ana@Fund.test", "10.0.0.1", T0), "the fourth attempt waits");
        assertEquals(Duration.ZERO, throttle.waitFor("ana@fund.test", "10.0.0.1", T0.plusSeconds(2)), "and may go after the delay");
        throttle.succeeded("ana@fund.test", "10.0.0.1");
        assertEquals(Duration.ZERO, throttle.waitFor("ana@fund.test", "10.0.0.1", T0.plusSeconds(2)));
    }

    @Test
    void forgettingEverythingLiftsEveryDelay() {
        SignInThrottle throttle = new SignInThrottle();
        for (int i = 0; i < 6; i++) {
            throttle.failed("ana@fund.test", "10.0.0.1", T0);
            throttle.secretFailed("link:10.0.0.1", T0);
        }
        assertTrue(throttle.waitFor("ana@fund.test", "10.0.0.1", T0).toSeconds() > 0);
        assertTrue(throttle.waitForSecret("link:10.0.0.1", T0).toSeconds() > 0);
        throttle.forgetAll();
        assertEquals(Duration.ZERO, throttle.waitFor("ana@fund.test", "10.0.0.1", T0));
        assertEquals(Duration.ZERO, throttle.waitFor("bo@fund.test", "10.0.0.1", T0), "the address too");
        assertEquals(Duration.ZERO, throttle.waitForSecret("link:10.0.0.1", T0));
    }

    @Test
    void anAttackerElsewhereCannotLockTheOwnerOut() {
        SignInThrottle throttle = new SignInThrottle();
        Instant last = T0;
        for (int i = 0; i < 40; i++) {
            last = T0.plusSeconds(i * 70L);
            throttle.failed("ana@fund.test", "203.0.113.9", last);
        }
        assertTrue(throttle.waitFor("ana@fund.test", "203.0.113.9", last.plusSeconds(30)).compareTo(Duration.ZERO) > 0,
                "the attacker's address keeps waiting");
        assertEquals(Duration.ZERO, throttle.waitFor("ana@fund.test", "10.0.0.1", last.plus(SignInThrottle.ACCOUNT_CAP)),
                "the owner's usual address waits at most the account's cap");
        assertTrue(throttle.waitFor("bob@fund.test", "203.0.113.9", last.plusSeconds(30)).compareTo(Duration.ZERO) > 0,
                "an address guessing gets slowed for other accounts too");
    }
}
