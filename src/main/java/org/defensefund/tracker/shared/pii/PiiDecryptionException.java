package org.defensefund.tracker.shared.pii;

/**
 * A stored value that could not be decrypted: its authentication tag doesn't match (the ciphertext was
 * changed in the database, or it was written with another key), or it isn't in the versioned format.
 * A fault of the installation, never of the user's input: no decrypted garbage is ever returned.
 */
public class PiiDecryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PiiDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
