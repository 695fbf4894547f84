package org.defensefund.tracker.bench;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The harness's authenticator app: TOTP codes (RFC 6238, 30-second steps, six digits) of an account's Base32
 * secret, computed with java-otp. The server takes each step's code once per account and accepts the next
 * step's code a step early, so every sign-in of this JVM gets a step not used before: the current one, or the
 * one after the last used; when that is more than one step ahead, the caller waits {@link Code#waitMillis()}.
 */
public final class Authenticator {

    private static final Duration STEP = Duration.ofSeconds(30);
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP);
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    /** A code, and how long to wait before the server takes it (0 mostly). */
    public record Code(String code, long waitMillis) {
    }

    private Authenticator() {
    }

    /** Reserves the next unused step of the account and returns its code. Never blocks. */
    public static Code next(String email, String secret) {
        long nowMillis = System.currentTimeMillis();
        long current = nowMillis / STEP.toMillis();
        long step = LAST_STEP.merge(email.toLowerCase(Locale.ROOT), current, (last, now) -> Math.max(now, last + 1));
        long usableFrom = (step - 1) * STEP.toMillis() + 1_000;
        long wait = step <= current + 1 ? 0 : usableFrom - nowMillis;
        return new Code(codeFor(secret, step), Math.max(0, wait));
    }

    static String codeFor(String secret, long step) {
        try {
            SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), GENERATOR.getAlgorithm());
            int code = GENERATOR.generateOneTimePassword(key, Instant.ofEpochMilli(step * STEP.toMillis()));
            return String.format(Locale.ROOT, "%06d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not a usable TOTP secret", e);
        }
    }
}
