package org.defensefund.tracker.shared.pii;

/** The encryption key of personal data is missing or malformed: the application refuses to start without it. */
public class PiiKeyException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public PiiKeyException(String message) {
        super(message);
    }

    public PiiKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
