package org.defensefund.tracker.dashboards;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.defensefund.tracker.shared.Connections;
import org.defensefund.tracker.shared.TableBatch;

/**
 * The dashboards' read model, kept in step with the cases: {@code case_fact} (what is counted about each
 * case) and {@code dashboard_tally} (the same counted per month and scope), and {@code spend_tally} (money
 * per sub-award and month). {@link #refresh} brings the cases named up to date in the caller's transaction
 * (the change's own, see {@link ReadModelListener}); {@link #rebuild} makes it all again from the base
 * tables (start-up on a database written before it existed, the seeder, and the tests' oracle).
 *
 * <p>A case's facts are read from the base tables, never from what a page sent. The tally is moved by the
 * difference between a case's old facts (as {@code case_fact} holds them) and its new ones, so a change of
 * partner, charge, custody or dates moves every count it touches, and nothing else. Times are stored in UTC;
 * days are days in the fund's time zone, as the dashboards' periods are.
 */
public final class DashboardReadModel {

    /** A scope key: partner, funder, grant, 0 meaning any. */
    record Scope(long partner, long funder, long grant) implements Comparable<Scope> {
        @Override
        public int compareTo(Scope other) {
            int byPartner = Long.compare(partner, other.partner);
            if (byPartner != 0) {
                return byPartner;
            }
            int byFunder = Long.compare(funder, other.funder);
            return byFunder != 0 ? byFunder : Long.compare(grant, other.grant);
        }
    }

    /** One row of the tally. */
    record TallyKey(Scope scope, Measure measure, LocalDate month, String dim) implements Comparable<TallyKey> {
        @Override
        public int compareTo(TallyKey other) {
            int c = scope.compareTo(other.scope);
            if (c == 0) {
                c = measure.compareTo(other.measure);
            }
            if (c == 0) {
                c = month.compareTo(other.month);
            }
            return c != 0 ? c : dim.compareTo(other.dim);
        }

