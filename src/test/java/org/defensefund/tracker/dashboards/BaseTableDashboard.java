package org.defensefund.tracker.dashboards;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test oracle for the dashboards' read model: every figure computed straight from the base tables,
 * with the SQL the dashboards ran before the read model (each statement a scan of the cases).
 */
final class BaseTableDashboard {

    private static final String SCOPE = " AND (? = 0 OR c.partner_id = ?) AND (? = 0 OR EXISTS (SELECT 1 FROM case_charge ch"
            + " JOIN sub_award s ON s.id = ch.sub_award_id JOIN grant_award g ON g.id = s.grant_id"
            + " WHERE ch.case_id = c.id AND (? = 0 OR g.funder_id = ?) AND (? = 0 OR g.id = ?)))";

    /** Cases represented at some time in the period: assigned before its end, not closed before its start. */
    private static final String SERVED = " c.assigned_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?)";

    private static final String ACTIVITY = "SELECT COALESCE(SUM(c.referral_date BETWEEN ? AND ?), 0),"
            + " COALESCE(SUM(c.screened_at >= ? AND c.screened_at < ? AND c.ineligibility_reason_id IS NULL AND c.status <> 'INELIGIBLE'), 0),"
            + " COALESCE(SUM(c.assigned_at >= ? AND c.assigned_at < ?), 0),"
            + " COALESCE(SUM(c.assigned_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?)), 0),"
            + " COALESCE(SUM(c.closed_at >= ? AND c.closed_at < ?), 0)"
            + " FROM legal_case c WHERE 1 = 1" + SCOPE;

    /**
     * A case's days from referral to assignment and to the first action are counted in the fund's days (the
     * timestamps are UTC): the rows are read here and the days counted below, in the zone.
     */
    private static final String TO_ASSIGNMENT = "SELECT c.referral_date, c.assigned_at FROM legal_case c"
            + " WHERE c.assigned_at >= ? AND c.assigned_at < ?" + SCOPE;

    private static final String TO_FIRST_ACTION = "SELECT c.referral_date, c.notice_of_appearance_date,"
            + " (SELECT MIN(h.created_at) FROM hearing h WHERE h.case_id = c.id AND h.created_at >= c.assigned_at),"
            + " (SELECT MIN(e.created_at) FROM custody_event e WHERE e.case_id = c.id AND e.created_at >= c.assigned_at),"
            + " (SELECT MIN(r.created_at) FROM relief_application r WHERE r.case_id = c.id AND r.created_at >= c.assigned_at)"
            + " FROM legal_case c WHERE c.assigned_at >= ? AND c.assigned_at < ?" + SCOPE;

    private static final String EVER_IN_CUSTODY = "EXISTS (SELECT 1 FROM custody_event e WHERE e.case_id = c.id)";
    private static final String CUSTODY = "SELECT COALESCE(SUM(c.detained), 0),"
            + " COALESCE(SUM(NOT c.detained AND " + EVER_IN_CUSTODY + "), 0),"
            + " COALESCE(SUM(NOT c.detained AND NOT " + EVER_IN_CUSTODY + "), 0), COUNT(*)"
            + " FROM legal_case c WHERE" + SERVED + SCOPE;

    private static final String CLOSED_BY = "SELECT r.code, r.name, r.completed_in_court, r.counts_as_success, COUNT(*)"
            + " FROM legal_case c JOIN reference_item r ON r.id = c.%s WHERE c.closed_at >= ? AND c.closed_at < ?" + SCOPE
            + " GROUP BY r.id, r.code, r.name, r.completed_in_court, r.counts_as_success, r.sort_order ORDER BY r.sort_order, r.name";
    private static final String OUTCOMES = String.format(CLOSED_BY, "outcome_id");
    private static final String CUSTODY_RESULTS = String.format(CLOSED_BY, "custody_result_id");

