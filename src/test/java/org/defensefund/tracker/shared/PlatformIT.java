package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionTrackingMode;
import java.util.Set;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.defensefund.tracker.testsupport.Deployments;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stack as deployed: EclipseLink is the JPA provider, Flyway made the schema, MariaDB answers. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Test
    void eclipseLinkIsTheRunningProvider() {
        String factory = em.getEntityManagerFactory().getClass().getName();
        assertTrue(factory.startsWith("org.eclipse.persistence."), "entity manager factory is " + factory);
        JpaEntityManager eclipseLink = em.unwrap(JpaEntityManager.class);
        assertTrue(eclipseLink.getActiveSession().getClass().getName().startsWith("org.eclipse.persistence."));
        Object provider = em.getEntityManagerFactory().getProperties().get("jakarta.persistence.provider");
        assertTrue(provider == null || provider.toString().contains("eclipse"), "provider property " + provider);
    }

    @Test
    void flywayOwnsTheSchemaAndNoDdlIsGenerated() throws Exception {
        assertEquals("none", String.valueOf(em.getEntityManagerFactory().getProperties().get("eclipselink.ddl-generation")));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            ResultSet applied = statement.executeQuery(
                    "select count(*) from flyway_schema_history where version = '1' and success = 1");
            applied.next();
            assertEquals(1, applied.getInt(1), "V1 applied by Flyway");
            ResultSet server = statement.executeQuery("select version()");
            server.next();
            assertTrue(server.getString(1).toLowerCase().contains("mariadb"), "database is " + server.getString(1));
        }
    }

    @Inject
    private ServletContext servletContext;

    @Test
    void idleSessionsEndAfterThirtyMinutesAndCookiesAreHttpOnly() {
        assertEquals(30, servletContext.getSessionTimeout());
        assertTrue(servletContext.getSessionCookieConfig().isHttpOnly());
        assertEquals(Set.of(SessionTrackingMode.COOKIE), servletContext.getEffectiveSessionTrackingModes());
    }

    @Test
    void languagesAreSeededByTheMigration() {
        long languages = em.createQuery("select count(l) from Language l where l.active = true", Long.class).getSingleResult();
        assertTrue(languages >= 30, "seeded languages: " + languages);
    }
}
