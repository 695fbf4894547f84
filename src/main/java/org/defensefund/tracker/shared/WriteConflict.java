package org.defensefund.tracker.shared;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

/**
 * Tells a failure caused by two people writing the same rows at once from any other fault: the database chose one
 * of two transactions as a deadlock's victim (MariaDB error 1213), waited too long for another's lock (1205), or the
 * record's version changed under the writer at commit. The writer's transaction was rolled back, so nothing half
 * done is kept; they are told as for a {@link ConcurrentEditException} and keep what they typed, never an error page.
 */
public final class WriteConflict {

    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private WriteConflict() {
    }

    /** Whether the failure, or anything that caused it, is a lost race with another writer. */
    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 30; cause = DatabaseOutage.next(cause), depth++) {
            if (cause instanceof ConcurrentEditException
                    || cause instanceof SQLTransactionRollbackException
                    || cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                return true;
            }
            if (cause instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK || sql.getErrorCode() == LOCK_WAIT_TIMEOUT
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
