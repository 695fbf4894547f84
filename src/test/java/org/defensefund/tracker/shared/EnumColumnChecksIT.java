package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectCollectionMapping;
import org.eclipse.persistence.mappings.converters.Converter;
import org.eclipse.persistence.mappings.converters.EnumTypeConverter;
import org.eclipse.persistence.mappings.foundation.AbstractDirectMapping;
import org.eclipse.persistence.sessions.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every column that holds a Java enum's name, found from the persistence unit's own mappings (so a new enum
 * column is covered without editing this test), has a CHECK constraint in the database that names exactly
 * that enum's constants, compared exactly (BINARY): a value written outside the application is refused by
 * the database instead of breaking each page that reads the row. A wrong value is then tried on each such
 * table and refused.
 */
@ExtendWith(ArquillianExtension.class)
class EnumColumnChecksIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @PersistenceContext
    private EntityManager em;

    @jakarta.inject.Inject
    private InContainer given;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    /** An enum column: its table, column and the enum whose names it holds. */
    private record EnumColumn(String table, String column, Class<?> type) {
        @Override
        public String toString() {
            return table + "." + column + " (" + type.getSimpleName() + ")";
        }
    }

    @Test
    void everyEnumColumnAcceptsExactlyItsEnumsNames() throws SQLException {
        List<EnumColumn> columns = enumColumns();
        assertTrue(columns.size() >= 20, "the mappings' enum columns are found: " + columns);
        List<String> missing = new ArrayList<>();
        for (EnumColumn column : columns) {
            if (!checked(column)) {
                missing.add(column.toString());
            }
        }
        assertEquals(List.of(), missing, "enum columns without an exact CHECK of their constants (add one in a new migration)");
    }

    @Test
    void aWrongNameWrittenOutsideTheApplicationIsRefused() throws SQLException {
        Long grant = given.grant("1000.00", terms -> { }).getId();
        for (String sql : List.of("UPDATE grant_award SET reporting_schedule = 'monthly' WHERE id = ?",
                "INSERT INTO grant_excluded_use (grant_id, category) VALUES (?, 'travel')",
                "INSERT INTO grant_excluded_use (grant_id, category) VALUES (?, 'LUNCH')",
                "UPDATE audit_entry SET action = 'view' WHERE id = (SELECT MAX(id) FROM audit_entry) AND ? > 0")) {
            try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, grant);
                int written = statement.executeUpdate();
                throw new AssertionError("the database accepted " + sql + " (" + written + " rows)");
            } catch (SQLException refused) {
                assertTrue(refused.getMessage().toLowerCase(Locale.ROOT).contains("constraint"), sql + ": " + refused.getMessage());
            }
        }
    }

    private List<EnumColumn> enumColumns() {
        Session session = em.unwrap(Session.class);
        List<EnumColumn> columns = new ArrayList<>();
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            for (DatabaseMapping mapping : descriptor.getMappings()) {
                if (mapping instanceof AbstractDirectMapping direct && direct.getConverter() instanceof EnumTypeConverter converter) {
                    columns.add(new EnumColumn(direct.getField().getTableName(), direct.getField().getName(), converter.getEnumClass()));
                } else if (mapping instanceof DirectCollectionMapping collection
                        && collection.getValueConverter() instanceof EnumTypeConverter converter) {
                    columns.add(new EnumColumn(collection.getReferenceTableName(), collection.getDirectField().getName(), converter.getEnumClass()));
                } else if (mapping instanceof AbstractDirectMapping direct && isEnum(direct.getAttributeClassification(), direct.getConverter())) {
                    columns.add(new EnumColumn(direct.getField().getTableName(), direct.getField().getName(), direct.getAttributeClassification()));
                }
            }
        }
        return columns;
    }

    private static boolean isEnum(Class<?> type, Converter converter) {
        return type != null && type.isEnum() && converter == null;
    }

    /** Whether a CHECK on the column's table names the column and, quoted, every constant of its enum, compared as BINARY. */
    private boolean checked(EnumColumn column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT check_clause FROM information_schema.check_constraints WHERE constraint_schema = DATABASE() AND table_name = ?")) {
            statement.setString(1, column.table().toLowerCase(Locale.ROOT));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String clause = rows.getString(1);
                    String lower = clause.toLowerCase(Locale.ROOT);
                    if (!lower.contains("binary") || !lower.matches("(?s).*\\b`?" + column.column().toLowerCase(Locale.ROOT) + "`?\\b.*")) {
                        continue;
                    }
                    boolean all = true;
                    for (Object constant : column.type().getEnumConstants()) {
                        all &= clause.contains("'" + ((Enum<?>) constant).name() + "'");
                    }
                    if (all) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
