package org.defensefund.tracker.shared;

/** A request failed because the database could not be reached in time; the pages answer it with 503. */
public class DatabaseUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnavailableException(Throwable cause) {
        super("The database is unavailable: " + cause.getMessage(), cause);
    }
}
