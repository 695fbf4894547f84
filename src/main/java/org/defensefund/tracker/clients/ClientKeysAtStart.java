package org.defensefund.tracker.clients;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.defensefund.tracker.shared.SchemaReady;
import org.defensefund.tracker.shared.pii.Keyrings;

/**
 * At start, after the fund's keys are loaded: every client without a key of their own (recorded before V32, or written
 * by the seeder) gets one ({@link ClientKeys}); idempotent, logged, in committed batches, one range of {@value ClientSealing#SPAN} ids a statement.
 */
@ApplicationScoped
public class ClientKeysAtStart {

    private static final Logger LOG = Logger.getLogger(ClientKeysAtStart.class.getName());

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    void makeAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 200) SchemaReady ready) {
        int made = makeMissingKeys();
        if (made > 0) {
            LOG.info(() -> "Made the own keys of " + made + " clients who had none");
        }
    }

    /** Makes the missing keys; returns how many. */
    public int makeMissingKeys() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            int made = ClientKeys.makeMissingKeys(connection, Keyrings.configured());
            if (made > 0) {
                LOG.fine(() -> "Client keys made in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
            return made;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not make the clients' keys", e);
        }
    }
}