    private static final String BY_PARTNER = "SELECT CAST(p.id AS CHAR), p.name, COUNT(*) FROM legal_case c"
            + " JOIN partner_organization p ON p.id = c.partner_id WHERE" + SERVED + SCOPE + " GROUP BY p.id, p.name ORDER BY COUNT(*) DESC, p.name";
    private static final String BY_COUNTRY = "SELECT COALESCE(cl.country_of_birth, ''), COALESCE(cl.country_of_birth, ''), COUNT(*) FROM legal_case c"
            + " JOIN client cl ON cl.id = c.client_id WHERE" + SERVED + SCOPE + " GROUP BY cl.country_of_birth ORDER BY COUNT(*) DESC, 1";
    private static final String BY_LANGUAGE = "SELECT COALESCE(l.code, ''), COALESCE(l.name, ''), COUNT(*) FROM legal_case c"
            + " JOIN client cl ON cl.id = c.client_id LEFT JOIN language l ON l.code = cl.language_code WHERE" + SERVED + SCOPE
            + " GROUP BY l.code, l.name ORDER BY COUNT(*) DESC, 2";
    private static final String BY_COURT = "SELECT COALESCE(r.code, ''), COALESCE(r.name, ''), COUNT(*) FROM legal_case c"
            + " LEFT JOIN reference_item r ON r.id = c.court_id WHERE" + SERVED + SCOPE + " GROUP BY r.code, r.name ORDER BY COUNT(*) DESC, 2";

    private static final String TREND_REFERRALS = "SELECT DATE_FORMAT(c.referral_date, '%Y-%m'), COUNT(*) FROM legal_case c"
            + " WHERE c.referral_date BETWEEN ? AND ?" + SCOPE + " GROUP BY 1";
    /** Closing times of the period's closed cases; grouped by month in the fund's zone below (the month is the zone's). */
    private static final String TREND_CLOSURES = "SELECT c.closed_at FROM legal_case c"
            + " WHERE c.closed_at >= ? AND c.closed_at < ?" + SCOPE;
    private static final String TREND_SPEND = "SELECT DATE_FORMAT(k.cost_date, '%Y-%m'), SUM(k.amount) FROM case_cost k"
            + " JOIN sub_award s ON s.id = k.sub_award_id JOIN grant_award g ON g.id = s.grant_id"
            + " WHERE k.status = 'APPROVED' AND k.cost_date BETWEEN ? AND ? AND (? = 0 OR s.partner_id = ?)"
            + " AND (? = 0 OR g.funder_id = ?) AND (? = 0 OR g.id = ?) GROUP BY 1";

    private static final String SPEND = "SELECT g.name, SUM(s.amount), COALESCE(SUM(k.approved), 0), COALESCE(SUM(d.paid), 0), g.amount"
            + " FROM grant_award g JOIN sub_award s ON s.grant_id = g.id"
            + " LEFT JOIN (SELECT sub_award_id, SUM(amount) AS approved FROM case_cost WHERE status = 'APPROVED' AND cost_date BETWEEN ? AND ?"
            + " GROUP BY sub_award_id) k ON k.sub_award_id = s.id"
            + " LEFT JOIN (SELECT sub_award_id, SUM(amount) AS paid FROM disbursement WHERE status = 'PAID' AND paid_date BETWEEN ? AND ?"
            + " GROUP BY sub_award_id) d ON d.sub_award_id = s.id"
            + " WHERE (? = 0 OR s.partner_id = ?) AND (? = 0 OR g.funder_id = ?) AND (? = 0 OR g.id = ?)"
            + " GROUP BY g.id, g.name, g.amount ORDER BY g.period_start, g.name";

    private final EntityManager em;
    private final ZoneId zone;

    BaseTableDashboard(EntityManager em, ZoneId zone) {
        this.em = em;
        this.zone = zone;
    }

    Dashboard compute(DashboardScope scope, LocalDate from, LocalDate to) {
        return compute(scope, from, to, new Suppression(5, false));
    }

    private Dashboard compute(DashboardScope scope, LocalDate from, LocalDate to, Suppression suppression) {
        Date dayFrom = Date.valueOf(from);
        Date dayTo = Date.valueOf(to);
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());

