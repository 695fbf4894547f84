package org.defensefund.tracker.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.defensefund.tracker.shared.Connections;

/**
 * Backup and restore of one database with MariaDB's own client programs.
 *
 * <p><b>Backup</b>: {@code mariadb-dump --single-transaction} reads every table in one consistent snapshot while the
 * application keeps working (InnoDB, no locks held), with routines, triggers, events, binary columns in hex and the
 * schema history of Flyway (an ordinary table). When the server writes a binary log, the dump records its position
 * ({@code --master-data=2}, as a comment), the starting point of a point-in-time recovery. The dump is gzipped into
 * {@code FILE.partial} and renamed to the file only when {@code mariadb-dump} succeeded and wrote its closing line,
 * so a file under the asked name is always a complete backup; a {@code FILE.sha256} beside it (the format of
 * {@code sha256sum -c}) lets a copy be checked. The personal-data key is not in the database, so never in a backup.
 *
 * <p><b>Restore</b>: checks the whole file first (its checksum when the {@code .sha256} is there, the gzip stream,
 * the dump's first and closing lines), refuses a database holding any table, view or routine unless asked to replace
 * it, then (replacing) drops everything in that database and loads the dump with {@code mariadb}: afterwards the
 * database holds exactly what was backed up, nothing left over from before.
 *
 * <p>The connections (to read the server's settings and empty the database) and the programs reach the same
 * database; a connection to another database is refused.
 */
public final class DatabaseBackup {

    private static final String DUMP_END = "-- Dump completed";
    private static final Pattern BINLOG_POSITION = Pattern.compile(
            "CHANGE MASTER TO MASTER_LOG_FILE='([^']+)', MASTER_LOG_POS=(\\d+)");
    private static final int HEAD = 64 * 1024;

    private final DatabaseAddress address;
    private final ClientPrograms programs;
    private final Connections connections;
    private final Consumer<String> log;

    public DatabaseBackup(DatabaseAddress address, ClientPrograms programs, Connections connections, Consumer<String> log) {
        this.address = address;
        this.programs = programs;
        this.connections = connections;
        this.log = log;
    }

    /**
     * What a backup wrote.
     *
     * @param file the gzipped dump
     * @param bytes its size
     * @param sha256 the SHA-256 of the file, hex (also in {@code file.sha256})
     * @param tables the tables, views and sequences dumped
     * @param binlogFile the binary log file at the dump's snapshot, when the server writes one
     * @param binlogPosition the position in it
     */
    public record BackupFile(Path file, long bytes, String sha256, int tables, Optional<String> binlogFile, long binlogPosition) {
    }

