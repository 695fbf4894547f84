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
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * At start, after the fund's keys are loaded and every client has a key of their own ({@link ClientKeysAtStart}): moves
 * every client still stored the old way (names in clear, {@code v1:} values of the fund's key, as before V36) under their
 * own key ({@link ClientSealing#sealAll}), with their name index and sort name; idempotent, logged, in committed batches.
 */
@ApplicationScoped
public class ClientSealingAtStart {

    private static final Logger LOG = Logger.getLogger(ClientSealingAtStart.class.getName());

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    void sealAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 300) SchemaReady ready) {
        int moved = sealOldRows();
        if (moved > 0) {
            LOG.info(() -> "Moved the personal data of " + moved + " clients under their own keys");
        }
    }

    /** Moves what is stored the old way; returns how many clients were moved. */
    public int sealOldRows() {
        try (Connection connection = dataSource.getConnection()) {
            return ClientSealing.sealAll(connection, Keyrings.configured(), PiiCipher.current());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not move the clients' personal data under their own keys", e);
        }
    }
}
