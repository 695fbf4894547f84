package org.defensefund.tracker.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;

/**
 * The money views: per grant and per sub-award, awarded, allocated, committed, approved, paid, remaining
 * and cases funded, each added up by MariaDB in one statement ({@link BudgetFigures}), optionally for a
 * period of cost and payment dates. Administrators see every figure; a funder user the figures of their
 * own funder's grants (money and counts, no case or client); partner staff their own sub-awards.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BudgetService {

    /** The widest period: no limit on cost and payment dates. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /*
     * Each figure is summed inside a derived table that starts from the sub-awards in scope (the %1$s
     * condition on "s"), so one grant's or one partner's figures read that grant's or that partner's rows
     * through their sub-award indexes, never every cost of the fund.
     */
    private static final String COSTS = "SELECT c.sub_award_id,"
            + " SUM(CASE WHEN c.status <> 'REJECTED' THEN c.amount ELSE 0 END) AS committed,"
            + " SUM(CASE WHEN c.status = 'APPROVED' THEN c.amount ELSE 0 END) AS approved"
            + " FROM sub_award s JOIN case_cost c ON c.sub_award_id = s.id WHERE c.cost_date BETWEEN ? AND ?%1$s GROUP BY c.sub_award_id";
    private static final String PAID = "SELECT d.sub_award_id, SUM(d.amount) AS paid"
            + " FROM sub_award s JOIN disbursement d ON d.sub_award_id = s.id WHERE d.status = 'PAID' AND d.paid_date BETWEEN ? AND ?%1$s"
            + " GROUP BY d.sub_award_id";
    /** The cases a sub-award funds: charged to it, or with an approved cost on it. */
    private static final String FUNDED = "SELECT ch.case_id, ch.sub_award_id, s.grant_id FROM sub_award s JOIN case_charge ch"
            + " ON ch.sub_award_id = s.id WHERE 1 = 1%1$s"
            + " UNION SELECT k.case_id, k.sub_award_id, s.grant_id FROM sub_award s JOIN case_cost k ON k.sub_award_id = s.id"
            + " WHERE k.status = 'APPROVED'%1$s";

    private static final String SUB_AWARD_FIGURES = "SELECT s.id, s.amount, s.amount, COALESCE(c.committed, 0), COALESCE(c.approved, 0),"
            + " COALESCE(d.paid, 0), COALESCE(n.cases, 0), s.period_start, s.period_end"
            + " FROM sub_award s"
            + " LEFT JOIN (" + COSTS + ") c ON c.sub_award_id = s.id"
            + " LEFT JOIN (" + PAID + ") d ON d.sub_award_id = s.id"
            + " LEFT JOIN (SELECT f.sub_award_id, COUNT(DISTINCT f.case_id) AS cases FROM (" + FUNDED + ") f GROUP BY f.sub_award_id) n"
            + " ON n.sub_award_id = s.id"
            + " WHERE 1 = 1%1$s ORDER BY s.period_start, s.id";

    private static final String GRANT_FIGURES = "SELECT g.id, g.amount, COALESCE(a.allocated, 0), COALESCE(c.committed, 0),"
            + " COALESCE(c.approved, 0), COALESCE(d.paid, 0), COALESCE(n.cases, 0), g.period_start, g.period_end"
            + " FROM grant_award g"
            + " LEFT JOIN (SELECT s.grant_id, SUM(s.amount) AS allocated FROM sub_award s WHERE 1 = 1%1$s GROUP BY s.grant_id) a ON a.grant_id = g.id"
            + " LEFT JOIN (SELECT s.grant_id, SUM(t.committed) AS committed, SUM(t.approved) AS approved FROM (" + COSTS
            + ") t JOIN sub_award s ON s.id = t.sub_award_id GROUP BY s.grant_id) c ON c.grant_id = g.id"
            + " LEFT JOIN (SELECT s.grant_id, SUM(t.paid) AS paid FROM (" + PAID + ") t JOIN sub_award s ON s.id = t.sub_award_id"
            + " GROUP BY s.grant_id) d ON d.grant_id = g.id"
            + " LEFT JOIN (SELECT f.grant_id, COUNT(DISTINCT f.case_id) AS cases FROM (" + FUNDED + ") f GROUP BY f.grant_id) n"
            + " ON n.grant_id = g.id"
            + " WHERE 1 = 1%2$s ORDER BY g.period_start, g.id";

    /**
     * Current sub-awards whose approved costs (all of them, added up from the money read model) reach the
     * alert share: id, amount, approved.
     */
    private static final String AT_ALERT = "SELECT s.id, s.amount, COALESCE(t.approved, 0) FROM sub_award s LEFT JOIN"
            + " (SELECT sub_award_id, SUM(amount) AS approved FROM spend_tally WHERE kind = 'APPROVED' GROUP BY sub_award_id) t"
            + " ON t.sub_award_id = s.id WHERE ? BETWEEN s.period_start AND s.period_end AND COALESCE(t.approved, 0) * 100 >= s.amount * ?";

    @Inject
    private FundClock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FundingAccess access;

    @Inject
    private Settings settings;

    /** Figures of one grant, for the period (null dates: no limit). */
    public BudgetFigures grant(Long grantId, LocalDate from, LocalDate to) {
        Grant grant = access.readableGrant(grantId);
        return grantRows(0L, grant.getId(), from, to).values().iterator().next();
    }

    /** Figures of every grant the caller may read (all, or their funder's), by grant id. */
    public Map<Long, BudgetFigures> grants() {
        return grantRows(access.listedFunder().orElse(null), 0L, null, null);
    }

    /** Figures of each sub-award of a grant, for the period, by sub-award id. */
    public Map<Long, BudgetFigures> subAwardsOfGrant(Long grantId, LocalDate from, LocalDate to) {
        Grant grant = access.readableGrant(grantId);
        return subAwardRows(grant.getId(), 0L, 0L, from, to);
    }

    /** Figures of one sub-award, for the period. */
    public BudgetFigures subAward(Long subAwardId, LocalDate from, LocalDate to) {
        SubAward subAward = access.readableSubAward(subAwardId);
        return subAwardRows(0L, 0L, subAward.getId(), from, to).values().iterator().next();
    }

    /** Figures of the signed-in partner staff member's own sub-awards. */
    public Map<Long, BudgetFigures> ownSubAwards() {
        return subAwardRows(0L, access.ownPartner(), 0L, null, null);
    }

    /**
     * Current sub-awards (their period includes today) whose approved costs reached the alert percentage
     * (default 90, setting {@code tracker.budget.alert.percent}); for the administrator's home page.
     */
    public List<BudgetAlert> alerts() {
        access.requireManager("read budget alerts");
        int percent = settings.budgetAlertPercent();
        Map<Long, Object[]> flagged = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery(AT_ALERT).setParameter(1, Date.valueOf(clock.today()))
                .setParameter(2, percent).getResultList()) {
            Object[] columns = (Object[]) row;
            flagged.put(((Number) columns[0]).longValue(), columns);
        }
        if (flagged.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select s from SubAward s where s.id in :ids order by s.id", SubAward.class)
                .setParameter("ids", List.copyOf(flagged.keySet())).getResultList().stream()
                .map(s -> new BudgetAlert(s, money(flagged.get(s.getId())[1]), money(flagged.get(s.getId())[2]))).toList();
    }

    public int alertPercent() {
        return settings.budgetAlertPercent();
    }

    /** Sub-awards in scope: a condition on {@code s} (the sub-award) and its values. */
    private record Scope(String condition, List<Object> values) {

        static Scope of(String column, Long id) {
            return id == null || id == 0L ? new Scope("", List.of()) : new Scope(" AND " + column + " = ?", List.of(id));
        }

        Scope and(Scope other) {
            List<Object> both = new ArrayList<>(values);
            both.addAll(other.values);
            return new Scope(condition + other.condition, both);
        }
    }

    private Map<Long, BudgetFigures> grantRows(Long funderId, Long grantId, LocalDate from, LocalDate to) {
        Object[] period = period(from, to);
        Scope grant = Scope.of("g.id", grantId).and(Scope.of("g.funder_id", funderId));
        Scope subAwards = Scope.of("s.grant_id", grantId).and(funderId == null || funderId == 0L ? new Scope("", List.of())
                : new Scope(" AND s.grant_id IN (SELECT f.id FROM grant_award f WHERE f.funder_id = ?)", List.of(funderId)));
        List<Object> values = new ArrayList<>(subAwards.values());
        addAll(values, period, subAwards);
        addAll(values, period, subAwards);
        values.addAll(subAwards.values());
        values.addAll(subAwards.values());
        values.addAll(grant.values());
        return figures(run(String.format(GRANT_FIGURES, subAwards.condition(), grant.condition()), values));
    }

    private Map<Long, BudgetFigures> subAwardRows(Long grantId, Long partnerId, Long subAwardId, LocalDate from, LocalDate to) {
        return subAwardRows(Scope.of("s.grant_id", grantId).and(Scope.of("s.partner_id", partnerId)).and(Scope.of("s.id", subAwardId)),
                from, to);
    }

    private Map<Long, BudgetFigures> subAwardRows(Scope scope, LocalDate from, LocalDate to) {
        Object[] period = period(from, to);
        List<Object> values = new ArrayList<>();
        addAll(values, period, scope);
        addAll(values, period, scope);
        values.addAll(scope.values());
        values.addAll(scope.values());
        values.addAll(scope.values());
        return figures(run(String.format(SUB_AWARD_FIGURES, scope.condition()), values));
    }

    private static void addAll(List<Object> values, Object[] period, Scope scope) {
        values.add(period[0]);
        values.add(period[1]);
        values.addAll(scope.values());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> run(String sql, List<Object> values) {
        jakarta.persistence.Query query = em.createNativeQuery(sql);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query.getResultList();
    }

    private static Object[] period(LocalDate from, LocalDate to) {
        LocalDate start = from == null ? EARLIEST : from;
        LocalDate end = to == null ? LATEST : to;
        if (end.isBefore(start)) {
            throw new BusinessException("period.endBeforeStart", "to");
        }
        return new Object[] {Date.valueOf(start), Date.valueOf(end)};
    }

    private static Map<Long, BudgetFigures> figures(List<Object[]> rows) {
        Map<Long, BudgetFigures> byId = new LinkedHashMap<>();
        for (Object[] row : rows) {
            BudgetFigures figures = new BudgetFigures(((Number) row[0]).longValue(), money(row[1]), money(row[2]), money(row[3]),
                    money(row[4]), money(row[5]), ((Number) row[6]).longValue(), date(row[7]), date(row[8]));
            byId.put(figures.id(), figures);
        }
        return byId;
    }

    private static BigDecimal money(Object value) {
        return value instanceof BigDecimal decimal ? decimal.setScale(2) : new BigDecimal(value.toString()).setScale(2);
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
