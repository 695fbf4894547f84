package org.defensefund.tracker.deadlines;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.defensefund.tracker.shared.Connections;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.PatientConnections;
import org.defensefund.tracker.shared.SchemaReady;
import org.defensefund.tracker.shared.Settings;

/**
 * At start, after the migrations and the demo's first fund: computes the deadlines of every case and grant recorded
 * before the rules in force existed (a database from before the deadlines, one a rule was added to since, or one the
 * seeder filled), which no later change would otherwise bring in. The {@code deadline_computation} row says which
 * version of the rules ({@link #RULES_VERSION}) the deadlines were computed with; when it is older, or the operator asks
 * ({@code TRACKER_REBUILD_READ_MODELS=true}), every case and grant is brought up to date by {@link DeadlineTable}, a
 * thousand cases per transaction, while the application serves (changes made meanwhile refresh their own cases as
 * always, and the two meet on the deadline table's unique keys). Up to {@link #AT_ONCE} cases this is done before the
 * application starts serving; above, in the background with its progress in the log.
 *
 * <p>Deadlines are kept from the first computation's day less {@link #GRACE}: the history a database holds from before
 * then (a BIA appeal of a decision years ago) is not a deadline anyone can still act on, and would bury the ones that
 * are. Deadlines due within the grace period before the first computation come in overdue.
 */
@ApplicationScoped
public class DeadlinesAtStart {

    /** The version of the rules: one more every time a rule is added or what starts one changes. */
    public static final int RULES_VERSION = 2;

    /** How far before the first computation deadlines are kept. */
    public static final Period GRACE = Period.ofDays(30);

    /** Up to this many cases, the computation is done before the application serves. */
    static final long AT_ONCE = 50_000;

    private static final int CHUNK = 1_000;
    private static final Logger LOG = Logger.getLogger(DeadlinesAtStart.class.getName());

    @Resource(lookup = "java:jboss/datasources/TrackerDS")
    private DataSource dataSource;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private Settings settings;

    /** After the demo's fund is made (default priority observers first). */
    void computeAtStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) SchemaReady ready) {
        long cases;
        try (Connection connection = PatientConnections.open(dataSource)) {
            connection.setAutoCommit(false);
            Integer version = null;
            try (PreparedStatement select = connection.prepareStatement("SELECT rules_version FROM deadline_computation WHERE id = 1 FOR UPDATE");
                 ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    version = row.getInt(1);
                }
            }
            if (version != null && version >= RULES_VERSION && !settings.rebuildReadModels()) {
                connection.commit();
                return;
            }
            if (version == null) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO deadline_computation (id, rules_version, kept_from,"
                        + " computed_at) VALUES (1, 0, ?, ?)")) {
                    insert.setDate(1, Date.valueOf(LocalDate.now(FundClock.current()).minus(GRACE)));
                    insert.setTimestamp(2, Timestamp.from(Instant.now(FundClock.current())));
                    insert.executeUpdate();
                }
            }
            connection.commit();
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM legal_case"); ResultSet row = count.executeQuery()) {
                row.next();
                cases = row.getLong(1);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read which deadlines are computed", e);
        }
        if (cases <= AT_ONCE) {
            computeAll(() -> PatientConnections.open(dataSource), cases);
        } else {
            LOG.info(() -> String.format("Computing the deadlines of %,d cases in the background", cases));
            executor.execute(() -> {
                try {
                    computeAll(() -> PatientConnections.open(dataSource), cases);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "The deadlines were not all computed; the next start tries again", e);
                }
            });
        }
    }

    /**
     * Brings the deadlines of every grant and case up to date, a chunk of cases per transaction, and records the rules'
     * version once done (a start interrupted before then does it again: it changes nothing that is up to date).
     */
    public static void computeAll(Connections connections, long expected) {
        long started = System.nanoTime();
        long done = 0;
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            List<Long> grants = ids(connection, "SELECT id FROM grant_award ORDER BY id");
            DeadlineTable.refreshGrants(connection, grants);
            connection.commit();
            long after = 0;
            while (true) {
                List<Long> chunk = new ArrayList<>(CHUNK);
                try (PreparedStatement select = connection.prepareStatement("SELECT id FROM legal_case WHERE id > ? ORDER BY id LIMIT " + CHUNK)) {
                    select.setLong(1, after);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            chunk.add(rows.getLong(1));
                        }
                    }
                }
                if (chunk.isEmpty()) {
                    break;
                }
                DeadlineTable.refresh(connection, chunk);
                connection.commit();
                after = chunk.get(chunk.size() - 1);
                long before = done;
                done += chunk.size();
                if (done / 100_000 != before / 100_000) {
                    long sofar = done;
                    LOG.info(() -> String.format("Deadlines computed for %,d of about %,d cases", sofar, expected));
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE deadline_computation SET rules_version = ?, computed_at = ? WHERE id = 1")) {
                update.setInt(1, RULES_VERSION);
                update.setTimestamp(2, Timestamp.from(Instant.now(FundClock.current())));
                update.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute the deadlines of the cases recorded before their rules", e);
        }
        long cases = done;
        LOG.info(() -> String.format("Deadlines computed for %,d cases and every grant in %.1f s", cases, (System.nanoTime() - started) / 1e9));
    }

    private static List<Long> ids(Connection connection, String sql) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }
}
