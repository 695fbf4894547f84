package org.defensefund.tracker.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date at start with Flyway, from the migrations in {@code sql/}
 * (packed into the WAR under {@code db/migration}). Flyway owns the schema: the persistence unit
 * generates no DDL. When done, fires {@link SchemaReady} for start-up work that needs the tables.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Inject
    private Event<SchemaReady> schemaReady;

    void migrateAtStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        MigrateResult result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(PatientConnections.of(dataSource))
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load()
                .migrate();
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        LOG.info(() -> "Database schema at version " + version + " (" + result.migrationsExecuted + " migrations applied now)");
        schemaReady.fire(new SchemaReady(version));
    }
}
