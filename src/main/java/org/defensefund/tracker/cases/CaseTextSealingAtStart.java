package org.defensefund.tracker.cases;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.PatientConnections;
import org.defensefund.tracker.shared.SchemaReady;
import org.defensefund.tracker.shared.pii.Keyrings;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * At the first start after V38 (after the clients' own keys are in place, {@code clients.ClientSealingAtStart}): moves
 * the case texts written before in clear under their clients' keys ({@link CaseTextSealing}), then records that it did
 * ({@code case_text_sealing}), so later starts don't look again (at a million cases the look reads every timeline
 * entry). Interrupted, it starts over at the next start and passes over what it sealed.
 */
@ApplicationScoped
public class CaseTextSealingAtStart {

    private static final Logger LOG = Logger.getLogger(CaseTextSealingAtStart.class.getName());

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    void sealAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 400) SchemaReady ready) {
        try (Connection connection = PatientConnections.open(dataSource)) {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM case_text_sealing WHERE id = 1");
                 ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            connection.setAutoCommit(false);
            long moved = CaseTextSealing.sealAll(connection, Keyrings.configured(), PiiCipher.current());
            markSealed(connection, moved);
            connection.commit();
            if (moved > 0) {
                LOG.info(() -> "Moved the texts of " + moved + " case records under their clients' own keys");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not move the cases' texts under their clients' own keys", e);
        }
    }

    /** Records that the texts in clear were sealed (the seeder, which writes them sealed, marks it too). */
    public static void markSealed(Connection connection, long moved) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO case_text_sealing (id, sealed_at, moved) VALUES (1, ?, ?)")) {
            insert.setTimestamp(1, Timestamp.from(Instant.now(FundClock.current())));
            insert.setLong(2, moved);
            insert.executeUpdate();
        }
    }
}
