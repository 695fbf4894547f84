package org.defensefund.tracker.retention;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.shared.SchemaReady;

/**
 * At start, after the migrations: every client the {@link PurgeLedger} names who is not erased in the database (a backup
 * restored by hand, without the restore command) is erased again, {@value #TOGETHER} a transaction, each with its audit entry ({@code LEDGER}). A legal
 * hold doesn't stop it: the erasure happened once, and a restore must not undo it.
 */
@ApplicationScoped
public class LedgerAtStart {

    private static final Logger LOG = Logger.getLogger(LedgerAtStart.class.getName());

    /** Clients erased again per transaction. */
    private static final int TOGETHER = PurgeLedger.REAPPLIED_TOGETHER;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Inject
    private ClientErasure erasure;

    @Inject
    private CallerContext caller;

    @Inject
    private RequestContextController requestContext;

    void reapplyAtStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 800) SchemaReady ready) {
        int erased;
        requestContext.activate();
        try {
            erased = reapply();
        } finally {
            requestContext.deactivate();
        }
        if (erased > 0) {
            LOG.warning(() -> "Purge ledger: " + erased + " client(s) named in the ledger were not erased in the database"
                    + " (a restored backup?) and were erased again");
        }
    }

    /** Erases again whoever the ledger names and the database still holds; returns how many. */
    public int reapply() {
        List<Long> pending = notErased();
        int erased = 0;
        for (int i = 0; i < pending.size(); i += TOGETHER) {
            List<Long> batch = pending.subList(i, Math.min(pending.size(), i + TOGETHER));
            erased += caller.runAs(CallerContext.SYSTEM, () -> erasure.eraseAllAgain(batch));
        }
        return erased;
    }

    /**
     * The ledger's clients the database holds unerased, read 1,000 a statement. A client whose own key is destroyed is
     * left to the purge that destroyed it (its data is unreadable, and the purge's batches empty it): a server restarted
     * in the middle of a purge of a million clients must not redo it all before it starts.
     */
    private List<Long> notErased() {
        List<Long> pending = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<Long> ids = List.copyOf(PurgeLedger.configured().clientIds(PurgeLedger.databaseIdentity(connection)));
            for (int i = 0; i < ids.size(); i += 1000) {
                List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
                try (PreparedStatement select = connection.prepareStatement("SELECT c.id FROM client c LEFT JOIN client_key k"
                        + " ON k.client_id = c.id WHERE c.erased_at IS NULL AND (k.client_id IS NULL OR k.keyset IS NOT NULL) AND c.id IN ("
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ") ORDER BY c.id")) {
                    for (int j = 0; j < chunk.size(); j++) {
                        select.setLong(j + 1, chunk.get(j));
                    }
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            pending.add(row.getLong(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compare the purge ledger with the database", e);
        }
        return pending;
    }
}
