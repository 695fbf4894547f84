package org.defensefund.tracker.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** TOTP codes against RFC 6238's own test values, the accepted window, and the QR code of a secret. */
class TotpCodesTest {

    /** RFC 6238 appendix B's SHA-1 key "12345678901234567890", in Base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codesMatchTheRfcTestValues() {
        // The RFC lists 8-digit codes; authenticator apps show their last 6 digits.
        assertEquals("287082", TotpCodes.codeFor(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(59))));
        assertEquals("081804", TotpCodes.codeFor(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(1111111109))));
        assertEquals("050471", TotpCodes.codeFor(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(1111111111))));
        assertEquals("005924", TotpCodes.codeFor(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(1234567890))));
        assertEquals("279037", TotpCodes.codeFor(RFC_SECRET, TotpCodes.stepAt(Instant.ofEpochSecond(2000000000))));
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = TotpCodes.stepAt(now);
        assertEquals(OptionalLong.of(step), TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeFor(RFC_SECRET, step), now));
        assertEquals(OptionalLong.of(step - 1), TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeFor(RFC_SECRET, step - 1), now));
        assertEquals(OptionalLong.of(step + 1), TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeFor(RFC_SECRET, step + 1), now));
        assertTrue(TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeFor(RFC_SECRET, step - 2), now).isEmpty());
        assertTrue(TotpCodes.matchingStep(RFC_SECRET, TotpCodes.codeFor(RFC_SECRET, step + 2), now).isEmpty());
        String code = TotpCodes.codeFor(RFC_SECRET, step);
        assertEquals(OptionalLong.of(step), TotpCodes.matchingStep(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), now), "a space is ignored");
        assertTrue(TotpCodes.matchingStep(RFC_SECRET, code.substring(1), now).isEmpty(), "five digits");
        assertTrue(TotpCodes.matchingStep(RFC_SECRET, null, now).isEmpty());
        assertTrue(TotpCodes.matchingStep(RFC_SECRET, "abcdef", now).isEmpty());
    }

    @Test
    void newSecretsAreRandomBase32OfOneHundredSixtyBits() {
        String one = TotpCodes.newSecret();
        String two = TotpCodes.newSecret();
        assertEquals(32, one.length());
        assertTrue(one.matches("[A-Z2-7]{32}"), one);
        assertNotEquals(one, two);
    }

    @Test
    void theQrCodeCarriesTheOtpauthAddressAsAnSvgWithoutScript() {
        String uri = TotpCodes.otpauthUri("Greater Boston Fund", "ana@example.org", RFC_SECRET);
        assertEquals("otpauth://totp/Greater%20Boston%20Fund:ana%40example.org?secret=" + RFC_SECRET
                + "&issuer=Greater%20Boston%20Fund&algorithm=SHA1&digits=6&period=30", uri);
        String svg = QrCode.svg(uri, "QR <code>");
        assertTrue(svg.startsWith("<svg"));
        assertTrue(svg.contains("<title>QR &lt;code&gt;</title>"));
        assertTrue(svg.contains("<path fill=\"#000\" d=\"M"));
        assertTrue(!svg.contains("<script"));
    }
}
