package org.defensefund.tracker.backup;

/** A backup or restore that could not be done, with what went wrong in words an operator acts on. */
public class BackupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
