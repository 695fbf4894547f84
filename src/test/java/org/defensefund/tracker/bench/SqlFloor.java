package org.defensefund.tracker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Logger;

/**
 * The SQL floor of a page: the statements the page issues, captured from MariaDB's general log while the page is
 * requested once on a quiet database (after one warm-up request, so caches are as under load), stored as
 * replayable text ({@code target/bench/sql/*.sql}), then timed through plain JDBC on one connection, N times:
 * what the page would cost if the app added nothing to its database work. Only reads are replayed (a page's
 * writes would change the data); the server-side statements of the app's own connections are told apart from the
 * harness's by the log's thread id.
 */
final class SqlFloor {

    private static final Logger LOG = Logger.getLogger(SqlFloor.class.getName());

    /** The timing of one page's statements. */
    record Floor(String page, int statements, double medianMillis, double p95Millis) {
    }

    private final BenchSettings settings;
    private final Map<String, List<String>> captured = new LinkedHashMap<>();
    private final Map<String, Floor> floors = new LinkedHashMap<>();
    private String unavailable;

    SqlFloor(BenchSettings settings) {
        this.settings = settings;
        if (settings.dbUrl().isBlank()) {
            unavailable = "no database given (-Dbench.db.url)";
        }
    }

    boolean available() {
        return unavailable == null;
    }

    String unavailableReason() {
        return unavailable;
    }

    Map<String, Floor> floors() {
        return floors;
    }

    /**
     * Requests the page (once more before, as a warm-up, unless in smoke mode) and keeps the reads the captured
     * request issued under the name; returns that request's answer.
     */
    <T> T capture(String page, Callable<T> request) throws Exception {
        if (!available()) {
            return request.call();
        }
        T answer;
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            String output;
            String enabled;
            try (ResultSet before = sql.executeQuery("select @@global.log_output, @@global.general_log")) {
                before.next();
                output = before.getString(1);
                enabled = before.getString(2);
            }
            if (!settings.smoke()) {
                request.call();
            }
            sql.execute("set global log_output = 'TABLE'");
            sql.execute("truncate table mysql.general_log");
            sql.execute("set global general_log = 1");
            try {
                answer = request.call();
            } finally {
                sql.execute("set global general_log = " + ("1".equals(enabled) ? 1 : 0));
                sql.execute("set global log_output = '" + output.replace("'", "") + "'");
            }
            List<String> reads = new ArrayList<>();
            try (ResultSet log = sql.executeQuery("select convert(argument using utf8mb4) from mysql.general_log"
                    + " where command_type in ('Query', 'Execute') and thread_id <> connection_id() order by event_time")) {
                while (log.next()) {
                    String statement = log.getString(1).strip();
                    if (isRead(statement)) {
                        reads.add(statement);
                    }
                }
            }
            captured.put(page, reads);
            write(page, reads);
        } catch (SQLException | IOException e) {
            unavailable = "capture failed at '" + page + "': " + e.getMessage();
            LOG.warning(unavailable);
            return request.call();
        }
        return answer;
    }

    /** Times each captured page's statements {@code repetitions} times through plain JDBC. */
    void time(int repetitions) {
        if (!available()) {
            return;
        }
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            for (Map.Entry<String, List<String>> page : captured.entrySet()) {
                double[] millis = new double[repetitions];
                runAll(sql, page.getValue());
                for (int i = 0; i < repetitions; i++) {
                    long start = System.nanoTime();
                    runAll(sql, page.getValue());
                    millis[i] = (System.nanoTime() - start) / 1e6;
                }
                floors.put(page.getKey(), new Floor(page.getKey(), page.getValue().size(),
                        Measurements.percentile(millis, 50), Measurements.percentile(millis, 95)));
            }
        } catch (SQLException e) {
            unavailable = "timing failed: " + e.getMessage();
            LOG.warning(unavailable);
        }
    }

    private static void runAll(Statement sql, List<String> statements) throws SQLException {
        for (String statement : statements) {
            try (ResultSet rows = sql.executeQuery(statement)) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rows.getObject(c);
                    }
                }
            }
        }
    }

    static boolean isRead(String statement) {
        String s = statement.toLowerCase(Locale.ROOT);
        return (s.startsWith("select") || s.startsWith("with") || s.startsWith("(select"))
                && !s.contains("@@") && !s.startsWith("select 1") && !s.contains("for update")
                && !s.contains("general_log") && !s.contains("connection_id()");
    }

    private void write(String page, List<String> statements) throws IOException {
        Path dir = settings.outputDir().resolve("sql");
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder("-- statements of '" + page + "', captured from the general log\n");
        statements.forEach(s -> text.append(s).append(";\n"));
        Files.writeString(dir.resolve(page.replaceAll("[^A-Za-z0-9_-]+", "-") + ".sql"), text);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.dbUrl(), settings.dbUser(), settings.dbPassword());
    }
}
