package org.defensefund.tracker.dashboards;

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
import org.defensefund.tracker.cases.CaseSortNames;
import org.defensefund.tracker.shared.SchemaReady;
import org.defensefund.tracker.shared.PatientConnections;
import org.defensefund.tracker.shared.Settings;

/**
 * At start, after the migrations: builds the dashboards' read model from the base tables if it is missing
 * (a database written before it existed, or restored without it), or when the operator asks for it
 * ({@code TRACKER_REBUILD_READ_MODELS=true}, after rows were changed straight in the database). From then
 * on every change the app makes keeps it up to date ({@link ReadModelListener}).
 */
@ApplicationScoped
public class ReadModelAtStart {

    private static final Logger LOG = Logger.getLogger(ReadModelAtStart.class.getName());

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Inject
    private Settings settings;

    void buildAtStart(@Observes SchemaReady ready) {
        try (Connection connection = PatientConnections.open(dataSource)) {
            boolean missing = exists(connection, "SELECT 1 FROM legal_case LIMIT 1") && !exists(connection, "SELECT 1 FROM case_fact LIMIT 1");
            if (missing || settings.rebuildReadModels()) {
                long started = System.nanoTime();
                DashboardReadModel.rebuild(connection, settings.zone());
                LOG.info(() -> "Built the dashboards' read model in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
            if (settings.rebuildReadModels()) {
                int sorted = CaseSortNames.rebuild(connection);
                LOG.info(() -> "Set the sort names of " + sorted + " cases again");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not build the dashboards' read model", e);
        }
    }

    static boolean exists(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            return row.next();
        }
    }
}
