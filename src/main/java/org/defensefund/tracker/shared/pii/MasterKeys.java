package org.defensefund.tracker.shared.pii;

import java.util.Arrays;
import java.util.Optional;

/**
 * The master keys the server accepts: the current one, which wraps every key written, and during a rotation the previous
 * one ({@code TRACKER_PII_KEY_PREVIOUS}), which still unwraps the rows the rotation command hasn't re-wrapped yet. Each
 * wrapped row names its master key by id, so the right one is picked per row. The master keys never reach the database.
 */
public final class MasterKeys {

    private final MasterKey current;
    private final MasterKey previous;
    private final byte[] legacyKeys;

    private MasterKeys(byte[] current, byte[] previous) {
        this.current = MasterKey.of(current);
        this.previous = previous == null ? null : MasterKey.of(previous);
        if (this.previous != null && this.previous.id().equals(this.current.id())) {
            throw new PiiKeyException("the previous personal-data key (TRACKER_PII_KEY_PREVIOUS) is the current one (TRACKER_PII_KEY)");
        }
        this.legacyKeys = PiiCipher.derivedKeys(previous == null ? current : previous);
    }

    /** The keys of the server's configuration ({@link PiiKeySource}); {@link PiiKeyException} when no current key is set. */
    public static MasterKeys fromConfiguration() {
        PiiKeySource source = PiiKeySource.fromConfiguration();
        byte[] current = source.masterKey();
        byte[] previous = source.previousMasterKey().orElse(null);
        try {
            return new MasterKeys(current, previous);
        } finally {
            Arrays.fill(current, (byte) 0);
            if (previous != null) {
                Arrays.fill(previous, (byte) 0);
            }
        }
    }

    /** The keys of these bytes (32 each; previous may be null); the bytes aren't kept. */
    public static MasterKeys of(byte[] current, byte[] previous) {
        return new MasterKeys(current, previous);
    }

    /** The key that wraps everything written now. */
    public MasterKey current() {
        return current;
    }

    /** The previous key, during a rotation. */
    public Optional<MasterKey> previous() {
        return Optional.ofNullable(previous);
    }

    /** The key with this id, current or previous; {@link PiiKeyException} naming the id when the server has neither. */
    public MasterKey byId(String id) {
        if (current.id().equals(id)) {
            return current;
        }
        if (previous != null && previous.id().equals(id)) {
            return previous;
        }
        throw new PiiKeyException("A key in the database is wrapped by master key " + id + ", which is neither the current"
                + " personal-data key (" + current.id() + ", TRACKER_PII_KEY) nor the previous one"
                + (previous == null ? " (TRACKER_PII_KEY_PREVIOUS is not set)" : " (" + previous.id() + ", TRACKER_PII_KEY_PREVIOUS)")
                + ": configure that key as TRACKER_PII_KEY_PREVIOUS and run the rotation command.");
    }

    /**
     * The fund's keys as the oldest configured master key derived them (the previous one during a rotation, else the
     * current one): used once, at the first start after V32, when the database holds no fund keys yet. A copy.
     */
    byte[] legacyFundKeys() {
        return legacyKeys.clone();
    }
}
