package org.defensefund.tracker.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.audit.AuditService;
import org.defensefund.tracker.audit.ChainCheck;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.cases.Referral;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.clients.ClientService;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backup and restore of the whole test database, by the code of the backup and restore commands: a backup, then the
 * database changed (a client, an audit entry forged, the case number sequence moved), a restore refused over it, a
 * restore replacing it, then every table dropped and a restore into the empty database. After each restore every
 * table matches the backup: its definition (with its next auto-increment id), row count and the SHA-256 of its rows
 * in order; sequences their next value. The audit chain verifies again, the restored client's personal data decrypts, and
 * neither the key nor a personal value in clear is in the backup file.
 */
@ExtendWith(ArquillianExtension.class)
class BackupRestoreIT {

    private static final Logger LOG = Logger.getLogger(BackupRestoreIT.class.getName());

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Inject
    private InContainer given;

    @Inject
    private IntakeService intake;

    @Inject
    private CaseService cases;

    @Inject
    private ClientService clients;

    @Inject
    private AuditService audit;

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Test
    void aRestoreOverAChangedDatabaseAndIntoAWipedOneGivesBackEveryTableAsBackedUp() throws Exception {
        UserAccount admin = given.admin();
        String digits = String.format("%09d", (long) (Math.random() * 999_999_999L));
        Referral referral = given.referral();
        referral.setANumber("A" + digits);
        referral.getClient().setBirthDate(LocalDate.of(1988, 3, 9));
        referral.getClient().setPhone("617-555-7319");
        referral.getClient().getAddress().setStreet("7 Backup Lane");
        referral.getClient().getAddress().setCity("Revere");
        LegalCase legalCase = given.as(admin, () -> intake.refer(referral));
        given.as(admin, () -> cases.open(legalCase.getId()));
        PartnerOrganization partner = given.partner(InContainer.unique("Backed Up Legal"));
        SubAward subAward = given.subAward(given.grant("5000.00", grant -> { }), partner, "2000.00");
        given.charged(subAward, partner);
        long clientId = legalCase.getClient().getId();

        Path folder = Files.createTempDirectory("backup-it");
        Path file = folder.resolve("tracker-it.sql.gz");
        DatabaseBackup backup = new DatabaseBackup(DatabaseAddress.configured(), ClientPrograms.locate(), dataSource::getConnection, LOG::info);
        Map<String, String> before;
        boolean restored = false;
        long started = System.nanoTime();
        try {
            DatabaseBackup.BackupFile made = backup.backup(file);
            before = fingerprints();
            assertEquals(before.size(), made.tables(), "every table dumped");
            assertTrue(before.size() >= 30, "the whole schema: " + before.keySet());
            assertTrue(before.containsKey("flyway_schema_history") && before.containsKey("audit_entry") && before.containsKey("case_number_seq"));
            assertTrue(Files.exists(folder.resolve("tracker-it.sql.gz.sha256")), "its checksum beside it");
            assertFalse(Files.exists(folder.resolve("tracker-it.sql.gz.partial")));
            String dump = unzipped(file);
            assertTrue(dump.contains("INSERT INTO `flyway_schema_history`"), "Flyway's history is in the backup");
            assertFalse(dump.contains(System.getProperty("tracker.pii.key")), "the personal-data key is in no backup");
            assertFalse(dump.contains("617-555-7319") || dump.contains("7 Backup Lane"), "personal data is in the backup only encrypted");

            String auditEntry = scalar("SELECT MAX(id) FROM audit_entry");
            update("UPDATE client SET city = 'Changed After Backup' WHERE id = " + clientId);
            update("UPDATE audit_entry SET actor = 'forged@after.backup' WHERE id = " + auditEntry);
            scalar("SELECT NEXTVAL(case_number_seq)");
            Map<String, String> changed = fingerprints();
            assertEquals(before.keySet(), changed.keySet());
            assertEquals(List.of("audit_entry", "case_number_seq", "client"), differing(before, changed), "the change is seen");
            assertFalse(given.as(admin, () -> audit.verify()).isIntact(), "the forged entry breaks the chain");

            RestoreRefusedException refused = assertThrows(RestoreRefusedException.class, () -> backup.restore(file, false));
            assertTrue(refused.getMessage().contains("-Drestore.replace=true"), refused.getMessage());
            assertEquals(changed, fingerprints(), "a refused restore changes nothing");

            assertEquals(before.size(), backup.restore(file, true));
            assertEquals(List.of(), differing(before, fingerprints()), "replaced: every table as backed up");

            dropEverything();
            assertEquals(Map.of(), fingerprints(), "wiped");
            assertEquals(before.size(), backup.restore(file, false), "an empty database needs no flag");
            assertEquals(List.of(), differing(before, fingerprints()), "restored into the wiped database: every table as backed up");
            restored = true;
        } finally {
            if (!restored && Files.exists(file)) {
                backup.restore(file, true);
            }
            for (String name : new String[] {"tracker-it.sql.gz", "tracker-it.sql.gz.sha256"}) {
                Files.deleteIfExists(folder.resolve(name));
            }
            Files.deleteIfExists(folder);
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        em.getEntityManagerFactory().getCache().evictAll();
        ChainCheck chain = given.as(admin, () -> audit.verify());
        assertTrue(chain.isIntact(), "the audit chain verifies after the restore: " + chain);
        assertEquals(Long.parseLong(rowCount(before.get("audit_entry"))), chain.checked(), "every entry checked");
        Client client = given.as(admin, () -> given.inTransaction(() -> clients.find(clientId)));
        assertEquals("Revere", client.getAddress().getCity());
        assertEquals("617-555-7319", client.getPhone(), "the key reads the restored personal data");
        assertEquals("7 Backup Lane", client.getAddress().getStreet());
        long rows = before.values().stream().mapToLong(value -> Long.parseLong(rowCount(value))).sum();
        long filled = before.values().stream().filter(value -> Long.parseLong(rowCount(value)) > 0).count();
        LOG.info("Backup and restore compared " + before.size() + " tables (" + filled + " with rows), " + rows + " rows, audit chain of "
                + chain.checked() + " entries intact; backup, two restores and the checks took " + seconds + " s");
    }

    /**
     * Each table's fingerprint: its definition (SHOW CREATE TABLE, with its next auto-increment id), row count and the
     * SHA-256 of all its rows in order (every column's bytes, length-prefixed, NULL apart); a sequence's next value.
     * Not CHECKSUM TABLE: on tables with stored generated columns ({@code legal_case}) MariaDB 10.11 gave it
     * different values for the same rows right after a table was opened.
     */
    private Map<String, String> fingerprints() throws Exception {
        Map<String, String> fingerprints = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String[]> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE <> 'TEMPORARY'")) {
                while (rows.next()) {
                    tables.add(new String[] {rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] table : tables) {
                String name = "`" + table[0] + "`";
                if ("SEQUENCE".equals(table[1])) {
                    fingerprints.put(table[0], "rows=1 next=" + first(statement, "SELECT next_not_cached_value FROM " + name, 1));
                } else {
                    fingerprints.put(table[0], rowsDigest(statement, name)
                            + " definition=" + first(statement, "SHOW CREATE TABLE " + name, 2));
                }
            }
        }
        return fingerprints;
    }

    /** "rows=N sha256=..." of a table's rows ordered by every column. */
    private static String rowsDigest(Statement statement, String table) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        long count = 0;
        try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " ORDER BY " + everyColumn(statement, table))) {
            java.sql.ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                count++;
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    byte[] value = switch (meta.getColumnType(column)) {
                        case java.sql.Types.BINARY, java.sql.Types.VARBINARY, java.sql.Types.LONGVARBINARY, java.sql.Types.BLOB -> rows.getBytes(column);
                        default -> rows.getString(column) == null ? null : rows.getString(column).getBytes(StandardCharsets.UTF_8);
                    };
                    if (value == null) {
                        sha.update((byte) 0);
                    } else {
                        sha.update((byte) 1);
                        sha.update(java.nio.ByteBuffer.allocate(4).putInt(value.length).array());
                        sha.update(value);
                    }
                }
            }
        }
        return "rows=" + count + " sha256=" + java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static String everyColumn(Statement statement, String table) throws SQLException {
        try (ResultSet none = statement.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
            StringBuilder order = new StringBuilder("1");
            for (int column = 2; column <= none.getMetaData().getColumnCount(); column++) {
                order.append(", ").append(column);
            }
            return order.toString();
        }
    }

    private static String rowCount(String fingerprint) {
        return fingerprint.substring("rows=".length(), fingerprint.indexOf(' '));
    }

    private static List<String> differing(Map<String, String> expected, Map<String, String> actual) {
        return expected.keySet().stream().filter(table -> !expected.get(table).equals(actual.get(table))).toList();
    }

    private static String first(Statement statement, String sql, int column) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            assertTrue(row.next(), sql);
            return row.getString(column);
        }
    }

    private String scalar(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return first(statement, sql, 1);
        }
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            assertEquals(1, statement.executeUpdate(), sql);
        }
    }

    /** Drops every table and sequence, as a lost or wiped database. */
    private void dropEverything() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> drops = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(
                    "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE <> 'TEMPORARY'")) {
                while (rows.next()) {
                    drops.add(("SEQUENCE".equals(rows.getString(2)) ? "DROP SEQUENCE `" : "DROP TABLE `") + rows.getString(1) + "`");
                }
            }
            statement.execute("SET SESSION foreign_key_checks = 0");
            try {
                for (String drop : drops) {
                    statement.execute(drop);
                }
            } finally {
                statement.execute("SET SESSION foreign_key_checks = 1");
            }
        }
    }

    private static String unzipped(Path file) throws java.io.IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
