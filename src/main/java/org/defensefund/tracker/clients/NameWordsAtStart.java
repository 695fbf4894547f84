package org.defensefund.tracker.clients;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.defensefund.tracker.shared.SchemaReady;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.pii.Keyrings;
import org.defensefund.tracker.shared.pii.PiiCipher;

/**
 * At start, after the migrations: builds the name search index if clients exist without it, or when the
 * operator asks for it ({@code TRACKER_REBUILD_READ_MODELS=true}); see {@link NameWords}.
 */
@ApplicationScoped
public class NameWordsAtStart {

    private static final Logger LOG = Logger.getLogger(NameWordsAtStart.class.getName());

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Inject
    private Settings settings;

    void buildAtStart(@Observes SchemaReady ready) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet missing = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM client)"
                     + " AND NOT EXISTS (SELECT 1 FROM client_name_word)")) {
            if (missing.next() && missing.getBoolean(1) || settings.rebuildReadModels()) {
                NameWords.rebuild(connection, Keyrings.configured(), PiiCipher.current());
                LOG.info("Built the name search index");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not build the name search index", e);
        }
    }
}
