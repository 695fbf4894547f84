package org.defensefund.tracker.testsupport.client;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.defensefund.tracker.accounts.TotpCodes;

/**
 * The authenticator app of the test users: codes of their TOTP secret. The server takes each code once,
 * so a user who signs in twice within one 30-second step gets the next step's code (accepted, one step
 * ahead), and waits only when that one was used too.
 */
public final class SecondFactor {

    /** The secret {@link TestDatabase} gives administrators and partner staff it creates. */
    public static final String TEST_SECRET = "TESTTWOFACTORSECRETFORWEBTESTS23";

    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private SecondFactor() {
    }

    /** A code for this account's secret that it has not used yet. */
    public static synchronized String nextCode(String account, String secret) {
        long now = TotpCodes.stepAt(Instant.now());
        long step = Math.max(now, LAST_STEP.getOrDefault(account.toLowerCase(), 0L) + 1);
        while (step > TotpCodes.stepAt(Instant.now()) + 1) {
            pause();
        }
        LAST_STEP.put(account.toLowerCase(), step);
        return TotpCodes.codeFor(secret, step);
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