    /** Dumps the database into {@code file} (gzipped SQL); an existing file is never overwritten. */
    public BackupFile backup(Path file) {
        if (Files.exists(file)) {
            throw new BackupException("The backup file " + file + " exists already; a backup never overwrites one");
        }
        boolean binlog;
        int tables;
        try (Connection connection = connections.open()) {
            requireSameDatabase(connection);
            binlog = queryInt(connection, "SELECT @@global.log_bin") == 1;
            tables = objects(connection).size();
        } catch (SQLException e) {
            throw new BackupException("Can't reach the database " + address + ": " + e.getMessage(), e);
        }
        log.accept("Backing up " + address + (binlog ? " (binary log on: its position is recorded in the dump)" : "")
                + " with " + programs.dump());

        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.deleteIfExists(partial);
            ownerOnly(partial);
            Path options = optionsFile();
            Path errors = Files.createTempFile("tracker-backup", ".err");
            try {
                List<String> command = new ArrayList<>(List.of(programs.dump().toString(), "--defaults-extra-file=" + options,
                        "--single-transaction", "--quick", "--routines", "--triggers", "--events", "--hex-blob",
                        "--default-character-set=utf8mb4", "--no-tablespaces"));
                if (binlog) {
                    command.add("--master-data=2");
                }
                command.add(address.database());
                Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
                process.getOutputStream().close();
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                byte[] tail = new byte[256];
                int tailLength = 0;
                try (InputStream dump = process.getInputStream();
                     OutputStream out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(partial,
                             StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), sha), 1 << 16)) {
                    byte[] buffer = new byte[1 << 16];
                    int read;
                    while ((read = dump.read(buffer)) >= 0) {
                        out.write(buffer, 0, read);
                        if (head.size() < HEAD) {
                            head.write(buffer, 0, Math.min(read, HEAD - head.size()));
                        }
                        tailLength = keepTail(tail, tailLength, buffer, read);
                    }
                }
                int exit = process.waitFor();
                String tailText = new String(tail, 0, tailLength, StandardCharsets.UTF_8);
                if (exit != 0 || !tailText.contains(DUMP_END)) {
                    throw new BackupException("mariadb-dump failed (exit " + exit + "), no backup written: " + firstLines(errors));
                }
                Matcher position = BINLOG_POSITION.matcher(head.toString(StandardCharsets.UTF_8));
                boolean positioned = position.find();
                if (binlog && !positioned) {
                    throw new BackupException("The server writes a binary log but the dump recorded no position in it; no backup written");
                }
                String hex = HexFormat.of().formatHex(sha.digest());
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(file.resolveSibling(file.getFileName() + ".sha256"), hex + "  " + file.getFileName() + "\n",
                        StandardCharsets.US_ASCII);
                return new BackupFile(file, Files.size(file), hex, tables,
                        positioned ? Optional.of(position.group(1)) : Optional.empty(), positioned ? Long.parseLong(position.group(2)) : 0);
            } finally {
                Files.deleteIfExists(options);
                Files.deleteIfExists(errors);
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new BackupException("The backup could not be written to " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("The backup was interrupted; no backup written", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Restores a backup into the database: refused ({@link RestoreRefusedException}, nothing changed) when the file
     * is incomplete or damaged, or when the database holds anything and {@code replace} is false; with
     * {@code replace}, everything in the database is dropped first. Returns the number of tables (views, sequences)
     * the database holds afterwards.
     */
    public int restore(Path file, boolean replace) {
        checkFile(file);
        try (Connection connection = connections.open()) {
            requireSameDatabase(connection);
            List<String[]> present = objects(connection);
            int routines = queryInt(connection, "SELECT (SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE())"
                    + " + (SELECT COUNT(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE())");
            if (!present.isEmpty() || routines > 0) {
                if (!replace) {
                    throw new RestoreRefusedException("The database " + address + " is not empty (" + present.size()
                            + " tables, " + routines + " routines or events). A restore replaces everything in it: run it"
                            + " again with -Drestore.replace=true to do that, or restore into an empty database. Nothing was changed.");
                }
                log.accept("Replacing: dropping the " + present.size() + " tables and " + routines + " routines and events of " + address);
                dropEverything(connection, present);
            }
        } catch (SQLException e) {
            throw new BackupException("Can't reach the database " + address + ": " + e.getMessage(), e);
        }
        log.accept("Restoring " + file + " into " + address + " with " + programs.client());
        try {
            Path options = optionsFile();
            Path errors = Files.createTempFile("tracker-restore", ".err");
            try {
                Process process = new ProcessBuilder(programs.client().toString(), "--defaults-extra-file=" + options,
                        "--default-character-set=utf8mb4", "--batch", address.database())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile()).start();
                try (InputStream dump = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
                     OutputStream in = process.getOutputStream()) {
                    dump.transferTo(in);
                } catch (IOException stopped) {
                    log.accept("mariadb stopped reading the dump: " + stopped.getMessage());
                }
                int exit = process.waitFor();
                if (exit != 0) {
                    throw new BackupException("mariadb failed (exit " + exit + ") restoring " + file + "; the database is"
                            + " incomplete, restore again with -Drestore.replace=true once fixed: " + firstLines(errors));
                }
            } finally {
                Files.deleteIfExists(options);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new BackupException("The restore could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("The restore was interrupted; the database is incomplete", e);
        }
        try (Connection connection = connections.open()) {
            return objects(connection).size();
        } catch (SQLException e) {
            throw new BackupException("Can't reach the database " + address + " after the restore: " + e.getMessage(), e);
        }
    }

    /** Reads the whole backup before anything is changed: checksum (when kept beside it), gzip, first and closing lines. */
    static void checkFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RestoreRefusedException("No backup file " + file + ". Nothing was changed.");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] head = new byte[512];
            int headLength = 0;
            byte[] tail = new byte[256];
            int tailLength = 0;
            try (InputStream dump = new GZIPInputStream(new java.security.DigestInputStream(Files.newInputStream(file), sha), 1 << 16)) {
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = dump.read(buffer)) >= 0) {
                    if (headLength < head.length) {
                        int taken = Math.min(read, head.length - headLength);
                        System.arraycopy(buffer, 0, head, headLength, taken);
                        headLength += taken;
                    }
                    tailLength = keepTail(tail, tailLength, buffer, read);
                }
            }
            String first = new String(head, 0, headLength, StandardCharsets.UTF_8);
            if (!first.contains("-- MariaDB dump") && !first.contains("-- MySQL dump")) {
                throw new RestoreRefusedException(file + " is not a dump by mariadb-dump. Nothing was changed.");
            }
            if (!new String(tail, 0, tailLength, StandardCharsets.UTF_8).contains(DUMP_END)) {
                throw new RestoreRefusedException(file + " is incomplete (no closing line of mariadb-dump). Nothing was changed.");
            }
            Path checksum = file.resolveSibling(file.getFileName() + ".sha256");
            if (Files.exists(checksum)) {
                String expected = Files.readString(checksum, StandardCharsets.US_ASCII).trim().split("\\s+")[0];
                if (!expected.equalsIgnoreCase(HexFormat.of().formatHex(sha.digest()))) {
                    throw new RestoreRefusedException(file + " does not match its checksum in " + checksum + ". Nothing was changed.");
                }
            }
        } catch (IOException e) {
            throw new RestoreRefusedException(file + " can't be read as a gzipped dump (" + e.getMessage() + "). Nothing was changed.");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int keepTail(byte[] tail, int tailLength, byte[] buffer, int read) {
        if (read >= tail.length) {
            System.arraycopy(buffer, read - tail.length, tail, 0, tail.length);
            return tail.length;
        }
        int keep = Math.min(tailLength, tail.length - read);
        System.arraycopy(tail, tailLength - keep, tail, 0, keep);
        System.arraycopy(buffer, 0, tail, keep, read);
        return keep + read;
    }

    private void requireSameDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery("SELECT DATABASE()")) {
            row.next();
            if (!address.database().equals(row.getString(1))) {
                throw new BackupException("The connection reaches the database " + row.getString(1) + ", not " + address.database());
            }
        }
    }

    /** The tables, views and sequences of the database: {name, type}. */
    private static List<String[]> objects(Connection connection) throws SQLException {
        List<String[]> objects = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_TYPE <> 'TEMPORARY' ORDER BY TABLE_NAME");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                objects.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        return objects;
    }

    private static void dropEverything(Connection connection, List<String[]> tables) throws SQLException {
        List<String> drops = new ArrayList<>();
        for (String[] table : tables) {
            String kind = switch (table[1]) {
                case "VIEW" -> "VIEW";
                case "SEQUENCE" -> "SEQUENCE";
                default -> "TABLE";
            };
            drops.add("DROP " + kind + " IF EXISTS " + quote(table[0]));
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()"
                        + " UNION ALL SELECT 'EVENT', EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                drops.add("DROP " + rows.getString(1) + " IF EXISTS " + quote(rows.getString(2)));
            }
        }
        try (Statement statement = connection.createStatement()) {
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

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static int queryInt(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    /**
     * The account in an options file only its owner reads, so the password is on no command line; TCP always, so
     * "localhost" never means the local socket of some other server.
     */
    private Path optionsFile() throws IOException {
        Path options = ownerOnly(Files.createTempFile("tracker-backup", ".cnf"));
        Files.writeString(options, "[client]\nprotocol=TCP\nhost=" + optionValue(address.host()) + "\nport=" + address.port()
                + "\nuser=" + optionValue(address.user()) + "\npassword=" + optionValue(address.password()) + "\n", StandardCharsets.UTF_8);
        return options;
    }

    /** Makes the file (when missing) readable and writable by its owner only: a backup holds the clients' records. */
    private static Path ownerOnly(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
        return file;
    }

    private static String optionValue(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String firstLines(Path errors) throws IOException {
        String text = Files.readString(errors, StandardCharsets.UTF_8).strip();
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
