package org.defensefund.tracker.shared.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the personal-data key comes from: configuration only, a demo key file made once, and no start without a key. */
class PiiKeySourceTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private static PiiKeySource source(Map<String, String> settings) {
        return new PiiKeySource(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void withoutAKeyTheApplicationRefusesToStartAndSaysWhatToSet() {
        PiiKeyException failure = assertThrows(PiiKeyException.class, () -> source(Map.of()).cipher());
        assertTrue(failure.getMessage().contains("TRACKER_PII_KEY"), failure.getMessage());
        assertThrows(PiiKeyException.class, () -> source(Map.of("tracker.demo", "false")).cipher(), "no built-in key, not even in production mode");
    }

    @Test
    void aKeyMustBeBase64OfThirtyTwoBytes() {
        assertThrows(PiiKeyException.class, () -> source(Map.of("tracker.pii.key", "not base64 !")).cipher());
        PiiKeyException shortKey = assertThrows(PiiKeyException.class,
                () -> source(Map.of("tracker.pii.key", Base64.getEncoder().encodeToString(new byte[16]))).cipher());
        assertTrue(shortKey.getMessage().contains("16 bytes"), shortKey.getMessage());
    }

    @Test
    void theConfiguredKeyIsUsed() {
        PiiCipher configured = source(Map.of("tracker.pii.key", KEY)).cipher();
        assertEquals("x", new PiiCipher(new byte[32]).decrypt(configured.encrypt("x")));
    }

    @Test
    void demoModeMakesItsKeyFileOnceAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("pii.key");
        Map<String, String> demo = Map.of("tracker.demo", "true", "tracker.pii.key.file", file.toString());
        String stored = source(demo).cipher().encrypt("234567890");
        assertTrue(Files.exists(file));
        String written = Files.readString(file, StandardCharsets.US_ASCII);
        assertEquals(32, Base64.getDecoder().decode(written.trim()).length);

        assertEquals("234567890", source(demo).cipher().decrypt(stored), "the next start reads the same key");
        assertEquals(written, Files.readString(file, StandardCharsets.US_ASCII), "never overwritten");
    }

    @Test
    void productionModeNeverMakesAKeyFile(@TempDir Path dir) {
        Path file = dir.resolve("pii.key");
        PiiKeyException failure = assertThrows(PiiKeyException.class,
                () -> source(Map.of("tracker.pii.key.file", file.toString())).cipher());
        assertTrue(failure.getMessage().contains("TRACKER_PII_KEY"), failure.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void theKeyItselfWinsOverTheKeyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pii.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));
        PiiCipher cipher = source(Map.of("tracker.pii.key", KEY, "tracker.pii.key.file", file.toString())).cipher();
        assertEquals("x", new PiiCipher(new byte[32]).decrypt(cipher.encrypt("x")));
    }
}
