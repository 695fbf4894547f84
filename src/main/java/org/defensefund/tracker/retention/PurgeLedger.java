package org.defensefund.tracker.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The purge ledger: an append-only file, kept apart from the database (and so from its backups), with one line per
 * anonymised client: {@code <database identity> TAB <client id> TAB <instant> TAB <why>} (why: a code such as
 * {@code RETENTION}). No personal data. The database's identity (table {@code database_identity}, made by migration V33
 * and carried by its backups) keeps a ledger from erasing the clients of another database whose ids match. After
 * a restore ({@code backup.RestoreCommand}) and at every start ({@link LedgerAtStart}) every client it names who is
 * not erased in the database is erased again, so a backup taken before an erasure never brings the person back.
 *
 * <p>Where: {@code tracker.purge.ledger.dir} (or {@code TRACKER_PURGE_LEDGER_DIR}); without it, the server's data
 * folder ({@code jboss.server.data.dir}) for the application, {@code ./data} for the commands run from the checkout
 * (the run command's server keeps its data there too: see README). Back this folder up apart from the database.
 */
public final class PurgeLedger {

    static final String FILE = "purge-ledger.tsv";

    /** How many clients the re-application erases in one transaction. */
    static final int REAPPLIED_TOGETHER = 500;

    private final Path file;

    public PurgeLedger(Path directory) {
        this.file = directory.resolve(FILE);
    }

    /** The ledger in the configured folder (see the class comment). */
    public static PurgeLedger configured() {
        return new PurgeLedger(configuredDirectory());
    }

    static Path configuredDirectory() {
        return setting("tracker.purge.ledger.dir").map(Path::of)
                .or(() -> Optional.ofNullable(System.getProperty("jboss.server.data.dir")).map(Path::of))
                .orElse(Path.of("data"));
    }

    public Path file() {
        return file;
    }

    /** The identity of the database on this connection (migration V33). */
    public static String databaseIdentity(Connection connection) throws SQLException {
        try (java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet row = statement.executeQuery("SELECT uuid FROM database_identity WHERE id = 1")) {
            if (!row.next()) {
                throw new SQLException("The database has no identity (database_identity): is it migrated to V33?");
            }
            return row.getString(1);
        }
    }

    /** Appends the erasure of many clients and forces it to the disk once, before returning. */
    public synchronized void recordAll(String database, java.util.Collection<Long> clientIds, Instant at, String why) {
        StringBuilder lines = new StringBuilder();
        for (Long clientId : clientIds) {
            lines.append(database).append('\t').append(clientId).append('\t').append(at).append('\t').append(why).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buffer = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.US_ASCII));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the purge ledger " + file, e);
        }
    }

    /** Appends a client's erasure and forces it to the disk before returning. */
    public synchronized void record(String database, long clientId, Instant at, String why) {
        String line = database + "\t" + clientId + "\t" + at + "\t" + why + "\n";
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the purge ledger " + file, e);
        }
    }

    /** The clients the ledger names for this database, in the order first written; none when there is no ledger yet. */
    public Set<Long> clientIds(String database) {
        Set<Long> ids = new LinkedHashSet<>();
        if (!Files.exists(file)) {
            return ids;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            for (String line : lines) {
                String[] fields = line.split("\t");
                if (fields.length >= 2 && fields[0].equals(database) && !fields[1].isEmpty()
                        && fields[1].chars().allMatch(Character::isDigit)) {
                    ids.add(Long.parseLong(fields[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the purge ledger " + file, e);
        }
        return ids;
    }

    /**
     * Erases again, on a plain connection (the restore command's), every client the ledger names whom the database holds
     * unerased, {@value #REAPPLIED_TOGETHER} clients a transaction. No audit entry is written here (the restore command has no audit
     * buffer); the count is printed by the command.
     *
     * @return how many clients were erased again
     */
    public int reapply(Connection connection, Instant at) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        int erased = 0;
        try {
            List<Long> named = new ArrayList<>(clientIds(databaseIdentity(connection)));
            for (int i = 0; i < named.size(); i += REAPPLIED_TOGETHER) {
                erased += ErasureStatements.eraseAll(connection, named.subList(i, Math.min(named.size(), i + REAPPLIED_TOGETHER)), at).size();
                connection.commit();
            }
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return erased;
    }

    private static Optional<String> setting(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
