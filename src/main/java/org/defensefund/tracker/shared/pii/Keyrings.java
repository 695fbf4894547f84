package org.defensefund.tracker.shared.pii;

/** The keyring of the server's configured master keys, made once ({@link MasterKeys#fromConfiguration()}). */
public final class Keyrings {

    private Keyrings() {
    }

    /** The configured keyring; {@link PiiKeyException} when no key is configured. */
    public static Keyring configured() {
        return Configured.KEYRING;
    }

    private static final class Configured {
        static final Keyring KEYRING = new Keyring(MasterKeys.fromConfiguration());
    }
}
