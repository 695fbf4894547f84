package org.defensefund.tracker.dashboards;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One statement that counts every figure of a dashboard from the read model: the whole months of each
 * period from {@code dashboard_tally}, the days at its edges from {@code case_fact} (one index range per
 * day column and edge, shared by every figure counted at that day; an edge month mostly inside the period is
 * read whole from the tally less its days outside, {@link MonthSplit}), for one scope. The scope is written
 * for the caller's choice (no catch-all predicates), so each part is an index range.
 *
 * <p>Figures are named by a label; each is a sum of terms (a measure over a period, added or taken away),
 * grouped by the measure's value or by month.
 */
final class TallyQuery {

    /** The start of "since ever" for running counts. */
    private static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);
    private static final String MONTH_OF = "CONVERT(DATE_FORMAT(%s, '%%Y-%%m') USING utf8mb4) COLLATE utf8mb4_bin";

    private record Term(String label, Measure measure, int sign, boolean byMonth) {
    }

    private record Edge(String dayColumn, LocalDate from, LocalDate to) {
    }

    private final DashboardScope scope;
    private final List<String> parts = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private final Map<Edge, List<Term>> edges = new LinkedHashMap<>();

    TallyQuery(DashboardScope scope) {
        this.scope = scope;
    }

    /** {@code label} counts the measure over the days from..to. */
    TallyQuery range(String label, Measure measure, LocalDate from, LocalDate to) {
        return add(new Term(label, measure, 1, false), from, to);
    }

    /** {@code label} counts the measure over the days from..to, by month ("2026-03"). */
    TallyQuery byMonth(String label, Measure measure, LocalDate from, LocalDate to) {
        return add(new Term(label, measure, 1, true), from, to);
    }

    /**
     * {@code label} counts the cases served at some time in from..to: those counted by {@code start} up to
     * {@code to}, less those counted by {@code end} before {@code from}.
     */
    TallyQuery served(String label, Measure start, Measure end, LocalDate from, LocalDate to) {
        add(new Term(label, start, 1, false), BEGINNING, to);
        return add(new Term(label, end, -1, false), BEGINNING, from.minusDays(1));
    }

    /**
     * {@code label} counts the cases open at the end of {@code day}: counted by {@code start} up to it, less
     * those counted by {@code end} up to it.
     */
    TallyQuery openAt(String label, Measure start, Measure end, LocalDate day) {
        return served(label, start, end, day.plusDays(1), day);
    }

    private TallyQuery add(Term term, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return this;
        }
        MonthSplit split = MonthSplit.of(from, to);
        if (split.tallyFrom() != null) {
            parts.add("SELECT " + label(term.label()) + " AS label, " + (term.byMonth() ? String.format(MONTH_OF, "t.month") : "t.dim")
                    + " AS dim, " + term.sign() + " * t.n AS n FROM dashboard_tally t WHERE " + tallyScope(parameters)
                    + " AND t.measure = '" + term.measure().name() + "' AND t.month BETWEEN ? AND ?");
            parameters.add(Date.valueOf(split.tallyFrom()));
            parameters.add(Date.valueOf(split.tallyTo()));
        }
        for (MonthSplit.Days days : split.days()) {
            edge(days.sign() > 0 ? term : new Term(term.label(), term.measure(), -term.sign(), term.byMonth()), days.from(), days.to());
        }
        return this;
    }

    /** A figure's name as SQL text (a constant of this class's callers, never user input). */
    private static String label(String label) {
        return "CONVERT('" + label + "' USING utf8mb4) COLLATE utf8mb4_bin";
    }

    private void edge(Term term, LocalDate from, LocalDate to) {
        edges.computeIfAbsent(new Edge(term.measure().dayColumn, from, to), e -> new ArrayList<>()).add(term);
    }

    /** The statement and its values, in order. */
    record Statement(String sql, List<Object> values) {
    }

    /** Runs the statement: label, then group, then the count (groups that add up to zero left out). */
    Map<String, Map<String, Long>> run(EntityManager em) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        Statement statement = statement();
        if (statement == null) {
            return counts;
        }
        Query query = em.createNativeQuery(statement.sql());
        for (int i = 0; i < statement.values().size(); i++) {
            query.setParameter(i + 1, statement.values().get(i));
        }
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            counts.computeIfAbsent((String) columns[0], label -> new HashMap<>())
                    .put((String) columns[1], ((Number) columns[2]).longValue());
        }
        return counts;
    }

    /** The one statement of every figure added so far (null if none). */
    Statement statement() {
        List<String> all = new ArrayList<>(parts);
        List<Object> values = new ArrayList<>(parameters);
        for (Map.Entry<Edge, List<Term>> edge : edges.entrySet()) {
            List<Term> terms = edge.getValue();
            StringBuilder dims = new StringBuilder("CASE k.term");
            StringBuilder keys = new StringBuilder();
            for (int i = 0; i < terms.size(); i++) {
                Term term = terms.get(i);
                dims.append(" WHEN ").append(i).append(" THEN ")
                        .append(term.byMonth() ? String.format(MONTH_OF, "f." + edge.getKey().dayColumn()) : term.measure().dimSql());
                keys.append(i == 0 ? "SELECT " : " UNION ALL SELECT ").append(i).append(" AS term, ").append(label(term.label()))
                        .append(" AS label, ").append(term.sign()).append(" AS sign");
            }
            dims.append(" END");
            all.add("SELECT k.label, " + dims + " AS dim, k.sign AS n FROM case_fact f JOIN (" + keys + ") k"
                    + " WHERE f." + edge.getKey().dayColumn() + " BETWEEN ? AND ?" + factScope(values));
            values.add(values.size() - countScope(), Date.valueOf(edge.getKey().from()));
            values.add(values.size() - countScope(), Date.valueOf(edge.getKey().to()));
        }
        if (all.isEmpty()) {
            return null;
        }
        return new Statement("SELECT x.label, x.dim, SUM(x.n) FROM (" + String.join(" UNION ALL ", all)
                + ") x WHERE x.dim IS NOT NULL GROUP BY x.label, x.dim HAVING SUM(x.n) <> 0", values);
    }

    /**
     * The tally's rows of the scope: each case is counted under the fund, its partner, its funder, its
     * grant, and its partner with its grant (see {@link DashboardReadModel#scopes}). A grant comes with its
     * funder (the service adds it), so the scope is a prefix of the tally's key.
     */
    private String tallyScope(List<Object> values) {
        values.add(scope.partner());
        String partner = "t.partner_id = ?";
        if (scope.grant() > 0) {
            values.add(scope.grant());
            if (scope.funder() > 0) {
                values.add(scope.funder());
                return partner + " AND t.grant_id = ? AND t.funder_id = ?";
            }
            return partner + " AND t.grant_id = ?";
        }
        if (scope.funder() > 0) {
            values.add(scope.funder());
            return partner + " AND t.funder_id = ?" + (scope.partner() > 0 ? " AND t.grant_id <> 0" : " AND t.grant_id = 0");
        }
        return partner + " AND t.funder_id = 0 AND t.grant_id = 0";
    }

    /** The conditions on {@code case_fact f} of the scope; their values are added to {@code values}. */
    private String factScope(List<Object> values) {
        StringBuilder where = new StringBuilder();
        if (scope.partner() > 0) {
            where.append(" AND f.partner_id = ?");
            values.add(scope.partner());
        }
        if (scope.funder() > 0) {
            where.append(" AND f.funder_id = ?");
            values.add(scope.funder());
        }
        if (scope.grant() > 0) {
            where.append(" AND f.grant_id = ?");
            values.add(scope.grant());
        }
        return where.toString();
    }

    private int countScope() {
        return (scope.partner() > 0 ? 1 : 0) + (scope.funder() > 0 ? 1 : 0) + (scope.grant() > 0 ? 1 : 0);
    }
}
