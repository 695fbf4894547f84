package org.defensefund.tracker.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The one-row table {@code instance_mode} (migration V10): the mode the application last started in, and
 * whether the database holds seeded synthetic data. The server's mode is a system property, not something
 * the database knows, so this marker is how the seeder tells a production database from a demo one, and how
 * a production server notices it was pointed at a seeded database. Plain JDBC, usable in and out of the server.
 */
public final class InstanceMarker {

    /** What the application records when it starts. */
    public enum Mode { DEMO, PRODUCTION }

    private InstanceMarker() {
    }

    /** The mode the application last started in on this database; empty when it never started on it. */
    public static Optional<Mode> lastStartedIn(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT mode FROM instance_mode WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            return row.next() && row.getString(1) != null ? Optional.of(Mode.valueOf(row.getString(1))) : Optional.empty();
        }
    }

    /** Whether the seeder ever wrote synthetic data here. */
    public static boolean isSeeded(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seeded_at FROM instance_mode WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            return row.next() && row.getTimestamp(1) != null;
        }
    }

    /** How many seeding runs wrote here before; names of seeded records carry the next number. */
    static int seedRuns(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seed_runs FROM instance_mode WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? row.getInt(1) : 0;
        }
    }

    /** Refuses ({@link SeedRefusedException}) when the application last started on this database in production mode. */
    public static void requireNotProduction(Connection connection) throws SQLException {
        if (lastStartedIn(connection).orElse(null) == Mode.PRODUCTION) {
            throw new SeedRefusedException("This database was last used by the application in production mode"
                    + " (instance_mode says PRODUCTION): the seeder never writes synthetic data next to real clients.");
        }
    }

    /**
     * What the application does at each start: in production mode on a seeded database it refuses
     * ({@link SeedRefusedException}, naming the reason); otherwise it records its mode.
     */
    public static void recordStart(Connection connection, boolean demo, Instant now) throws SQLException {
        if (!demo && isSeeded(connection)) {
            throw new SeedRefusedException("This database holds seeded synthetic data (instance_mode.seeded_at is set):"
                    + " the application refuses to start on it in production mode, so real clients are never mixed with"
                    + " invented ones. Point production at its own database, or start in demo mode (tracker.demo=true).");
        }
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO instance_mode (id, mode, started_at) VALUES (1, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE mode = VALUES(mode), started_at = VALUES(started_at)")) {
            upsert.setString(1, (demo ? Mode.DEMO : Mode.PRODUCTION).name());
            upsert.setTimestamp(2, Timestamp.from(now));
            upsert.executeUpdate();
        }
    }

    /** Records a seeding run of so many cases (first seeding time kept). */
    static void recordSeeding(Connection connection, long cases, Instant now) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO instance_mode (id, seeded_at, seeded_cases, seed_runs) VALUES (1, ?, ?, 1)"
                        + " ON DUPLICATE KEY UPDATE seeded_at = COALESCE(seeded_at, VALUES(seeded_at)),"
                        + " seeded_cases = seeded_cases + VALUES(seeded_cases), seed_runs = seed_runs + 1")) {
            upsert.setTimestamp(1, Timestamp.from(now));
            upsert.setLong(2, cases);
            upsert.executeUpdate();
        }
    }
}
