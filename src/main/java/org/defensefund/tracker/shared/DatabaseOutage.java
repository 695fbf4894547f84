package org.defensefund.tracker.shared;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure caused by the database being unreachable (down, hung, or the pool out of connections) from
 * any other fault: those answer "temporarily unavailable" (HTTP 503 with {@code Retry-After}) instead of a
 * 500, because trying again later can succeed. The transaction they broke was rolled back, so nothing half
 * done is kept.
 */
public final class DatabaseOutage {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private DatabaseOutage() {
    }

    /** Whether the failure, or anything that caused it, says the database could not be reached in time. */
    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 30; cause = next(cause), depth++) {
            if (cause instanceof DatabaseUnavailableException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLTimeoutException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof ConnectException
                    || cause instanceof jakarta.resource.ResourceException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The next failure down a failure's causes (a JDBC exception's next one when it has no cause); shared with {@link WriteConflict}. */
    static Throwable next(Throwable failure) {
        if (failure instanceof SQLException sql && sql.getNextException() != null && failure.getCause() == null) {
            return sql.getNextException();
        }
        return failure.getCause() == failure ? null : failure.getCause();
    }
}