        /**
         * A mixed hash: the record's own (31 times one field plus the next) gave the rebuild's million cases so many equal
         * hashes of small ids that adding up the counts took most of its time.
         */
        @Override
        public int hashCode() {
            long h = scope.partner() * 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 29)) + scope.funder() * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 31)) + scope.grant() * 0x94D049BB133111EBL;
            h = (h ^ (h >>> 30)) + measure.ordinal() * 0xD6E8FEB86659FD93L;
            h = (h ^ (h >>> 32)) + (month == null ? 0 : month.getYear() * 400L + month.getMonthValue() * 32L + month.getDayOfMonth()) * 0x9E3779B97F4A7C15L;
            h = (h ^ (h >>> 29)) + (dim == null ? 0 : dim.hashCode()) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TallyKey key && scope.equals(key.scope) && measure == key.measure
                    && java.util.Objects.equals(month, key.month) && java.util.Objects.equals(dim, key.dim);
        }
    }

    static final List<String> FACT_COLUMNS = List.of("case_id", "partner_id", "funder_id", "grant_id", "referral_day",
            "eligible_day", "assigned_day", "closed_day", "served_until_day", "outcome_id", "custody_result_id", "country",
            "language_code", "court_id", "custody", "days_to_assignment", "days_to_first_action");

    /**
     * A case's facts from the base tables (the first action is what the dashboards have always counted: notice of
     * appearance, or the first hearing, custody event or relief application recorded after assignment). Days are
     * counted in {@link #fact} in the fund's days: the timestamps are UTC, and from 8 pm in Boston a UTC date is
     * tomorrow's.
     */
    private static final String FACTS = "SELECT c.id, c.partner_id, g.funder_id, s.grant_id, c.referral_date, c.screened_at,"
            + " (c.screened_at IS NOT NULL AND c.ineligibility_reason_id IS NULL AND c.status <> 'INELIGIBLE'),"
            + " c.assigned_at, c.closed_at, c.outcome_id, c.custody_result_id, cl.country_of_birth, cl.language_code, c.court_id,"
            + " c.detained, EXISTS (SELECT 1 FROM custody_event e WHERE e.case_id = c.id),"
            + " c.notice_of_appearance_date,"
            + " (SELECT MIN(h.created_at) FROM hearing h WHERE h.case_id = c.id AND h.created_at >= c.assigned_at),"
            + " (SELECT MIN(e.created_at) FROM custody_event e WHERE e.case_id = c.id AND e.created_at >= c.assigned_at),"
            + " (SELECT MIN(r.created_at) FROM relief_application r WHERE r.case_id = c.id AND r.created_at >= c.assigned_at)"
            + " FROM legal_case c JOIN client cl ON cl.id = c.client_id"
            + " LEFT JOIN case_charge ch ON ch.case_id = c.id LEFT JOIN sub_award s ON s.id = ch.sub_award_id"
            + " LEFT JOIN grant_award g ON g.id = s.grant_id";

    private static final String UPSERT_TALLY = "INSERT INTO dashboard_tally (partner_id, funder_id, grant_id, measure, month, dim, n)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE n = n + VALUES(n)";

    private static final String UPSERT_FACT = "INSERT INTO case_fact (" + String.join(", ", FACT_COLUMNS) + ") VALUES ("
            + String.join(", ", FACT_COLUMNS.stream().map(c -> "?").toList()) + ") ON DUPLICATE KEY UPDATE "
            + String.join(", ", FACT_COLUMNS.stream().skip(1).map(c -> c + " = VALUES(" + c + ")").toList());

    private static final String SPEND = "INSERT INTO spend_tally (sub_award_id, kind, month, amount)"
            + " SELECT sub_award_id, 'APPROVED', DATE_FORMAT(cost_date, '%Y-%m-01'), SUM(amount) FROM case_cost"
            + " WHERE status = 'APPROVED' GROUP BY sub_award_id, DATE_FORMAT(cost_date, '%Y-%m-01')"
            + " UNION ALL SELECT sub_award_id, 'PAID', DATE_FORMAT(paid_date, '%Y-%m-01'), SUM(amount) FROM disbursement"
            + " WHERE status = 'PAID' GROUP BY sub_award_id, DATE_FORMAT(paid_date, '%Y-%m-01')";

    private static final int CHUNK = 500;
    private static final int BATCH = 2000;

    private DashboardReadModel() {
    }

    /** Brings these cases' facts and their counts up to date (a case that no longer exists leaves the tally). */
    public static void refresh(Connection connection, ZoneId zone, Collection<Long> caseIds) throws SQLException {
        List<Long> ids = new ArrayList<>(new java.util.TreeSet<>(caseIds));
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            Map<Long, Map<String, Object>> before = lockedFacts(connection, chunk);
            Map<Long, Map<String, Object>> after = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(FACTS + " WHERE c.id IN (" + marks(chunk.size()) + ")")) {
                bind(select, chunk);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Map<String, Object> fact = fact(row, zone);
                        after.put((Long) fact.get("case_id"), fact);
                    }
                }
            }
            Map<TallyKey, Long> delta = new TreeMap<>();
            before.values().forEach(fact -> count(fact, -1, delta));
            after.values().forEach(fact -> count(fact, 1, delta));
            delta.values().removeIf(n -> n == 0);
            writeTally(connection, delta);
            writeFacts(connection, after.values());
            List<Long> gone = chunk.stream().filter(id -> before.containsKey(id) && !after.containsKey(id)).toList();
            if (!gone.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM case_fact WHERE case_id IN (" + marks(gone.size()) + ")")) {
                    bind(delete, gone);
                    delete.executeUpdate();
                }
            }
        }
    }

    /** A sub-award and the first day of a month: one cell of {@code spend_tally}. */
    public record SpendMonth(long subAwardId, LocalDate month) implements Comparable<SpendMonth> {
        @Override
        public int compareTo(SpendMonth other) {
            int bySubAward = Long.compare(subAwardId, other.subAwardId);
            return bySubAward != 0 ? bySubAward : month.compareTo(other.month);
        }
    }

    private static final String SPEND_MONTH = "INSERT INTO spend_tally (sub_award_id, kind, month, amount)"
            + " SELECT sub_award_id, 'APPROVED', ?, SUM(amount) FROM case_cost"
            + " WHERE sub_award_id = ? AND status = 'APPROVED' AND cost_date BETWEEN ? AND ? GROUP BY sub_award_id"
            + " UNION ALL SELECT sub_award_id, 'PAID', ?, SUM(amount) FROM disbursement"
            + " WHERE sub_award_id = ? AND status = 'PAID' AND paid_date BETWEEN ? AND ? GROUP BY sub_award_id";

    /**
     * Adds up again the approved costs and paid disbursements of these sub-awards in these months (a cost
     * keeps its sub-award, amount and date for life, and a payment its date, so a change touches only its
     * own month: the work doesn't grow with the sub-award). In a fixed order, so concurrent changes don't
     * deadlock.
     */
    public static void refreshSpend(Connection connection, Collection<SpendMonth> cells) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM spend_tally WHERE sub_award_id = ? AND month = ?");
             PreparedStatement insert = connection.prepareStatement(SPEND_MONTH)) {
            for (SpendMonth cell : new java.util.TreeSet<>(cells)) {
                java.sql.Date first = java.sql.Date.valueOf(cell.month());
                java.sql.Date last = java.sql.Date.valueOf(cell.month().withDayOfMonth(cell.month().lengthOfMonth()));
                delete.setLong(1, cell.subAwardId());
                delete.setDate(2, first);
                delete.executeUpdate();
                for (int part = 0; part < 2; part++) {
                    insert.setDate(part * 4 + 1, first);
                    insert.setLong(part * 4 + 2, cell.subAwardId());
                    insert.setDate(part * 4 + 3, first);
                    insert.setDate(part * 4 + 4, last);
                }
                insert.executeUpdate();
            }
        }
    }

    /**
     * Makes the whole read model again from the base tables. Empties it first with TRUNCATE, which commits:
     * for the seeder and for a database that has no read model yet, not inside a user's transaction.
     */
    public static void rebuild(Connection connection, ZoneId zone) throws SQLException {
        truncate(connection);
        Map<TallyKey, Long> tally = new HashMap<>();
        factsBetween(connection, zone, 0, Long.MAX_VALUE, tally);
        finishRebuild(connection, tally);
    }

    /**
     * The same rebuild with the cases split in ranges of ids, read and written by {@code threads} connections
     * at once (the seeder's million cases); their counts are added up and the tally written at the end.
     */
    public static void rebuild(Connections connections, ZoneId zone, int threads) throws SQLException, InterruptedException {
        long last;
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            truncate(connection);
            try (ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM legal_case")) {
                max.next();
                last = max.getLong(1);
            }
        }
        int slices = Math.max(1, threads) * 4;
        long width = last / slices + 1;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<Future<Map<TallyKey, Long>>> parts = new ArrayList<>();
        try {
            for (int i = 0; i < slices; i++) {
                long from = i * width;
                long upTo = Math.min(last, from + width);
                parts.add(pool.submit(() -> {
                    Map<TallyKey, Long> part = new HashMap<>();
                    try (Connection connection = connections.open()) {
                        connection.setAutoCommit(false);
                        factsBetween(connection, zone, from, upTo, part);
                    }
                    return part;
                }));
            }
            Map<TallyKey, Long> tally = new HashMap<>();
            for (Future<Map<TallyKey, Long>> part : parts) {
                part.get().forEach((key, n) -> tally.merge(key, n, Long::sum));
            }
            try (Connection connection = connections.open()) {
                connection.setAutoCommit(false);
                finishRebuild(connection, tally);
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("rebuilding the read model failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void truncate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE TABLE dashboard_tally");
            statement.execute("TRUNCATE TABLE case_fact");
            statement.execute("TRUNCATE TABLE spend_tally");
        }
    }

    /** Writes the facts of the cases with ids in ({@code after}, {@code upTo}] and counts them into {@code tally}. */
    private static void factsBetween(Connection connection, ZoneId zone, long after, long upTo, Map<TallyKey, Long> tally)
            throws SQLException {
        boolean more = true;
        while (more) {
            List<Map<String, Object>> facts = new ArrayList<>(BATCH);
            try (PreparedStatement select = connection.prepareStatement(FACTS + " WHERE c.id > ? AND c.id <= ? ORDER BY c.id LIMIT " + BATCH)) {
                select.setLong(1, after);
                select.setLong(2, upTo);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Map<String, Object> fact = fact(row, zone);
                        count(fact, 1, tally);
                        facts.add(fact);
                    }
                }
            }
            insertFacts(connection, facts);
            commitIfManual(connection);
            more = facts.size() == BATCH;
            after = facts.isEmpty() ? after : (Long) facts.get(facts.size() - 1).get("case_id");
        }
    }

    private static void finishRebuild(Connection connection, Map<TallyKey, Long> tally) throws SQLException {
        insertTally(connection, new TreeMap<>(tally));
        try (PreparedStatement insert = connection.prepareStatement(SPEND)) {
            insert.executeUpdate();
        }
        commitIfManual(connection);
    }

    /** A rebuild is not one transaction: on a connection without auto-commit, what is written so far is committed. */
    static void commitIfManual(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Every case's facts as the base tables give them now (the tests compare them with the kept ones). */
    static Map<Long, Map<String, Object>> computedFacts(Connection connection, ZoneId zone) throws SQLException {
        Map<Long, Map<String, Object>> facts = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(FACTS + " ORDER BY c.id"); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                Map<String, Object> fact = fact(row, zone);
                facts.put((Long) fact.get("case_id"), fact);
            }
        }
        return facts;
    }

    /** The tally as it would be made from these facts (the tests compare it with the kept one). */
    static Map<TallyKey, Long> tallyOf(Collection<Map<String, Object>> facts) {
        Map<TallyKey, Long> tally = new TreeMap<>();
        facts.forEach(fact -> count(fact, 1, tally));
        return tally;
    }

    /**
     * What {@code case_fact} holds for these cases, the rows locked (in the order of their ids) until the
     * transaction ends: a second transaction refreshing the same case waits, then starts from this one's
     * result, so no change is counted twice.
     */
    private static Map<Long, Map<String, Object>> lockedFacts(Connection connection, List<Long> caseIds) throws SQLException {
        return storedFacts(connection, caseIds, " ORDER BY case_id FOR UPDATE");
    }

    /** What {@code case_fact} holds for these cases (all of them if null). */
    static Map<Long, Map<String, Object>> storedFacts(Connection connection, List<Long> caseIds) throws SQLException {
        return storedFacts(connection, caseIds, "");
    }

    private static Map<Long, Map<String, Object>> storedFacts(Connection connection, List<Long> caseIds, String locking) throws SQLException {
        String sql = "SELECT " + String.join(", ", FACT_COLUMNS) + " FROM case_fact"
                + (caseIds == null ? "" : " WHERE case_id IN (" + marks(caseIds.size()) + ")") + locking;
        Map<Long, Map<String, Object>> facts = new LinkedHashMap<>();
        if (caseIds != null && caseIds.isEmpty()) {
            return facts;
        }
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (caseIds != null) {
                bind(select, caseIds);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> fact = new HashMap<>();
                    for (String column : FACT_COLUMNS) {
                        fact.put(column, switch (column) {
                            case "referral_day", "eligible_day", "assigned_day", "closed_day", "served_until_day" ->
                                    row.getObject(column, LocalDate.class);
                            case "country", "language_code", "custody" -> row.getString(column);
                            case "days_to_assignment", "days_to_first_action" -> nullable(row.getInt(column), row.wasNull());
                            default -> nullable(row.getLong(column), row.wasNull());
                        });
                    }
                    facts.put((Long) fact.get("case_id"), fact);
                }
            }
        }
        return facts;
    }

    /** What the kept tally holds, rows of zero left out. */
    static Map<TallyKey, Long> storedTally(Connection connection) throws SQLException {
        Map<TallyKey, Long> tally = new TreeMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT partner_id, funder_id, grant_id, measure, month, dim, n FROM dashboard_tally WHERE n <> 0")) {
            while (row.next()) {
                tally.put(new TallyKey(new Scope(row.getLong(1), row.getLong(2), row.getLong(3)), Measure.valueOf(row.getString(4)),
                        row.getObject(5, LocalDate.class), row.getString(6)), row.getLong(7));
            }
        }
        return tally;
    }

    /** A case's facts from a row of {@link #FACTS}, keyed by the columns of {@code case_fact}. */
    private static Map<String, Object> fact(ResultSet row, ZoneId zone) throws SQLException {
        Map<String, Object> fact = new HashMap<>();
        fact.put("case_id", row.getLong(1));
        fact.put("partner_id", nullable(row.getLong(2), row.wasNull()));
        fact.put("funder_id", nullable(row.getLong(3), row.wasNull()));
        fact.put("grant_id", nullable(row.getLong(4), row.wasNull()));
        fact.put("referral_day", row.getObject(5, LocalDate.class));
        fact.put("eligible_day", row.getBoolean(7) ? day(row.getObject(6, LocalDateTime.class), zone) : null);
        LocalDate assigned = day(row.getObject(8, LocalDateTime.class), zone);
        LocalDate closed = day(row.getObject(9, LocalDateTime.class), zone);
        fact.put("assigned_day", assigned);
        fact.put("closed_day", closed);
        fact.put("served_until_day", assigned == null ? null : closed);
        fact.put("outcome_id", nullable(row.getLong(10), row.wasNull()));
        fact.put("custody_result_id", nullable(row.getLong(11), row.wasNull()));
        fact.put("country", row.getString(12));
        fact.put("language_code", row.getString(13));
        fact.put("court_id", nullable(row.getLong(14), row.wasNull()));
        fact.put("custody", row.getBoolean(15) ? "D" : row.getBoolean(16) ? "R" : "N");
        LocalDate referral = (LocalDate) fact.get("referral_day");
        fact.put("days_to_assignment", assigned == null ? null : (int) ChronoUnit.DAYS.between(referral, assigned));
        LocalDate firstAction = null;
        for (LocalDate action : new LocalDate[] {row.getObject(17, LocalDate.class), day(row.getObject(18, LocalDateTime.class), zone),
                day(row.getObject(19, LocalDateTime.class), zone), day(row.getObject(20, LocalDateTime.class), zone)}) {
            if (action != null && (firstAction == null || action.isBefore(firstAction))) {
                firstAction = action;
            }
        }
        fact.put("days_to_first_action", firstAction == null ? null : (int) ChronoUnit.DAYS.between(referral, firstAction));
        return fact;
    }

    /** Adds (or with -1 takes away) what one case counts, in every scope it falls in. */
    private static void count(Map<String, Object> fact, long sign, Map<TallyKey, Long> tally) {
        List<Scope> scopes = scopes(fact);
        for (Measure measure : Measure.values()) {
            String dim = measure.dimOf(fact);
            if (dim == null) {
                continue;
            }
            LocalDate month = ((LocalDate) fact.get(measure.dayColumn)).withDayOfMonth(1);
            for (Scope scope : scopes) {
                tally.merge(new TallyKey(scope, measure, month, dim), sign, Long::sum);
            }
        }
    }

    /**
     * The scopes a case counts in: the fund; its partner; the funder and the grant of its charge; the
     * partner with that grant (a dashboard of a partner and a funder adds up the partner's grants).
     */
    static List<Scope> scopes(Map<String, Object> fact) {
        long partner = fact.get("partner_id") == null ? 0 : (Long) fact.get("partner_id");
        long grant = fact.get("grant_id") == null ? 0 : (Long) fact.get("grant_id");
        long funder = fact.get("funder_id") == null ? 0 : (Long) fact.get("funder_id");
        List<Scope> scopes = new ArrayList<>(5);
        scopes.add(new Scope(0, 0, 0));
        if (partner != 0) {
            scopes.add(new Scope(partner, 0, 0));
        }
        if (grant != 0) {
            scopes.add(new Scope(0, funder, 0));
            scopes.add(new Scope(0, funder, grant));
            if (partner != 0) {
                scopes.add(new Scope(partner, funder, grant));
            }
        }
        return scopes;
    }

    private static void writeTally(Connection connection, Map<TallyKey, Long> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_TALLY)) {
            int pending = 0;
            for (Map.Entry<TallyKey, Long> row : rows.entrySet()) {
                TallyKey key = row.getKey();
                upsert.setLong(1, key.scope().partner());
                upsert.setLong(2, key.scope().funder());
                upsert.setLong(3, key.scope().grant());
                upsert.setString(4, key.measure().name());
                upsert.setObject(5, key.month());
                upsert.setString(6, key.dim());
                upsert.setLong(7, row.getValue());
                upsert.addBatch();
                if (++pending == BATCH) {
                    upsert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                upsert.executeBatch();
            }
        }
    }

    /** The rebuild's tally into the emptied table: multi-row inserts (an upsert a row took most of a million cases' rebuild). */
    private static void insertTally(Connection connection, Map<TallyKey, Long> rows) throws SQLException {
        TableBatch batch = new TableBatch("dashboard_tally", "partner_id", "funder_id", "grant_id", "measure", "month", "dim", "n");
        for (Map.Entry<TallyKey, Long> row : rows.entrySet()) {
            TallyKey key = row.getKey();
            batch.add(key.scope().partner(), key.scope().funder(), key.scope().grant(), key.measure().name(), key.month(), key.dim(), row.getValue());
        }
        batch.writeTo(connection);
    }

    /** The rebuild's facts into the emptied table: multi-row inserts. */
    private static void insertFacts(Connection connection, Collection<Map<String, Object>> facts) throws SQLException {
        TableBatch batch = new TableBatch("case_fact", FACT_COLUMNS.toArray(String[]::new));
        for (Map<String, Object> fact : facts) {
            batch.add(FACT_COLUMNS.stream().map(fact::get).toArray());
        }
        batch.writeTo(connection);
    }

    private static void writeFacts(Connection connection, Collection<Map<String, Object>> facts) throws SQLException {
        if (facts.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_FACT)) {
            for (Map<String, Object> fact : facts) {
                for (int i = 0; i < FACT_COLUMNS.size(); i++) {
                    upsert.setObject(i + 1, fact.get(FACT_COLUMNS.get(i)));
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static LocalDate day(LocalDateTime utc, ZoneId zone) {
        return utc == null ? null : utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
    }

    private static <T> T nullable(T value, boolean wasNull) {
        return wasNull ? null : value;
    }

    static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement statement, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(i + 1, ids.get(i));
        }
    }
}
