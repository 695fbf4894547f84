package org.defensefund.tracker.deadlines;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.defensefund.tracker.funding.ReportingSchedule;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;

/**
 * The {@code deadline} table kept in step with the cases' facts, in plain SQL on a given connection (the transaction's,
 * from {@link DeadlineListener}): reads the facts of the changed cases (and of the cases they appeal) in three
 * statements, computes what {@link DeadlineRules} calls for, inserts the new deadlines, moves the dates of open ones,
 * marks met the ones a recorded fact meets (the notice of appearance), removes open ones whose fact is gone, and copies
 * the case's partner onto all of them but the offers' (those are the offered partner's). A grant's report deadlines
 * follow its reporting schedule the same way ({@link #refreshGrants}). Met and waived deadlines keep their dates. Two transactions recording the same
 * fact at once insert its deadline once (the second insert finds the first's row and leaves it).
 */
final class DeadlineTable {

    /** The system's name on a deadline a recorded fact met. */
    static final String SYSTEM = "system";

    private DeadlineTable() {
    }

    /** One case's row of facts. */
    private record CaseRow(long id, String number, Long partnerId, boolean assigned, Instant assignedAt, LocalDate noa,
                           LocalDate decidedInCourtOn, Long appealOfId, LocalDate appealOfDecidedOn, boolean appealed) {
    }

    static void refresh(Connection connection, Collection<Long> caseIds) throws SQLException {
        Map<Long, CaseRow> cases = cases(connection, caseIds.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Set<Long> appealed = cases.values().stream().map(CaseRow::appealOfId).filter(id -> id != null && !cases.containsKey(id))
                .collect(Collectors.toSet());
        cases.putAll(cases(connection, appealed));
        if (cases.isEmpty()) {
            return;
        }
        DeadlineRules.RuleSettings settings = ruleSettings(connection);
        Map<Long, List<CaseDeadlineFacts.Decision>> decisions = decisions(connection, cases.keySet());
        Map<Long, List<CaseDeadlineFacts.Offer>> offers = offers(connection, cases.keySet());
        Map<Long, Map<String, Existing>> existing = existing(connection, "case_id", cases.keySet());
        ZoneId zone = settings.zone();
        Instant now = Instant.now(FundClock.current());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO deadline (case_id, case_number, partner_id, rule, source,"
                + " triggered_on, due_on, due_at, state, closed_by, closed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
                + " ON DUPLICATE KEY UPDATE id = id");
             PreparedStatement move = connection.prepareStatement("UPDATE deadline SET triggered_on = ?, due_on = ?, due_at = ?, version = version + 1"
                     + " WHERE id = ? AND state = 'OPEN' AND (triggered_on <> ? OR due_on <> ? OR NOT (due_at <=> ?))");
             PreparedStatement met = connection.prepareStatement("UPDATE deadline SET state = 'MET', closed_by = ?, closed_at = ?,"
                     + " version = version + 1 WHERE id = ? AND state = 'OPEN'");
             PreparedStatement remove = connection.prepareStatement("DELETE FROM deadline WHERE id = ? AND state = 'OPEN'");
             PreparedStatement partner = connection.prepareStatement("UPDATE deadline SET partner_id = ? WHERE case_id = ?"
                     + " AND rule <> 'OFFER_ANSWER' AND NOT (partner_id <=> ?)")) {
            for (CaseRow row : cases.values()) {
                CaseDeadlineFacts facts = new CaseDeadlineFacts(row.assigned(),
                        row.assignedAt() == null ? null : row.assignedAt().atZone(zone).toLocalDate(), row.noa(), row.decidedInCourtOn(),
                        row.appealOfId() != null, row.appealOfDecidedOn(), row.appealed(), decisions.getOrDefault(row.id(), List.of()),
                        offers.getOrDefault(row.id(), List.of()));
                Map<String, Existing> had = new HashMap<>(existing.getOrDefault(row.id(), Map.of()));
                for (DeadlineRules.Due due : DeadlineRules.dueFor(facts, settings)) {
                    Existing found = had.remove(due.rule() + "/" + due.source());
                    if (found == null) {
                        boolean alreadyMet = due.metOn() != null;
                        insert.setLong(1, row.id());
                        insert.setString(2, row.number());
                        insert.setObject(3, due.partnerId() != null ? due.partnerId() : row.partnerId());
                        insert.setString(4, due.rule().name());
                        insert.setString(5, due.source());
                        insert.setDate(6, Date.valueOf(due.triggeredOn()));
                        insert.setDate(7, Date.valueOf(due.dueOn()));
                        insert.setTimestamp(8, due.dueAt() == null ? null : Timestamp.from(due.dueAt()));
                        insert.setString(9, alreadyMet ? DeadlineState.MET.name() : DeadlineState.OPEN.name());
                        insert.setString(10, alreadyMet ? SYSTEM : null);
                        insert.setTimestamp(11, alreadyMet ? Timestamp.from(now) : null);
                        insert.addBatch();
                    } else if (found.open()) {
                        Timestamp dueAt = due.dueAt() == null ? null : Timestamp.from(due.dueAt());
                        move.setDate(1, Date.valueOf(due.triggeredOn()));
                        move.setDate(2, Date.valueOf(due.dueOn()));
                        move.setTimestamp(3, dueAt);
                        move.setLong(4, found.id());
                        move.setDate(5, Date.valueOf(due.triggeredOn()));
                        move.setDate(6, Date.valueOf(due.dueOn()));
                        move.setTimestamp(7, dueAt);
                        move.addBatch();
                        if (due.metOn() != null) {
                            met.setString(1, SYSTEM);
                            met.setTimestamp(2, Timestamp.from(now));
                            met.setLong(3, found.id());
                            met.addBatch();
                        }
                    }
                }
                for (Existing gone : had.values()) {
                    if (gone.open()) {
                        remove.setLong(1, gone.id());
                        remove.addBatch();
                    }
                }
                partner.setObject(1, row.partnerId());
                partner.setLong(2, row.id());
                partner.setObject(3, row.partnerId());
                partner.addBatch();
            }
            insert.executeBatch();
            move.executeBatch();
            met.executeBatch();
            remove.executeBatch();
            partner.executeBatch();
        }
    }

