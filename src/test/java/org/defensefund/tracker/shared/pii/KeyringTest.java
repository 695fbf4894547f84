package org.defensefund.tracker.shared.pii;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The clients' own keys wrapped by the master key, the v2 values under them, a rotation's re-wrap and the fund's keys. */
class KeyringTest {

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }

    private final Keyring keyring = new Keyring(MasterKeys.of(key(1), null));

    @Test
    void aClientKeyUnwrapsForItsClientAndEncryptsTheirValues() {
        Keyring.Wrapped wrapped = keyring.newClientKey(42);
        assertEquals(keyring.masters().current().id(), wrapped.masterKeyId());
        Aead key = keyring.unwrap(42, wrapped);
        String stored = Keyring.encrypt(key, "last_name", "Núñez-Ortiz");
        assertTrue(stored.startsWith("v2:"));
        assertFalse(stored.contains("Ortiz"));
        assertNotEquals(stored, Keyring.encrypt(key, "last_name", "Núñez-Ortiz"), "a random IV each time");
        assertEquals("Núñez-Ortiz", Keyring.decrypt(keyring.unwrap(42, wrapped), "last_name", stored), "a second unwrap reads it");
        assertEquals(null, Keyring.decrypt(key, "last_name", null));
    }

    @Test
    void aWrappedKeyMovedToAnotherClientDoesNotOpen() {
        Keyring.Wrapped wrapped = keyring.newClientKey(42);
        PiiDecryptionException failure = assertThrows(PiiDecryptionException.class, () -> keyring.unwrap(43, wrapped));
        assertTrue(failure.getMessage().contains("client 43"), failure.getMessage());
    }

    @Test
    void aValueMovedToAnotherColumnOrClientOrChangedDoesNotDecrypt() {
        Aead key = keyring.unwrap(42, keyring.newClientKey(42));
        String stored = Keyring.encrypt(key, "first_name", "Maria");
        assertThrows(PiiDecryptionException.class, () -> Keyring.decrypt(key, "last_name", stored), "another column");
        Aead other = keyring.unwrap(43, keyring.newClientKey(43));
        assertThrows(PiiDecryptionException.class, () -> Keyring.decrypt(other, "first_name", stored), "another client's key");
        byte[] bytes = Base64.getDecoder().decode(stored.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String changed = "v2:" + Base64.getEncoder().encodeToString(bytes);
        assertThrows(PiiDecryptionException.class, () -> Keyring.decrypt(key, "first_name", changed), "changed in the database");
        assertThrows(PiiDecryptionException.class, () -> Keyring.decrypt(key, "first_name", "Maria"), "plaintext is not a v2 value");
    }

    @Test
    void aKeyWrappedByAnUnknownMasterKeyFailsNamingIt() {
        Keyring.Wrapped wrapped = new Keyring(MasterKeys.of(key(9), null)).newClientKey(42);
        PiiKeyException failure = assertThrows(PiiKeyException.class, () -> keyring.unwrap(42, wrapped));
        assertTrue(failure.getMessage().contains(wrapped.masterKeyId()) && failure.getMessage().contains("TRACKER_PII_KEY_PREVIOUS"),
                failure.getMessage());
    }

    @Test
    void aRotationReWrapsTheSameKeySoTheDataStaysReadableAndTheOldKeyCanBeRetired() {
        Keyring.Wrapped underOld = keyring.newClientKey(42);
        String stored = Keyring.encrypt(keyring.unwrap(42, underOld), "phone", "617-555-0101");

        Keyring rotating = new Keyring(MasterKeys.of(key(2), key(1)));
        assertEquals("617-555-0101", Keyring.decrypt(rotating.unwrap(42, underOld), "phone", stored), "old rows read during a rotation");
        Keyring.Wrapped underNew = rotating.rewrap(42, underOld);
        assertEquals(rotating.masters().current().id(), underNew.masterKeyId());
        assertNotEquals(underOld.masterKeyId(), underNew.masterKeyId());
        assertFalse(Arrays.equals(underOld.keyset(), underNew.keyset()));

        Keyring retired = new Keyring(MasterKeys.of(key(2), null));
        assertEquals("617-555-0101", Keyring.decrypt(retired.unwrap(42, underNew), "phone", stored), "the data isn't re-encrypted");
        assertThrows(PiiKeyException.class, () -> retired.unwrap(42, underOld), "the old key is gone");
    }

    @Test
    void theFundsKeysAreTheOnesTheMasterKeyDerivedAndSurviveARotation() {
        PiiCipher derived = new PiiCipher(key(1));
        String v1 = derived.encrypt("JBSWY3DPEHPK3PXP");
        byte[] keys = keyring.masters().legacyFundKeys();
        Keyring.Wrapped wrapped = keyring.wrapSecret(FundKeys.NAME, keys);
        assertFalse(Arrays.equals(keys, wrapped.keyset()));

        Keyring rotated = new Keyring(MasterKeys.of(key(2), key(1)));
        assertArrayEquals(keys, rotated.unwrapSecret(FundKeys.NAME, wrapped));
        PiiCipher fromDatabase = PiiCipher.ofKeys(rotated.unwrapSecret(FundKeys.NAME, wrapped));
        assertEquals("JBSWY3DPEHPK3PXP", fromDatabase.decrypt(v1));
        assertEquals(derived.keyedHash("234567890"), fromDatabase.keyedHash("234567890"), "A-number hashes stay valid");
        assertArrayEquals(keys, rotated.masters().legacyFundKeys(), "during a rotation the first start derives from the previous key");
        assertThrows(PiiDecryptionException.class, () -> keyring.unwrapSecret("another", wrapped), "the name is bound");
    }

    @Test
    void masterKeyIdsAreStableAndTellNothingOfTheKey() {
        assertEquals(MasterKey.of(key(1)).id(), MasterKey.of(key(1)).id());
        assertNotEquals(MasterKey.of(key(1)).id(), MasterKey.of(key(2)).id());
        assertEquals(16, MasterKey.of(key(1)).id().length());
        assertFalse(new String(key(1), StandardCharsets.ISO_8859_1).contains(MasterKey.of(key(1)).id()));
        assertThrows(PiiKeyException.class, () -> MasterKeys.of(key(1), key(1)), "previous = current is a mistake");
        assertThrows(PiiKeyException.class, () -> MasterKey.of(new byte[16]));
    }
}
