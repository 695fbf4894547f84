package org.defensefund.tracker.dashboards;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.funding.GrantService;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.Settings;

/**
 * The dashboards' figures, each added up by MariaDB (COUNT, SUM, GROUP BY, PERCENTILE_CONT) in a fixed
 * number of statements whatever the number of cases: activity in the period, durations to assignment
 * and to the first attorney action, custody, outcomes with the success rate and its denominator, custody
 * results, cases by partner, country of birth, language and court, spending against budget per grant,
 * and a monthly trend. A funder user always gets their own funder's scope, suppressed; an
 * administrator any scope, suppressed only on request (to see what funders see).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DashboardService {

    /**
     * Statements one dashboard costs, whatever the data: the counts, the names they are shown with, and the
     * money by grant and by month. {@code DashboardIT} holds it to this.
     */
    public static final int STATEMENTS = 4;

    /** The names of what the counts are grouped by: outcomes, custody results and courts, partners, languages. */
    private static final String NAMES = "SELECT " + text("CAST(r.id AS CHAR)") + ", " + text("r.code") + ", " + text("r.name") + ","
            + " r.completed_in_court, r.counts_as_success, r.sort_order"
            + " FROM reference_item r WHERE r.list_name IN ('OUTCOME', 'CUSTODY_RESULT', 'COURT')"
            + " UNION ALL SELECT " + text("CONCAT('p', p.id)") + ", " + text("CAST(p.id AS CHAR)") + ", " + text("p.name") + ", NULL, NULL, 0"
            + " FROM partner_organization p"
            + " UNION ALL SELECT " + text("CONCAT('l', l.code)") + ", " + text("l.code") + ", " + text("l.name") + ", NULL, NULL, l.sort_order"
            + " FROM language l";

    /**
     * Approved costs (by cost date) or paid disbursements (by payment date) of a period: whole months from the tally,
     * the edges from the rows (added, or taken away from a whole month: {@link MonthSplit}).
     */
    private static final String SPENT_MONTHS = "SELECT sub_award_id, %2$s AS month, amount FROM spend_tally WHERE kind = '%1$s' AND month BETWEEN ? AND ?";
    private static final String SPENT_DAYS = " UNION ALL SELECT sub_award_id, %2$s, %5$s FROM %3$s WHERE status = '%1$s' AND %4$s BETWEEN ? AND ?";
    private static final String MONTH = "DATE_FORMAT(%s, '%%Y-%%m')";

    /** A text column in one character set and collation, so the parts of a UNION agree. */
    private static String text(String expression) {
        return "CONVERT(" + expression + " USING utf8mb4) COLLATE utf8mb4_unicode_ci";
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private GrantService grants;

    @Inject
    private Settings settings;

    /**
     * Whether the caller may look at any funder's, grant's or partner's figures (the fund's administrators), so
     * the page offers those choices; a funder's people see what their funder funds and choose only among its grants.
     */
    public boolean choosesAnyScope() {
        return currentUser.isAdmin();
    }

    /**
     * The dashboard of a scope for a period. A funder user's scope is narrowed to their funder (and a
     * grant of theirs, if chosen) and always suppressed; partner staff and anyone else are refused.
     */
    public Dashboard dashboard(DashboardScope requested, LocalDate from, LocalDate to, boolean suppressForAdmin) {
        DashboardScope scope;
        boolean suppress;
        Long grantsFunder = null;
        if (currentUser.isAdmin()) {
            scope = requested == null ? DashboardScope.WHOLE_FUND : requested;
            suppress = suppressForAdmin;
            if (scope.grantId() != null) {
                grantsFunder = grants.find(scope.grantId()).getFunder().getId();
            }
        } else if (currentUser.isFunder()) {
            Long own = currentUser.funderId().orElseThrow(() -> new AccessDeniedException("funder user without a funder"));
            Long grantId = requested == null ? null : requested.grantId();
            if (grantId != null) {
                grants.find(grantId);
            }
            scope = new DashboardScope(own, grantId, null);
            suppress = true;
        } else {
            throw new AccessDeniedException("caller may not read dashboards");
        }
        if (from == null || to == null) {
            throw new BusinessException("period.required", from == null ? "from" : "to");
        }
        if (to.isBefore(from)) {
            throw new BusinessException("period.endBeforeStart", "to");
        }
        // A grant chosen without its funder is read under its funder's key of the tally (one index range).
        DashboardScope keyed = scope.funderId() == null && grantsFunder != null
                ? new DashboardScope(grantsFunder, scope.grantId(), scope.partnerId()) : scope;
        return compute(scope, keyed, from, to, new Suppression(settings.smallCellThreshold(), suppress));
    }

    private Dashboard compute(DashboardScope scope, DashboardScope keyed, LocalDate from, LocalDate to, Suppression suppression) {
        Map<String, Map<String, Long>> counts = new TallyQuery(keyed)
                .range("referrals", Measure.REFERRED, from, to)
                .range("eligible", Measure.ELIGIBLE, from, to)
                .range("assigned", Measure.ASSIGNED, from, to)
                .openAt("open", Measure.ASSIGNED, Measure.SERVED_UNTIL, to)
                .range("closed", Measure.CLOSED, from, to)
                .range("toAssignment", Measure.TO_ASSIGNMENT, from, to)
                .range("toFirstAction", Measure.TO_FIRST_ACTION, from, to)
                .served("custody", Measure.ASSIGNED_BY_CUSTODY, Measure.SERVED_UNTIL_BY_CUSTODY, from, to)
                .range("outcomes", Measure.OUTCOME, from, to)
                .range("custodyResults", Measure.CUSTODY_RESULT, from, to)
                .served("byPartner", Measure.ASSIGNED_BY_PARTNER, Measure.SERVED_UNTIL_BY_PARTNER, from, to)
                .served("byCountry", Measure.ASSIGNED_BY_COUNTRY, Measure.SERVED_UNTIL_BY_COUNTRY, from, to)
                .served("byLanguage", Measure.ASSIGNED_BY_LANGUAGE, Measure.SERVED_UNTIL_BY_LANGUAGE, from, to)
                .served("byCourt", Measure.ASSIGNED_BY_COURT, Measure.SERVED_UNTIL_BY_COURT, from, to)
                .byMonth("trendReferrals", Measure.REFERRED, from, to)
                .byMonth("trendClosures", Measure.CLOSED, from, to)
                .run(em);
        Map<String, Object[]> names = names();

        String[] keys = {"referrals", "eligible", "assigned", "open", "closed"};
        List<Cell> activity = new ArrayList<>();
        for (String key : keys) {
            activity.add(suppression.single(Cell.shown(key, key, plain(counts, key))));
        }

        Durations toAssignment = durations(counts.get("toAssignment"), "toAssignment", suppression);
        Durations toFirstAction = durations(counts.get("toFirstAction"), "toFirstAction", suppression);

        Map<String, Long> custody = counts.getOrDefault("custody", Map.of());
        long detained = custody.getOrDefault("D", 0L);
        long released = custody.getOrDefault("R", 0L);
        long neverDetained = custody.getOrDefault("N", 0L);
        Breakdown custodyStatus = suppression.group("custodyStatus", List.of(
                Cell.shown("detained", "detained", detained),
                Cell.shown("released", "released", released),
                Cell.shown("neverDetained", "neverDetained", neverDetained)),
                Cell.shown("total", "total", detained + released + neverDetained));

        List<Object[]> outcomeRows = referenceRows(counts.get("outcomes"), names);
        Breakdown outcomes = grouped("outcomes", outcomeRows, suppression);
        SuccessRate success = success(outcomeRows, suppression);
        Breakdown custodyResults = grouped("custodyResults", referenceRows(counts.get("custodyResults"), names), suppression);

        Breakdown byPartner = named("byPartner", namedRows(counts.get("byPartner"), names, "p", true, false), suppression);
        Breakdown byCountry = named("byCountry", namedRows(counts.get("byCountry"), names, null, false, true), suppression);
        Breakdown byLanguage = named("byLanguage", namedRows(counts.get("byLanguage"), names, "l", false, false), suppression);
        Breakdown byCourt = named("byCourt", namedRows(counts.get("byCourt"), names, "", false, false), suppression);

        List<GrantSpend> spend = new ArrayList<>();
        for (Object[] row : spend(scope, from, to)) {
            BigDecimal awarded = scope.partner() > 0 ? money(row[1]) : money(row[4]);
            spend.add(new GrantSpend((String) row[0], awarded, money(row[2]), money(row[3])));
        }

        List<MonthRow> trend = trend(scope, from, to, counts, suppression);
        return new Dashboard(scope, from, to, suppression, activity, toAssignment, toFirstAction, custodyStatus, outcomes, success,
                custodyResults, byPartner, byCountry, byLanguage, byCourt, spend, trend);
    }

    private static long plain(Map<String, Map<String, Long>> counts, String label) {
        return counts.getOrDefault(label, Map.of()).getOrDefault("", 0L);
    }

    /** Code, name, completed in court and counts as success of every outcome, custody result and court; names of partners and languages. */
    private Map<String, Object[]> names() {
        Map<String, Object[]> names = new HashMap<>();
        for (Object row : em.createNativeQuery(NAMES).getResultList()) {
            Object[] columns = (Object[]) row;
            names.put((String) columns[0], columns);
        }
        return names;
    }

    /** Outcome or custody-result counts as rows of code, name, completed in court, counts as success, count, in the list's order. */
    private static List<Object[]> referenceRows(Map<String, Long> counts, Map<String, Object[]> names) {
        List<Object[]> rows = new ArrayList<>();
        if (counts == null) {
            return rows;
        }
        List<Object[]> items = new ArrayList<>();
        counts.forEach((id, count) -> {
            Object[] item = names.get(id);
            if (item != null) {
                items.add(new Object[] {item, count});
            }
        });
        items.sort(Comparator.comparingInt((Object[] item) -> ((Number) ((Object[]) item[0])[5]).intValue())
                .thenComparing(item -> (String) ((Object[]) item[0])[2], String.CASE_INSENSITIVE_ORDER));
        for (Object[] item : items) {
            Object[] name = (Object[]) item[0];
            rows.add(new Object[] {name[1], name[2], name[3], name[4], item[1]});
        }
        return rows;
    }

    /**
     * Counts by partner, country, language or court as rows of key, name, count, most first: the key and
     * name from the names (looked up with {@code prefix}, null for countries, which are shown by their code).
     */
    private static List<Object[]> namedRows(Map<String, Long> counts, Map<String, Object[]> names, String prefix, boolean knownOnly,
                                            boolean tieByKey) {
        List<Object[]> rows = new ArrayList<>();
        if (counts == null) {
            return rows;
        }
        counts.forEach((dim, count) -> {
            Object[] name = prefix == null || dim.isEmpty() ? null : names.get(prefix + dim);
            if (name == null && knownOnly) {
                return;
            }
            String key = prefix == null || name == null ? dim : (String) name[1];
            String label = prefix == null ? dim : name == null ? "" : (String) name[2];
            rows.add(new Object[] {key, label, count});
        });
        rows.sort(Comparator.comparingLong((Object[] row) -> -((Number) row[2]).longValue())
                .thenComparing(row -> (String) row[tieByKey ? 0 : 1], String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    /** Per grant of the scope: name, sub-awarded, approved in the period, paid in the period, grant amount. */
    @SuppressWarnings("unchecked")
    private List<Object[]> spend(DashboardScope scope, LocalDate from, LocalDate to) {
        List<Object> values = new ArrayList<>();
        String approved = spent("APPROVED", "case_cost", "cost_date", from, to, values);
        String paid = spent("PAID", "disbursement", "paid_date", from, to, values);
        String sql = "SELECT g.name, SUM(s.amount), COALESCE(SUM(k.amount), 0), COALESCE(SUM(d.amount), 0), g.amount"
                + " FROM grant_award g JOIN sub_award s ON s.grant_id = g.id"
                + " LEFT JOIN (SELECT sub_award_id, SUM(amount) AS amount FROM (" + approved + ") a GROUP BY sub_award_id) k ON k.sub_award_id = s.id"
                + " LEFT JOIN (SELECT sub_award_id, SUM(amount) AS amount FROM (" + paid + ") p GROUP BY sub_award_id) d ON d.sub_award_id = s.id"
                + " WHERE 1 = 1" + moneyScope(scope, values) + " GROUP BY g.id, g.name, g.amount ORDER BY g.period_start, g.name";
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query.getResultList();
    }

    /** Approved costs of the scope by month ("2026-03"). */
    @SuppressWarnings("unchecked")
    private Map<String, BigDecimal> spendByMonth(DashboardScope scope, LocalDate from, LocalDate to) {
        List<Object> values = new ArrayList<>();
        String approved = spent("APPROVED", "case_cost", "cost_date", from, to, values);
        String sql = "SELECT a.month, SUM(a.amount) FROM (" + approved + ") a JOIN sub_award s ON s.id = a.sub_award_id"
                + " JOIN grant_award g ON g.id = s.grant_id WHERE 1 = 1" + moneyScope(scope, values) + " GROUP BY a.month"
                // A month whose days were all taken away nets to nothing: left out, as a month with no cost.
                + " HAVING SUM(a.amount) <> 0";
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        Map<String, BigDecimal> byMonth = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            byMonth.put((String) row[0], money(row[1]));
        }
        return byMonth;
    }

    /**
     * The money of one kind in from..to: whole months from {@code spend_tally}, the days of the edge months from the rows
     * themselves, added or taken away ({@link MonthSplit}).
     */
    private static String spent(String kind, String table, String dateColumn, LocalDate from, LocalDate to, List<Object> values) {
        MonthSplit split = MonthSplit.of(from, to);
        StringBuilder sql = new StringBuilder(String.format(SPENT_MONTHS, kind, String.format(MONTH, "month")));
        if (split.tallyFrom() == null) {
            values.addAll(List.of(Date.valueOf(LocalDate.of(9999, 12, 1)), Date.valueOf(LocalDate.of(1900, 1, 1))));
        } else {
            values.addAll(List.of(Date.valueOf(split.tallyFrom()), Date.valueOf(split.tallyTo())));
        }
        for (MonthSplit.Days days : split.days()) {
            sql.append(String.format(SPENT_DAYS, kind, String.format(MONTH, dateColumn), table, dateColumn, days.sign() > 0 ? "amount" : "-amount"));
            values.addAll(List.of(Date.valueOf(days.from()), Date.valueOf(days.to())));
        }
        return sql.toString();
    }

    private static String moneyScope(DashboardScope scope, List<Object> values) {
        StringBuilder where = new StringBuilder();
        if (scope.partner() > 0) {
            where.append(" AND s.partner_id = ?");
            values.add(scope.partner());
        }
        if (scope.funder() > 0) {
            where.append(" AND g.funder_id = ?");
            values.add(scope.funder());
        }
        if (scope.grant() > 0) {
            where.append(" AND g.id = ?");
            values.add(scope.grant());
        }
        return where.toString();
    }

    private List<MonthRow> trend(DashboardScope scope, LocalDate from, LocalDate to, Map<String, Map<String, Long>> counts,
                                 Suppression suppression) {
        Map<String, Long> referrals = counts.getOrDefault("trendReferrals", Map.of());
        Map<String, Long> closures = counts.getOrDefault("trendClosures", Map.of());
        Map<String, BigDecimal> spend = spendByMonth(scope, from, to);
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

    /**
     * How many cases, and the median and 90th percentile of their days, from how many cases took each number
     * of days: continuous percentiles (as SQL's PERCENTILE_CONT), interpolated between the two nearest cases.
     */
    static Durations durations(Map<String, Long> histogram, String key, Suppression suppression) {
        if (histogram == null || histogram.isEmpty()) {
            return new Durations(suppression.single(Cell.shown(key, key, 0)), null, null);
        }
        TreeMap<Long, Long> byDays = new TreeMap<>();
        histogram.forEach((days, count) -> byDays.merge(Long.parseLong(days), count, Long::sum));
        long total = byDays.values().stream().mapToLong(Long::longValue).sum();
        Cell cases = suppression.single(Cell.shown(key, key, total));
        if (cases.isHidden()) {
            return new Durations(cases, null, null);
        }
        return new Durations(cases, percentile(byDays, total, new BigDecimal("0.5")), percentile(byDays, total, new BigDecimal("0.9")));
    }

    private static BigDecimal percentile(TreeMap<Long, Long> byDays, long total, BigDecimal fraction) {
        BigDecimal position = fraction.multiply(BigDecimal.valueOf(total - 1));
        long below = position.setScale(0, RoundingMode.FLOOR).longValueExact();
        BigDecimal low = BigDecimal.valueOf(nth(byDays, below));
        BigDecimal high = BigDecimal.valueOf(nth(byDays, Math.min(below + 1, total - 1)));
        BigDecimal value = low.add(high.subtract(low).multiply(position.subtract(BigDecimal.valueOf(below))));
        return value.setScale(1, RoundingMode.HALF_UP);
    }

    /** The days of the n-th case (from 0) in order of days. */
    private static long nth(TreeMap<Long, Long> byDays, long n) {
        long seen = 0;
        for (Map.Entry<Long, Long> entry : byDays.entrySet()) {
            seen += entry.getValue();
            if (n < seen) {
                return entry.getKey();
            }
        }
        return byDays.lastKey();
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

    private static long number(Object value) {
        return value == null ? 0L : ((Number) value).longValue();
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : value != null && ((Number) value).intValue() != 0;
    }

    private static BigDecimal money(Object value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
