package org.defensefund.tracker.shared;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Work kept with the current JTA transaction and done just before it commits, on its own connection, so
 * that it is saved with the changes it follows or not at all (entity listeners, which may not use an
 * entity manager, gather what changed; the work runs once the entity manager has flushed).
 */
public final class BeforeCommit {

    private static final String DATASOURCE = "java:jboss/datasources/TrackerDS";
    private static final String REGISTRY = "java:comp/TransactionSynchronizationRegistry";

    /** The server's registry, looked up once (listeners run by the hundred; a JNDI lookup each is waste). */
    private static volatile TransactionSynchronizationRegistry registry;

    private BeforeCommit() {
    }

    /**
     * The transaction's instance of {@code type}, made and registered (interposed, so it runs after the
     * entity manager's flush) on first use; null outside a transaction.
     */
    public static <T extends Synchronization> T work(Class<T> type, Supplier<T> make) {
        TransactionSynchronizationRegistry found = registry();
        if (found == null || found.getTransactionKey() == null) {
            return null;
        }
        T work = type.cast(found.getResource(type));
        if (work == null) {
            work = make.get();
            found.putResource(type, work);
            found.registerInterposedSynchronization(work);
        }
        return work;
    }

    /** A connection of the transaction (the application's datasource enlists it in the running transaction). */
    public static Connection connection() throws SQLException {
        try {
            return ((DataSource) new InitialContext().lookup(DATASOURCE)).getConnection();
        } catch (NamingException e) {
            throw new SQLException("the application's datasource is not bound", e);
        }
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry found = registry;
        if (found == null) {
            try {
                found = (TransactionSynchronizationRegistry) new InitialContext().lookup(REGISTRY);
                registry = found;
            } catch (NamingException e) {
                return null;
            }
        }
        return found;
    }
}