        Object[] counts = (Object[]) query(ACTIVITY, scope, dayFrom, dayTo, start, end, start, end, end, end, start, end).getSingleResult();
        String[] keys = {"referrals", "eligible", "assigned", "open", "closed"};
        List<Cell> activity = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            activity.add(suppression.single(Cell.shown(keys[i], keys[i], number(counts[i]))));
        }

        List<Long> daysToAssignment = new ArrayList<>();
        for (Object[] row : rows(query(TO_ASSIGNMENT, scope, start, end))) {
            daysToAssignment.add(ChronoUnit.DAYS.between(localDate(row[0]), day(row[1])));
        }
        List<Long> daysToFirstAction = new ArrayList<>();
        for (Object[] row : rows(query(TO_FIRST_ACTION, scope, start, end))) {
            LocalDate first = null;
            for (LocalDate action : new LocalDate[] {row[1] == null ? null : localDate(row[1]), day(row[2]), day(row[3]), day(row[4])}) {
                if (action != null && (first == null || action.isBefore(first))) {
                    first = action;
                }
            }
            if (first != null) {
                daysToFirstAction.add(ChronoUnit.DAYS.between(localDate(row[0]), first));
            }
        }
        Durations toAssignment = durations(daysToAssignment, "toAssignment", suppression);
        Durations toFirstAction = durations(daysToFirstAction, "toFirstAction", suppression);

        Object[] custody = (Object[]) query(CUSTODY, scope, end, start).getSingleResult();
        Breakdown custodyStatus = suppression.group("custodyStatus", List.of(
                Cell.shown("detained", "detained", number(custody[0])),
                Cell.shown("released", "released", number(custody[1])),
                Cell.shown("neverDetained", "neverDetained", number(custody[2]))), Cell.shown("total", "total", number(custody[3])));

        List<Object[]> outcomeRows = rows(query(OUTCOMES, scope, start, end));
        Breakdown outcomes = grouped("outcomes", outcomeRows, suppression);
        SuccessRate success = success(outcomeRows, suppression);
        Breakdown custodyResults = grouped("custodyResults", rows(query(CUSTODY_RESULTS, scope, start, end)), suppression);

        Breakdown byPartner = named("byPartner", rows(query(BY_PARTNER, scope, end, start)), suppression);
        Breakdown byCountry = named("byCountry", rows(query(BY_COUNTRY, scope, end, start)), suppression);
        Breakdown byLanguage = named("byLanguage", rows(query(BY_LANGUAGE, scope, end, start)), suppression);
        Breakdown byCourt = named("byCourt", rows(query(BY_COURT, scope, end, start)), suppression);

        List<GrantSpend> spend = new ArrayList<>();
        for (Object[] row : rows(em.createNativeQuery(SPEND), dayFrom, dayTo, dayFrom, dayTo, scope.partner(), scope.partner(),
                scope.funder(), scope.funder(), scope.grant(), scope.grant())) {
            BigDecimal awarded = scope.partner() > 0 ? money(row[1]) : money(row[4]);
            spend.add(new GrantSpend((String) row[0], awarded, money(row[2]), money(row[3])));
        }

        List<MonthRow> trend = trend(scope, from, to, dayFrom, dayTo, start, end, suppression);
        return new Dashboard(scope, from, to, suppression, activity, toAssignment, toFirstAction, custodyStatus, outcomes, success,
                custodyResults, byPartner, byCountry, byLanguage, byCourt, spend, trend);
    }

    private List<MonthRow> trend(DashboardScope scope, LocalDate from, LocalDate to, Date dayFrom, Date dayTo, Timestamp start,
                                 Timestamp end, Suppression suppression) {
        Map<String, Long> referrals = byMonth(rows(query(TREND_REFERRALS, scope, dayFrom, dayTo)));
        Map<String, Long> closures = new LinkedHashMap<>();
        for (Object closedAt : query(TREND_CLOSURES, scope, start, end).getResultList()) {
            java.time.LocalDateTime utc = closedAt instanceof Timestamp t ? t.toLocalDateTime() : (java.time.LocalDateTime) closedAt;
            closures.merge(YearMonth.from(utc.atOffset(java.time.ZoneOffset.UTC).atZoneSameInstant(zone)).toString(), 1L, Long::sum);
        }
        Map<String, BigDecimal> spend = new LinkedHashMap<>();
        for (Object[] row : rows(em.createNativeQuery(TREND_SPEND), dayFrom, dayTo, scope.partner(), scope.partner(),
                scope.funder(), scope.funder(), scope.grant(), scope.grant())) {
            spend.put((String) row[0], money(row[1]));
        }
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Breakdown referralCells = suppression.group("trendReferrals", months.stream()
                .map(m -> Cell.shown(m, m, referrals.getOrDefault(m, 0L))).toList(),
                Cell.shown("total", "total", referrals.values().stream().mapToLong(Long::longValue).sum()));
        Breakdown closureCells = suppression.group("trendClosures", months.stream()
                .map(m -> Cell.shown(m, m, closures.getOrDefault(m, 0L))).toList(),
                Cell.shown("total", "total", closures.values().stream().mapToLong(Long::longValue).sum()));
        List<MonthRow> trend = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            trend.add(new MonthRow(months.get(i), referralCells.cells().get(i), closureCells.cells().get(i),
                    spend.getOrDefault(months.get(i), BigDecimal.ZERO.setScale(2))));
        }
        return trend;
    }

    private static Map<String, Long> byMonth(List<Object[]> rows) {
        Map<String, Long> byMonth = new LinkedHashMap<>();
        rows.forEach(row -> byMonth.put((String) row[0], number(row[1])));
        return byMonth;
    }

    /** How many, and the median and 90th percentile as MariaDB's PERCENTILE_CONT gives them (interpolated). */
    private static Durations durations(List<Long> days, String key, Suppression suppression) {
        Cell cases = suppression.single(Cell.shown(key, key, days.size()));
        if (days.isEmpty() || cases.isHidden()) {
            return new Durations(cases, null, null);
        }
        List<Long> sorted = days.stream().sorted().toList();
        return new Durations(cases, days(percentile(sorted, 0.5)), days(percentile(sorted, 0.9)));
    }

    private static BigDecimal percentile(List<Long> sorted, double p) {
        double position = p * (sorted.size() - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        BigDecimal low = BigDecimal.valueOf(sorted.get(below));
        BigDecimal share = BigDecimal.valueOf(position - below);
        return low.add(BigDecimal.valueOf(sorted.get(above) - sorted.get(below)).multiply(share));
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** A UTC timestamp's day in the fund's zone (null for none). */
    private LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        java.time.LocalDateTime utc = value instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : (java.time.LocalDateTime) value;
        return utc.atOffset(java.time.ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
    }
    /** Outcomes or custody results: code, name, completed in court, counts as success, count. */
    private static Breakdown grouped(String title, List<Object[]> rows, Suppression suppression) {
        List<Cell> cells = rows.stream().map(r -> Cell.shown((String) r[0], (String) r[1], number(r[4]))).toList();
        return suppression.group(title, cells, Cell.shown("total", "total", cells.stream().mapToLong(Cell::value).sum()));
    }

    private static Breakdown named(String title, List<Object[]> rows, Suppression suppression) {
        List<Cell> cells = rows.stream().map(r -> Cell.shown((String) r[0], (String) r[1], number(r[2]))).toList();
        return suppression.group(title, cells, Cell.shown("total", "total", cells.stream().mapToLong(Cell::value).sum()));
    }

    private static SuccessRate success(List<Object[]> outcomeRows, Suppression suppression) {
        long completed = 0;
        long successes = 0;
        for (Object[] row : outcomeRows) {
            if (flag(row[2])) {
                completed += number(row[4]);
                if (flag(row[3])) {
                    successes += number(row[4]);
                }
            }
        }
        Cell completedCell = suppression.single(Cell.shown("completed", "completed", completed));
        Cell successCell = suppression.single(Cell.shown("successes", "successes", successes));
        Cell othersCell = suppression.single(Cell.shown("others", "others", completed - successes));
        if (completed == 0 || completedCell.isHidden() || successCell.isHidden() || othersCell.isHidden()) {
            return new SuccessRate(successCell.isHidden() || othersCell.isHidden() ? successCell.hide(Cell.Mark.SECONDARY) : successCell,
                    completedCell, null);
        }
        BigDecimal percent = BigDecimal.valueOf(successes * 100).divide(BigDecimal.valueOf(completed), 1, RoundingMode.HALF_UP);
        return new SuccessRate(successCell, completedCell, percent);
    }

    private Query query(String sql, DashboardScope scope, Object... leading) {
        Query query = em.createNativeQuery(sql);
        int i = 1;
        for (Object value : leading) {
            query.setParameter(i++, value);
        }
        for (Object value : new Object[] {scope.partner(), scope.partner(), scope.funded(), scope.funder(), scope.funder(),
                scope.grant(), scope.grant()}) {
            query.setParameter(i++, value);
        }
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query, Object... parameters) {
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    private static long number(Object value) {
        return value == null ? 0L : ((Number) value).longValue();
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : value != null && ((Number) value).intValue() != 0;
    }

    private static BigDecimal days(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(Object value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
