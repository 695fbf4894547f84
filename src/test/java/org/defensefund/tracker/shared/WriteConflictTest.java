package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/** Lost races with another writer are told apart from outages and from faults (as the driver and EclipseLink throw them). */
class WriteConflictTest {

    @Test
    void aDeadlocksVictimALockWaitedForTooLongAndAStaleVersionAreConflicts() {
        SQLTransactionRollbackException deadlock = new SQLTransactionRollbackException(
                "(conn=286) Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        assertTrue(WriteConflict.causedBy(new PersistenceException("Exception [EclipseLink-4002]", deadlock)), "a deadlock at a flush");
        RollbackException atCommit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        atCommit.initCause(new PersistenceException(new SQLException("Deadlock found", "HY000", 1213)));
        assertTrue(WriteConflict.causedBy(atCommit), "a deadlock at the commit, told by its error code");
        assertTrue(WriteConflict.causedBy(new PersistenceException(new SQLException(
                "Lock wait timeout exceeded; try restarting transaction", "HY000", 1205))), "a lock waited for too long");
        assertTrue(WriteConflict.causedBy(new RuntimeException(new jakarta.persistence.OptimisticLockException("stale"))));
        assertTrue(WriteConflict.causedBy(new ConcurrentEditException()));
    }

    @Test
    void outagesAndOtherFaultsAreNot() {
        assertFalse(WriteConflict.causedBy(new PersistenceException(new SQLNonTransientConnectionException(
                "Socket timout error", "08000", 0, new SocketTimeoutException("Read timed out")))), "an outage (503)");
        assertFalse(WriteConflict.causedBy(new PersistenceException(new SQLException(
                "Duplicate entry 'x' for key 'uq'", "23000", 1062))), "a broken constraint");
        assertFalse(WriteConflict.causedBy(new IllegalStateException("a bug")));
        assertFalse(WriteConflict.causedBy(null));
    }
}
