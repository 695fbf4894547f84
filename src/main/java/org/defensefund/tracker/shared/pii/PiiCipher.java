package org.defensefund.tracker.shared.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption of personal data at rest, and the keyed hash that lets the database find an A-number
 * without holding it.
 *
 * <p>Two keys, kept in the database wrapped by the master key ({@link FundKeys}, since V32, so that rotating the master
 * key leaves them unchanged); at the first start they are made as they always were: one 32-byte master key (from the
 * server's configuration, see {@link PiiKeySource}) gives two independent keys by HKDF-Expand (HMAC-SHA256, the master key as the
 * pseudo-random key, a fixed label per use): one for AES-256-GCM, one for HMAC-SHA256. Knowing the hash
 * key tells nothing about the encryption key and the other way round.
 *
 * <p>A stored value is {@code v1:} followed by base64 of the 12-byte random IV, the ciphertext and the
 * 16-byte GCM tag. The version prefix is also the additional authenticated data, so a later format
 * ({@code v2:}, another key) can sit beside this one and a value can't be passed off as another
 * version. The same plaintext encrypts differently every time (random IV), so an encrypted column can't
 * be compared, sorted or searched in SQL: equality goes through {@link #keyedHash}.
 *
 * <p>Decryption checks the tag: a value changed in the database, or written with another key, fails
 * with {@link PiiDecryptionException}, never returning garbage.
 *
 * <p>Thread-safe: each thread keeps its own {@link Cipher} and {@link Mac} for this key (initialised again,
 * with a new IV, for every value), so the AES key schedule and the provider look-up are not repeated per value:
 * the seeder encrypts millions of values.
 */
public final class PiiCipher {

    /** The prefix of every value this version writes. */
    public static final String PREFIX = "v1:";

    static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] AAD = PREFIX.getBytes(StandardCharsets.US_ASCII);
    static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PiiCipher::newCipher);
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(PiiCipher::newMac);

    /** The fund's keys installed at start from the database ({@link FundKeys}); null before. */
    private static volatile PiiCipher installed;

    /** A cipher for the 32-byte master key: the keys it derives by HKDF (as before the fund's keys were kept, V32). */
    public PiiCipher(byte[] masterKey) {
        this(derivedKeys(masterKey), true);
    }

    /** A cipher of the two 32-byte keys themselves, one after the other: encryption, then hash. */
    private PiiCipher(byte[] keys, boolean wipe) {
        if (keys.length != 2 * KEY_BYTES) {
            throw new PiiKeyException("the fund's personal-data keys must be " + 2 * KEY_BYTES + " bytes");
        }
        this.encryptionKey = new SecretKeySpec(keys, 0, KEY_BYTES, "AES");
        this.hashKey = new SecretKeySpec(keys, KEY_BYTES, KEY_BYTES, "HmacSHA256");
        if (wipe) {
            Arrays.fill(keys, (byte) 0);
        }
    }

    /** A cipher of the fund's keys as {@link FundKeys} keeps them (64 bytes, wiped here). */
    static PiiCipher ofKeys(byte[] keys) {
        return new PiiCipher(keys, true);
    }

    /**
     * The encryption and hash keys a master key derives (64 bytes: the AES key, then the HMAC key): how they were made
     * before they were kept in the database wrapped by the master key, so that the first start keeps them.
     */
    static byte[] derivedKeys(byte[] masterKey) {
        if (masterKey == null || masterKey.length != KEY_BYTES) {
            throw new PiiKeyException("the personal-data key must be " + KEY_BYTES + " bytes");
        }
        byte[] encryption = expand(masterKey, "defensefund tracker pii aes-gcm v1");
        byte[] hash = expand(masterKey, "defensefund tracker pii a-number hmac v1");
        byte[] keys = new byte[2 * KEY_BYTES];
        System.arraycopy(encryption, 0, keys, 0, KEY_BYTES);
        System.arraycopy(hash, 0, keys, KEY_BYTES, KEY_BYTES);
        Arrays.fill(encryption, (byte) 0);
        Arrays.fill(hash, (byte) 0);
        return keys;
    }

    /**
     * The fund's cipher: the keys kept in the database wrapped by the master key, once installed at start
     * ({@link FundKeysAtStart}); before that (the first moments of a start, a unit test) the keys the configured master
     * key derives, which are the same ones until the master key is rotated. Fails with {@link PiiKeyException} when no
     * key is configured.
     */
    public static PiiCipher current() {
        PiiCipher found = installed;
        return found != null ? found : Configured.CIPHER;
    }

    /** Makes this the cipher {@link #current()} returns (the fund's keys read from the database). */
    public static void install(PiiCipher cipher) {
        installed = cipher;
    }

    /** Holder: the key is read on first use, not when the class loads. */
    private static final class Configured {
        static final PiiCipher CIPHER = PiiKeySource.fromConfiguration().cipher();
    }

    /** Whether a stored value is in this cipher's format (rather than plaintext left from before encryption). */
    public static boolean isCiphertext(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The stored form of a text: {@code v1:} + base64(IV || ciphertext || tag); null stays null. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** The text of a stored value; null stays null. Fails on anything not written by this key in this format. */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!isCiphertext(stored)) {
            throw new PiiDecryptionException("Stored personal data is not encrypted (no " + PREFIX + " prefix)", null);
        }
        byte[] in;
        try {
            in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new PiiDecryptionException("Stored personal data is not valid base64", e);
        }
        if (in.length < IV_BYTES + TAG_BITS / 8) {
            throw new PiiDecryptionException("Stored personal data is too short to be a ciphertext", null);
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(AAD);
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new PiiDecryptionException("Stored personal data failed its integrity check:"
                    + " it was changed in the database or encrypted with another key", e);
        } catch (GeneralSecurityException e) {
            throw new PiiDecryptionException("Stored personal data could not be decrypted", e);
        }
    }

    /**
     * HMAC-SHA256 of a normalised value under the hash key, as 64 lowercase hex digits: the same value
     * always gives the same hash, so a column of hashes can be searched and held unique, but without the
     * key no one can test guesses against it (an A-number has only a billion values).
     */
    public String keyedHash(String normalised) {
        if (normalised == null) {
            return null;
        }
        try {
            Mac mac = macs.get();
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /**
     * The keyed hash of a folded name word (or its beginning) as the name index stores it: HMAC-SHA256 under the hash key
     * of {@code "name-word:" + word} (so it never equals an A-number's hash), its first 16 bytes in base64url (22
     * characters). Equal words give equal tokens; without the key a token tells nothing of its word.
     */
    public String searchToken(String foldedWord) {
        try {
            Mac mac = macs.get();
            mac.init(hashKey);
            byte[] full = mac.doFinal(("name-word:" + foldedWord).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, 16));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** HKDF-Expand (RFC 5869) of one block: HMAC-SHA256(master, info || 0x01). */
    static byte[] expand(byte[] master, String info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            mac.update(info.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }
}
