package org.defensefund.tracker.accounts;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps), as every common
 * authenticator app makes them. A code is accepted for its own step and the one before or after, so a
 * phone whose clock is up to 30 seconds off still works; callers record the accepted step so that the
 * same code can't be used twice.
 */
public final class TotpCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    private static final int SECRET_BYTES = 20;
    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP);

    private TotpCodes() {
    }

    /** A new random secret of 160 bits, as Base32 text (what apps accept when typed in). */
    public static String newSecret() {
        return new Base32().encodeToString(Secrets.randomBytes(SECRET_BYTES)).replace("=", "");
    }

    public static long stepAt(Instant when) {
        return when.getEpochSecond() / STEP.toSeconds();
    }

    /** The code of the secret for the given step, six digits with leading zeros. */
    public static String codeFor(String secret, long step) {
        try {
            SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), GENERATOR.getAlgorithm());
            int code = GENERATOR.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
            return String.format(Locale.ROOT, "%06d", code);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("not a usable TOTP secret", e);
        }
    }

    /** The step (now, one before or one after) whose code this is, if any. Spaces in the typed code are ignored. */
    public static OptionalLong matchingStep(String secret, String typed, Instant now) {
        String code = typed == null ? "" : typed.replaceAll("\\s", "");
        if (!code.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        for (long step = current - 1; step <= current + 1; step++) {
            if (Secrets.same(codeFor(secret, step), code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The secret in groups of four letters, as people type it into an app by hand. */
    public static String grouped(String secret) {
        return secret == null ? "" : secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** The QR code an authenticator app scans to add the account, as inline SVG with the given title. */
    public static String qrCode(String issuer, String accountName, String secret, String title) {
        return QrCode.svg(otpauthUri(issuer, accountName, secret), title);
    }

    /** The otpauth:// address an authenticator app reads from the QR code. */
    public static String otpauthUri(String issuer, String accountName, String secret) {
        String label = encode(issuer) + ":" + encode(accountName);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
