package org.defensefund.tracker.backup;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database address read from the application's JDBC URL, and the checks a backup file passes before a restore. */
class DatabaseBackupTest {

    private static final String DUMP = "/*M!999999\\- enable the sandbox mode */\n-- MariaDB dump 10.19  Distrib 11.4.5-MariaDB\n"
            + "CREATE TABLE `t` (`id` int);\nINSERT INTO `t` VALUES (1);\n-- Dump completed on 2026-12-01  7:40:00\n";

    @TempDir
    Path folder;

    @Test
    void theAddressComesFromTheJdbcUrl() {
        assertEquals(new DatabaseAddress("127.0.0.1", 3406, "tracker", "tracker", "secret"),
                DatabaseAddress.of("jdbc:mariadb://127.0.0.1:3406/tracker", "tracker", "secret"));
        assertEquals(new DatabaseAddress("db.fund.org", 3306, "cases", "u", "p"),
                DatabaseAddress.of("jdbc:mariadb://db.fund.org/cases?useSsl=true&sslMode=verify-full", "u", "p"));
        assertEquals(new DatabaseAddress("::1", 3307, "tracker", "u", "p"), DatabaseAddress.of("jdbc:mysql://[::1]:3307/tracker", "u", "p"));
        assertEquals("jdbc:mariadb://[::1]:3307/tracker", DatabaseAddress.of("jdbc:mysql://[::1]:3307/tracker", "u", "p").jdbcUrl());
        assertThrows(IllegalArgumentException.class, () -> DatabaseAddress.of("jdbc:mariadb://a:3306,b:3306/tracker", "u", "p"),
                "one server only: a dump of whichever host answers is no backup");
        assertThrows(IllegalArgumentException.class, () -> DatabaseAddress.of("jdbc:mariadb://127.0.0.1:3306/", "u", "p"), "a database is named");
    }

    @Test
    void theAddressNeverShowsThePassword() {
        assertEquals("tracker@127.0.0.1:3406/tracker", DatabaseAddress.of(DatabaseAddress.EMBEDDED_URL, "tracker", "secret").toString());
    }

    @Test
    void aCompleteDumpWithItsChecksumPasses() throws IOException {
        Path file = gzipped("ok.sql.gz", DUMP);
        Files.writeString(folder.resolve("ok.sql.gz.sha256"), sha256(file) + "  ok.sql.gz\n");
        assertDoesNotThrow(() -> DatabaseBackup.checkFile(file));
    }

    @Test
    void anIncompleteDumpIsRefusedBeforeTheDatabaseIsTouched() throws IOException {
        Path cut = gzipped("cut.sql.gz", DUMP.substring(0, DUMP.indexOf("-- Dump completed")));
        assertTrue(assertThrows(RestoreRefusedException.class, () -> DatabaseBackup.checkFile(cut)).getMessage().contains("incomplete"));

        Path whole = gzipped("whole.sql.gz", DUMP);
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(folder.resolve("truncated.sql.gz"), java.util.Arrays.copyOf(bytes, bytes.length - 12));
        assertThrows(RestoreRefusedException.class, () -> DatabaseBackup.checkFile(truncated), "a file cut in its gzip stream");

        Path other = gzipped("other.sql.gz", "SELECT 1;\n-- Dump completed\n");
        assertThrows(RestoreRefusedException.class, () -> DatabaseBackup.checkFile(other), "not made by mariadb-dump");
        assertThrows(RestoreRefusedException.class, () -> DatabaseBackup.checkFile(folder.resolve("missing.sql.gz")));
    }

    @Test
    void aDumpThatNoLongerMatchesItsChecksumIsRefused() throws IOException {
        Path file = gzipped("changed.sql.gz", DUMP);
        Files.writeString(folder.resolve("changed.sql.gz.sha256"), "0".repeat(64) + "  changed.sql.gz\n");
        assertTrue(assertThrows(RestoreRefusedException.class, () -> DatabaseBackup.checkFile(file)).getMessage().contains("checksum"));
    }

    private Path gzipped(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
