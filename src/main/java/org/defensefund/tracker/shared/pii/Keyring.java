package org.defensefund.tracker.shared.pii;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The clients' own data keys (crypto-shredding), by Google Tink: each client has a Tink AEAD keyset (AES256_GCM) of its
 * own, kept in the database only wrapped by the master key (Tink's encrypted keyset format, the client's id as
 * associated data, so a wrapped keyset copied onto another client's row doesn't open) with the id of the master key
 * that wraps it. Destroying the wrapped keyset makes every value encrypted under it unreadable for good, wherever the
 * copies are (backups included, once the ones taken before have aged out).
 *
 * <p>A value under a client's key is stored as {@code v2:} + base64 of Tink's ciphertext (its 5-byte key prefix, IV,
 * ciphertext, tag); the associated data names the column ({@code client-column:<column>}), so a value can't be moved to
 * another column unnoticed, and the key being the client's own binds it to the client: moved onto another client's row
 * it does not open. (The client's id is not in it: a new client's values are sealed before the database gives the id.)
 * Pure: the database work is the caller's.
 */
public final class Keyring {

    /** The prefix of every value under a client's own key. */
    public static final String PREFIX = "v2:";

    static {
        // Tink's AEAD key types (idempotent; also done by MasterKey): a key made or opened here needs them.
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MasterKeys masters;

    /** A keyring wrapping with these master keys. */
    public Keyring(MasterKeys masters) {
        this.masters = masters;
    }

    /** The master keys it wraps with. */
    public MasterKeys masters() {
        return masters;
    }

    /**
     * A keyset as stored: Tink's encrypted keyset and the id of the master key that wraps it.
     *
     * @param keyset the encrypted keyset (never the key in clear)
     * @param masterKeyId the id of the master key that wraps it
     */
    public record Wrapped(byte[] keyset, String masterKeyId) {
    }

    /** A new data key for this client, wrapped by the current master key. */
    public Wrapped newClientKey(long clientId) {
        return wrap(clientId, generate());
    }

    /** A new client data key, not yet wrapped (a new client's values are sealed with it before their id is known). */
    public static KeysetHandle generate() {
        try {
            return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not make a client key", e);
        }
    }

    /** The AEAD of a key in memory. */
    public static Aead aead(KeysetHandle keyset) {
        try {
            return keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not make a client key into an AEAD", e);
        }
    }

    /** A client's key wrapped by the current master key, the client's id as associated data. */
    public Wrapped wrap(long clientId, KeysetHandle keyset) {
        try {
            MasterKey master = masters.current();
            return new Wrapped(TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, master.aead(), clientAad(clientId)), master.id());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not wrap a client key", e);
        }
    }

    /**
     * The AEAD of a client's key; {@link PiiDecryptionException} when the wrapped keyset is not this client's (its
     * associated data differs) or was changed, {@link PiiKeyException} when its master key isn't configured.
     */
    public Aead unwrap(long clientId, Wrapped wrapped) {
        try {
            return parse(clientId, wrapped).getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new PiiDecryptionException("The key of client " + clientId + " could not be made into an AEAD", e);
        }
    }

    /** The same keyset wrapped by the current master key (a rotation: the data under it is not touched). */
    public Wrapped rewrap(long clientId, Wrapped wrapped) {
        try {
            MasterKey master = masters.current();
            return new Wrapped(TinkProtoKeysetFormat.serializeEncryptedKeyset(parse(clientId, wrapped), master.aead(), clientAad(clientId)),
                    master.id());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not wrap client " + clientId + "'s key again", e);
        }
    }

    /** A secret of the fund's (named; the name is its associated data) wrapped by the current master key. */
    public Wrapped wrapSecret(String name, byte[] secret) {
        try {
            MasterKey master = masters.current();
            return new Wrapped(master.aead().encrypt(secret, secretAad(name)), master.id());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not wrap the fund's " + name + " keys", e);
        }
    }

    /** A secret of the fund's, unwrapped; {@link PiiDecryptionException} when it doesn't open. */
    public byte[] unwrapSecret(String name, Wrapped wrapped) {
        try {
            return masters.byId(wrapped.masterKeyId()).aead().decrypt(wrapped.keyset(), secretAad(name));
        } catch (GeneralSecurityException e) {
            throw new PiiDecryptionException("The fund's " + name + " keys failed their integrity check under master key "
                    + wrapped.masterKeyId(), e);
        }
    }

    /** A client's value under the client's key: {@code v2:} + base64; null stays null. */
    public static String encrypt(Aead key, String column, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            return PREFIX + Base64.getEncoder().encodeToString(key.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), valueAad(column)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink could not encrypt a value", e);
        }
    }

    /** The text of a {@code v2:} value of this column under this client's key; {@link PiiDecryptionException} on any other. */
    public static String decrypt(Aead key, String column, String stored) {
        if (stored == null) {
            return null;
        }
        if (!isClientCiphertext(stored)) {
            throw new PiiDecryptionException("Stored personal data is not under a client's key (no " + PREFIX + " prefix)", null);
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            return new String(key.decrypt(sealed, valueAad(column)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PiiDecryptionException("Stored personal data is not valid base64", e);
        } catch (GeneralSecurityException e) {
            throw new PiiDecryptionException("Stored personal data failed its integrity check: changed in the database, moved"
                    + " from another client or column, or encrypted with another key", e);
        }
    }

    /** Whether a stored value is under a client's key. */
    public static boolean isClientCiphertext(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private KeysetHandle parse(long clientId, Wrapped wrapped) {
        MasterKey master = masters.byId(wrapped.masterKeyId());
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped.keyset(), master.aead(), clientAad(clientId));
        } catch (GeneralSecurityException e) {
            throw new PiiDecryptionException("The key of client " + clientId + " does not open under " + master
                    + ": it is another client's, or it was changed in the database", e);
        }
    }

    private static byte[] clientAad(long clientId) {
        return ("defensefund client_key " + clientId).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] secretAad(String name) {
        return ("defensefund pii_keyset " + name).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] valueAad(String column) {
        return ("client-column:" + column).getBytes(StandardCharsets.UTF_8);
    }
}
