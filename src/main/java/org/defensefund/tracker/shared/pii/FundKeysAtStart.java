package org.defensefund.tracker.shared.pii;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.defensefund.tracker.shared.SchemaReady;

/**
 * At start, first of the work after the migrations: loads the fund's keys from the database ({@link FundKeys}) and makes
 * them {@link PiiCipher#current()}, before anything else reads or writes a v1 value or a keyed hash. Also gives the
 * application its {@link Keyring} of the configured master keys.
 */
@ApplicationScoped
public class FundKeysAtStart {

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    void installAtStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) SchemaReady ready) {
        Keyring keyring = Keyrings.configured();
        try (Connection connection = dataSource.getConnection()) {
            PiiCipher.install(FundKeys.load(connection, keyring));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the fund's personal-data keys", e);
        }
    }
}
