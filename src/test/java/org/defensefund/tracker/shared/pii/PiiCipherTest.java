package org.defensefund.tracker.shared.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The AES-GCM cipher of personal data and its keyed hash. */
class PiiCipherTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final PiiCipher cipher = new PiiCipher(key(7));

    @Test
    void aValueReadsBackAsItWasWritten() {
        for (String text : new String[] {"234567890", "1990-04-12", "+1 (617) 555-0100", "12 Rua São João, apt. 3 – 2º", ""}) {
            String stored = cipher.encrypt(text);
            assertTrue(stored.startsWith("v1:"), stored);
            assertTrue(text.isEmpty() || !stored.contains(text), stored);
            assertEquals(text, cipher.decrypt(stored));
        }
        assertNull(cipher.encrypt(null));
        assertNull(cipher.decrypt(null));
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTimeByItsRandomIv() {
        String first = cipher.encrypt("234567890");
        String second = cipher.encrypt("234567890");
        assertNotEquals(first, second);
        byte[] a = Base64.getDecoder().decode(first.substring(3));
        byte[] b = Base64.getDecoder().decode(second.substring(3));
        assertEquals(12 + 9 + 16, a.length, "IV, nine bytes of ciphertext, tag");
        assertFalse(Arrays.equals(Arrays.copyOf(a, 12), Arrays.copyOf(b, 12)), "the IVs differ");
    }

    @Test
    void aChangedCiphertextFailsItsTagInsteadOfDecryptingToGarbage() {
        String stored = cipher.encrypt("234567890");
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        for (int position : new int[] {0, 12, raw.length - 1}) {
            byte[] changed = raw.clone();
            changed[position] ^= 1;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(changed);
            PiiDecryptionException failure = assertThrows(PiiDecryptionException.class, () -> cipher.decrypt(tampered));
            assertTrue(failure.getMessage().contains("integrity check"), failure.getMessage());
        }
        assertThrows(PiiDecryptionException.class, () -> cipher.decrypt("v1:" + Base64.getEncoder().encodeToString(Arrays.copyOf(raw, 20))));
        assertThrows(PiiDecryptionException.class, () -> cipher.decrypt("v1:not base64!"));
    }

    @Test
    void anotherKeyCannotReadTheValue() {
        String stored = cipher.encrypt("234567890");
        PiiDecryptionException failure = assertThrows(PiiDecryptionException.class, () -> new PiiCipher(key(8)).decrypt(stored));
        assertTrue(failure.getMessage().contains("another key"), failure.getMessage());
    }

    @Test
    void plaintextIsNotTakenForCiphertext() {
        assertFalse(PiiCipher.isCiphertext("234567890"));
        assertFalse(PiiCipher.isCiphertext(null));
        assertTrue(PiiCipher.isCiphertext(cipher.encrypt("x")));
        assertThrows(PiiDecryptionException.class, () -> cipher.decrypt("234567890"));
    }

    @Test
    void theKeyedHashIsStableForOneKeyAndDiffersByKey() {
        String hash = cipher.keyedHash("234567890");
        assertTrue(hash.matches("[0-9a-f]{64}"), hash);
        assertEquals(hash, new PiiCipher(key(7)).keyedHash("234567890"));
        assertNotEquals(hash, cipher.keyedHash("234567891"));
        assertNotEquals(hash, new PiiCipher(key(8)).keyedHash("234567890"));
        assertNull(cipher.keyedHash(null));
    }

    @Test
    void aKeyMustBeThirtyTwoBytes() {
        assertThrows(PiiKeyException.class, () -> new PiiCipher(new byte[16]));
        assertThrows(PiiKeyException.class, () -> new PiiCipher(null));
    }
}
