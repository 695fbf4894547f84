package org.defensefund.tracker.shared.pii;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One master key of the server's configuration as the key that wraps the keys kept in the database (the clients'
 * keysets, the fund's keys): a Tink AEAD (AES-256-GCM) whose key is derived from the configured 32 bytes by
 * HKDF-Expand with a label of its own, so it is independent of the keys the same bytes derived before (v1). Its id, 16
 * hex digits derived under another label, is written beside every wrapped row: a rotation knows which rows are still
 * under the old key, and the id tells nothing about the key.
 */
public final class MasterKey {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String id;
    private final Aead aead;

    private MasterKey(String id, Aead aead) {
        this.id = id;
        this.aead = aead;
    }

    /** The master key of these 32 configured bytes (not kept: the caller wipes them). */
    public static MasterKey of(byte[] configured) {
        if (configured == null || configured.length != PiiCipher.KEY_BYTES) {
            throw new PiiKeyException("the personal-data key must be " + PiiCipher.KEY_BYTES + " bytes");
        }
        byte[] wrapping = PiiCipher.expand(configured, "defensefund tracker master key wrap v2");
        byte[] id = PiiCipher.expand(configured, "defensefund tracker master key id v2");
        try {
            AesGcmKey key = AesGcmKey.builder()
                    .setParameters(AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
                            .setVariant(AesGcmParameters.Variant.NO_PREFIX).build())
                    .setKeyBytes(SecretBytes.copyFrom(wrapping, InsecureSecretKeyAccess.get()))
                    .build();
            Aead aead = KeysetHandle.newBuilder().addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build()
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            return new MasterKey(HexFormat.of().formatHex(id, 0, 8), aead);
        } catch (GeneralSecurityException e) {
            throw new PiiKeyException("the master key could not be made into an AEAD: " + e.getMessage(), e);
        } finally {
            Arrays.fill(wrapping, (byte) 0);
            Arrays.fill(id, (byte) 0);
        }
    }

    /** Its id as written beside every row it wraps (16 hex digits). */
    public String id() {
        return id;
    }

    /** The AEAD that wraps and unwraps (keysets are encrypted with it by Tink's encrypted keyset format). */
    Aead aead() {
        return aead;
    }

    @Override
    public String toString() {
        return "master key " + id;
    }
}