    /**
     * Brings the report deadlines of the given grants up to date with their reporting schedules: new report dates
     * added, open ones whose date is gone removed (the schedule or the period changed), the grant's name copied.
     */
    static void refreshGrants(Connection connection, Collection<Long> grantIds) throws SQLException {
        Set<Long> ids = grantIds.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return;
        }
        LocalDate keptFrom = ruleSettings(connection).keptFrom();
        Map<Long, Map<String, Existing>> existing = existing(connection, "grant_id", ids);
        try (PreparedStatement select = connection.prepareStatement("SELECT id, name, period_start, period_end, reporting_schedule FROM grant_award"
                + " WHERE id IN (" + marks(ids.size()) + ")");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO deadline (grant_id, grant_name, rule, source, triggered_on,"
                     + " due_on, state, version) VALUES (?, ?, 'FUNDER_REPORT', ?, ?, ?, 'OPEN', 1) ON DUPLICATE KEY UPDATE id = id");
             PreparedStatement remove = connection.prepareStatement("DELETE FROM deadline WHERE id = ? AND state = 'OPEN'");
             PreparedStatement name = connection.prepareStatement("UPDATE deadline SET grant_name = ? WHERE grant_id = ? AND NOT (grant_name <=> ?)")) {
            bind(select, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    LocalDate start = date(rows, 3);
                    ReportingSchedule schedule = ReportingSchedule.valueOf(rows.getString(5));
                    Map<String, Existing> had = new HashMap<>(existing.getOrDefault(id, Map.of()));
                    for (DeadlineRules.Due due : DeadlineRules.dueForGrant(start, schedule.reportDates(start, date(rows, 4)), keptFrom)) {
                        if (had.remove(due.rule() + "/" + due.source()) == null) {
                            insert.setLong(1, id);
                            insert.setString(2, rows.getString(2));
                            insert.setString(3, due.source());
                            insert.setDate(4, Date.valueOf(due.triggeredOn()));
                            insert.setDate(5, Date.valueOf(due.dueOn()));
                            insert.addBatch();
                        }
                    }
                    for (Existing gone : had.values()) {
                        if (gone.open()) {
                            remove.setLong(1, gone.id());
                            remove.addBatch();
                        }
                    }
                    name.setString(1, rows.getString(2));
                    name.setLong(2, id);
                    name.setString(3, rows.getString(2));
                    name.addBatch();
                }
            }
            insert.executeBatch();
            remove.executeBatch();
            name.executeBatch();
        }
    }

    /**
     * How the rules are set now: the periods in force, the offer's hours, the fund's zone, and the day deadlines are kept
     * from (the first computation's, {@link DeadlinesAtStart}; until it has run, {@link DeadlinesAtStart#GRACE} before today).
     */
    static DeadlineRules.RuleSettings ruleSettings(Connection connection) throws SQLException {
        ZoneId zone = FundClock.current().getZone();
        LocalDate keptFrom = null;
        try (PreparedStatement select = connection.prepareStatement("SELECT kept_from FROM deadline_computation WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            if (row.next()) {
                keptFrom = date(row, 1);
            }
        }
        if (keptFrom == null) {
            keptFrom = LocalDate.now(FundClock.current()).minus(DeadlinesAtStart.GRACE);
        }
        return new DeadlineRules.RuleSettings(periods(connection), new Settings().offerResponseTime(), zone, keptFrom);
    }

    /** The periods in force, by rule. */
    static Map<DeadlineRule, Integer> periods(Connection connection) throws SQLException {
        Map<DeadlineRule, Integer> periods = new EnumMap<>(DeadlineRule.class);
        try (PreparedStatement select = connection.prepareStatement("SELECT rule, period FROM deadline_rule_period");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                periods.put(DeadlineRule.valueOf(rows.getString(1)), rows.getInt(2));
            }
        }
        return periods;
    }

    private static Map<Long, CaseRow> cases(Connection connection, Collection<Long> ids) throws SQLException {
        Map<Long, CaseRow> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        String sql = "SELECT c.id, c.case_number, c.partner_id, c.status, c.assigned_at, c.notice_of_appearance_date,"
                + " IF(c.status = 'CLOSED' AND o.completed_in_court, c.outcome_date, NULL), c.appeal_of_id,"
                + " (SELECT IF(a.status = 'CLOSED' AND ao.completed_in_court, a.outcome_date, NULL) FROM legal_case a"
                + "   LEFT JOIN reference_item ao ON ao.id = a.outcome_id WHERE a.id = c.appeal_of_id),"
                + " EXISTS (SELECT 1 FROM legal_case x WHERE x.appeal_of_id = c.id)"
                + " FROM legal_case c LEFT JOIN reference_item o ON o.id = c.outcome_id WHERE c.id IN (" + marks(ids.size()) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp assignedAt = rows.getTimestamp(5);
                    found.put(rows.getLong(1), new CaseRow(rows.getLong(1), rows.getString(2), rows.getObject(3, Long.class),
                            "ASSIGNED".equals(rows.getString(4)), assignedAt == null ? null : assignedAt.toInstant(), date(rows, 6),
                            date(rows, 7), rows.getObject(8, Long.class), date(rows, 9),
                            rows.getBoolean(10)));
                }
            }
        }
        return found;
    }

    private static Map<Long, List<CaseDeadlineFacts.Decision>> decisions(Connection connection, Set<Long> ids) throws SQLException {
        Map<Long, List<CaseDeadlineFacts.Decision>> found = new HashMap<>();
        String sql = "SELECT r.case_id, t.code, r.decision, r.decided_on FROM relief_application r JOIN reference_item t ON t.id = r.relief_type_id"
                + " WHERE r.case_id IN (" + marks(ids.size()) + ") AND r.decision IN ('GRANTED', 'DENIED') AND r.decided_on IS NOT NULL ORDER BY r.id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()).add(new CaseDeadlineFacts.Decision(
                            "BOND".equals(rows.getString(2)), "GRANTED".equals(rows.getString(3)), date(rows, 4)));
                }
            }
        }
        return found;
    }

    private static Map<Long, List<CaseDeadlineFacts.Offer>> offers(Connection connection, Set<Long> ids) throws SQLException {
        Map<Long, List<CaseDeadlineFacts.Offer>> found = new HashMap<>();
        String sql = "SELECT id, case_id, partner_id, offered_at, IF(status = 'PENDING', NULL, responded_at) FROM case_offer"
                + " WHERE case_id IN (" + marks(ids.size()) + ") AND status <> 'WITHDRAWN' ORDER BY id";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Timestamp answered = rows.getTimestamp(5);
                    found.computeIfAbsent(rows.getLong(2), id -> new ArrayList<>()).add(new CaseDeadlineFacts.Offer(rows.getLong(1),
                            rows.getLong(3), rows.getTimestamp(4).toInstant(), answered == null ? null : answered.toInstant()));
                }
            }
        }
        return found;
    }

    /** A deadline already kept. */
    private record Existing(long id, boolean open) {
    }

    /** The deadlines kept for the given cases or grants ({@code owner}: the column), locked, by owner and rule/source. */
    private static Map<Long, Map<String, Existing>> existing(Connection connection, String owner, Set<Long> ids) throws SQLException {
        Map<Long, Map<String, Existing>> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, " + owner + ", rule, source, state FROM deadline WHERE "
                + owner + " IN (" + marks(ids.size()) + ") FOR UPDATE")) {
            bind(select, ids);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.computeIfAbsent(rows.getLong(2), id -> new HashMap<>()).put(rows.getString(3) + "/" + rows.getString(4),
                            new Existing(rows.getLong(1), "OPEN".equals(rows.getString(5))));
                }
            }
        }
        return found;
    }

    private static LocalDate date(ResultSet rows, int column) throws SQLException {
        Date date = rows.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static void bind(PreparedStatement statement, Collection<Long> ids) throws SQLException {
        int i = 1;
        for (Long id : ids) {
            statement.setLong(i++, id);
        }
    }
}
