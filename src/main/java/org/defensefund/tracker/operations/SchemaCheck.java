package org.defensefund.tracker.operations;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.defensefund.tracker.shared.SchemaReady;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the database's schema is at the newest migration this WAR carries: the version Flyway
 * reached at start ({@link SchemaReady}) is compared with the newest successful row of its history, so a
 * failed migration, or a database restored from an older backup, turns readiness red.
 */
@Readiness
@ApplicationScoped
public class SchemaCheck implements HealthCheck {

    static final String NAME = "schema";

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    private volatile String expected;

    void migrated(@Observes SchemaReady ready) {
        expected = ready.version();
    }

    @Override
    public HealthCheckResponse call() {
        String wanted = expected;
        if (wanted == null) {
            return HealthCheckResponse.named(NAME).down().withData("error", "the schema is not migrated yet").build();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            query.setQueryTimeout(2);
            try (ResultSet row = query.executeQuery()) {
                String found = row.next() ? row.getString(1) : "none";
                return HealthCheckResponse.named(NAME).status(wanted.equals(found))
                        .withData("expected", wanted).withData("found", found).build();
            }
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named(NAME).down().withData("expected", wanted).withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
