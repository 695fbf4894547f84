package org.defensefund.tracker.shared.pii;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Where the personal-data master key comes from: the server's configuration, never the database.
 * Each setting is a system property or else an environment variable, as {@code Settings} reads them:
 * <ol>
 * <li>{@code tracker.pii.key} / {@code TRACKER_PII_KEY}: the key itself, base64 of 32 random bytes
 *     (make one with {@code openssl rand -base64 32});</li>
 * <li>else {@code tracker.pii.key.file} / {@code TRACKER_PII_KEY_FILE}: a file holding that base64 text
 *     (a mounted secret, for instance). In demo mode only ({@code tracker.demo=true}) a missing file is
 *     created with a new random key and kept for the next starts: the run command points it at
 *     {@code ./data/pii.key}, next to the demo database.</li>
 * </ol>
 * Nothing else: without a key the application refuses to start (fails closed), it never falls back to a
 * built-in key. Losing the key loses the encrypted data; changing it makes the stored values unreadable.
 */
public final class PiiKeySource {

    private static final Logger LOG = Logger.getLogger(PiiKeySource.class.getName());

    static final String KEY = "tracker.pii.key";
    static final String KEY_FILE = "tracker.pii.key.file";
    static final String PREVIOUS = "tracker.pii.key.previous";
    private static final String DEMO = "tracker.demo";

    private final Function<String, Optional<String>> settings;

    /** A source reading settings through the function (name of the system property -> its value). */
    PiiKeySource(Function<String, Optional<String>> settings) {
        this.settings = settings;
    }

    /** The source of the running server: system properties, then environment variables. */
    static PiiKeySource fromConfiguration() {
        return new PiiKeySource(PiiKeySource::read);
    }

    /** The cipher of the configured key; {@link PiiKeyException} with what to set when there is none. */
    PiiCipher cipher() {
        byte[] key = masterKey();
        try {
            return new PiiCipher(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The previous master key during a rotation ({@code tracker.pii.key.previous} / {@code TRACKER_PII_KEY_PREVIOUS},
     * base64 of 32 bytes), if set: rows still wrapped by it stay readable until the rotation command re-wraps them.
     */
    Optional<byte[]> previousMasterKey() {
        return settings.apply(PREVIOUS).map(text -> fromBase64(text, PREVIOUS + " / TRACKER_PII_KEY_PREVIOUS"));
    }

    /** The 32 bytes of the configured master key (the caller wipes them); {@link PiiKeyException} when there is none. */
    byte[] masterKey() {
        Optional<String> key = settings.apply(KEY);
        if (key.isPresent()) {
            LOG.info("Personal data encrypted with the key from " + KEY + " / TRACKER_PII_KEY");
            return fromBase64(key.get(), KEY + " / TRACKER_PII_KEY");
        }
        Optional<String> file = settings.apply(KEY_FILE);
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            if (!Files.exists(path) && settings.apply(DEMO).map(Boolean::parseBoolean).orElse(false)) {
                generate(path);
            }
            if (!Files.exists(path)) {
                throw new PiiKeyException("No personal-data key: the key file " + path + " (" + KEY_FILE
                        + " / TRACKER_PII_KEY_FILE) does not exist; set TRACKER_PII_KEY or create the file."
                        + " The application does not start without it.");
            }
            try {
                String text = Files.readString(path, StandardCharsets.US_ASCII).trim();
                LOG.info("Personal data encrypted with the key in " + path);
                return fromBase64(text, "the key file " + path);
            } catch (IOException e) {
                throw new PiiKeyException("No personal-data key: the key file " + path + " (" + KEY_FILE
                        + " / TRACKER_PII_KEY_FILE) can't be read (" + e.getMessage() + "); set TRACKER_PII_KEY or create the file."
                        + " The application does not start without it.", e);
            }
        }
        throw new PiiKeyException("No personal-data key configured: set TRACKER_PII_KEY (system property " + KEY
                + ") to base64 of 32 random bytes (openssl rand -base64 32), or TRACKER_PII_KEY_FILE (" + KEY_FILE
                + ") to a file holding it. The application does not start without it.");
    }

    private static byte[] fromBase64(String text, String origin) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new PiiKeyException("The personal-data key in " + origin + " is not base64", e);
        }
        if (key.length != PiiCipher.KEY_BYTES) {
            throw new PiiKeyException("The personal-data key in " + origin + " is " + key.length
                    + " bytes; it must be base64 of exactly " + PiiCipher.KEY_BYTES + " bytes");
        }
        return key;
    }

    /** Demo mode: a new random key in a file only its owner reads; an existing file is never overwritten. */
    private static void generate(Path path) {
        byte[] key = new byte[PiiCipher.KEY_BYTES];
        PiiCipher.RANDOM.nextBytes(key);
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(path);
            }
            Files.writeString(path, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            LOG.warning("Demo mode: generated a new personal-data key in " + path
                    + ". Keep it with the demo database; without it the encrypted data can't be read.");
        } catch (FileAlreadyExistsException raced) {
            LOG.fine("the key file appeared meanwhile; using it");
        } catch (IOException e) {
            throw new PiiKeyException("Demo mode could not create the personal-data key file " + path + ": " + e.getMessage(), e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static Optional<String> read(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
