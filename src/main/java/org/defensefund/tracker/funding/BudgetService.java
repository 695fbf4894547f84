package org.defensefund.tracker.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
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

    private static final String COSTS = "SELECT c.sub_award_id, s.grant_id,"
            + " SUM(CASE WHEN c.status <> 'REJECTED' THEN c.amount ELSE 0 END) AS committed,"
            + " SUM(CASE WHEN c.status = 'APPROVED' THEN c.amount ELSE 0 END) AS approved"
            + " FROM case_cost c JOIN sub_award s ON s.id = c.sub_award_id WHERE c.cost_date BETWEEN ? AND ?";
    private static final String PAID = "SELECT d.sub_award_id, s.grant_id, SUM(d.amount) AS paid"
            + " FROM disbursement d JOIN sub_award s ON s.id = d.sub_award_id WHERE d.status = 'PAID' AND d.paid_date BETWEEN ? AND ?";
    private static final String FUNDED = "SELECT x.case_id, x.sub_award_id, s.grant_id FROM"
            + " (SELECT case_id, sub_award_id FROM case_charge UNION SELECT case_id, sub_award_id FROM case_cost WHERE status = 'APPROVED') x"
            + " JOIN sub_award s ON s.id = x.sub_award_id";

    private static final String SUB_AWARD_FIGURES = "SELECT s.id, s.amount, s.amount, COALESCE(c.committed, 0), COALESCE(c.approved, 0),"
            + " COALESCE(d.paid, 0), COALESCE(n.cases, 0), s.period_start, s.period_end"
            + " FROM sub_award s"
            + " LEFT JOIN (" + COSTS + " GROUP BY c.sub_award_id, s.grant_id) c ON c.sub_award_id = s.id"
            + " LEFT JOIN (" + PAID + " GROUP BY d.sub_award_id, s.grant_id) d ON d.sub_award_id = s.id"
            + " LEFT JOIN (SELECT f.sub_award_id, COUNT(DISTINCT f.case_id) AS cases FROM (" + FUNDED + ") f GROUP BY f.sub_award_id) n"
            + " ON n.sub_award_id = s.id"
            + " WHERE (? = 0 OR s.grant_id = ?) AND (? = 0 OR s.partner_id = ?) AND (? = 0 OR s.id = ?)"
            + " ORDER BY s.period_start, s.id";

    private static final String GRANT_FIGURES = "SELECT g.id, g.amount, COALESCE(a.allocated, 0), COALESCE(c.committed, 0),"
            + " COALESCE(c.approved, 0), COALESCE(d.paid, 0), COALESCE(n.cases, 0), g.period_start, g.period_end"
            + " FROM grant_award g"
            + " LEFT JOIN (SELECT grant_id, SUM(amount) AS allocated FROM sub_award GROUP BY grant_id) a ON a.grant_id = g.id"
            + " LEFT JOIN (SELECT t.grant_id, SUM(t.committed) AS committed, SUM(t.approved) AS approved FROM (" + COSTS
            + " GROUP BY c.sub_award_id, s.grant_id) t GROUP BY t.grant_id) c ON c.grant_id = g.id"
            + " LEFT JOIN (SELECT t.grant_id, SUM(t.paid) AS paid FROM (" + PAID + " GROUP BY d.sub_award_id, s.grant_id) t"
            + " GROUP BY t.grant_id) d ON d.grant_id = g.id"
            + " LEFT JOIN (SELECT f.grant_id, COUNT(DISTINCT f.case_id) AS cases FROM (" + FUNDED + ") f GROUP BY f.grant_id) n"
            + " ON n.grant_id = g.id"
            + " WHERE (? = 0 OR g.funder_id = ?) AND (? = 0 OR g.id = ?)"
            + " ORDER BY g.period_start, g.id";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private GrantService grants;

    @Inject
    private Settings settings;

    /** Figures of one grant, for the period (null dates: no limit). */
    public BudgetFigures grant(Long grantId, LocalDate from, LocalDate to) {
        grants.find(grantId);
        return grantRows(0L, grantId, from, to).values().iterator().next();
    }

    /** Figures of every grant the caller may read (all, or their funder's), by grant id. */
    public Map<Long, BudgetFigures> grants() {
        if (currentUser.isAdmin()) {
            return grantRows(0L, 0L, null, null);
        }
        if (currentUser.isFunder()) {
            return grantRows(currentUser.funderId().orElse(-1L), 0L, null, null);
        }
        throw new AccessDeniedException("caller may not read grant figures");
    }

    /** Figures of each sub-award of a grant, for the period, by sub-award id. */
    public Map<Long, BudgetFigures> subAwardsOfGrant(Long grantId, LocalDate from, LocalDate to) {
        grants.find(grantId);
        return subAwardRows(grantId, 0L, 0L, from, to);
    }

    /** Figures of one sub-award, for the period. */
    public BudgetFigures subAward(Long subAwardId, LocalDate from, LocalDate to) {
        grants.findSubAward(subAwardId);
        return subAwardRows(0L, 0L, subAwardId, from, to).values().iterator().next();
    }

    /** Figures of the signed-in partner staff member's own sub-awards. */
    public Map<Long, BudgetFigures> ownSubAwards() {
        if (!currentUser.isPartnerStaff()) {
            throw new AccessDeniedException("only partner staff have sub-awards of their own");
        }
        return subAwardRows(0L, currentUser.partnerId().orElse(-1L), 0L, null, null);
    }

    /**
     * Sub-awards whose approved costs reached the alert percentage (default 90, setting
     * {@code tracker.budget.alert.percent}), with their figures; for the administrator's home page.
     */
    public List<BudgetAlert> alerts() {
        currentUser.requireAdmin("read budget alerts");
        int percent = settings.budgetAlertPercent();
        Map<Long, BudgetFigures> all = subAwardRows(0L, 0L, 0L, null, null);
        List<Long> flagged = all.values().stream().filter(f -> f.reaches(percent)).map(BudgetFigures::id).toList();
        if (flagged.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select s from SubAward s where s.id in :ids order by s.id", SubAward.class)
                .setParameter("ids", flagged).getResultList().stream()
                .map(s -> new BudgetAlert(s, all.get(s.getId()))).toList();
    }

    public int alertPercent() {
        return settings.budgetAlertPercent();
    }

    private Map<Long, BudgetFigures> grantRows(Long funderId, Long grantId, LocalDate from, LocalDate to) {
        Object[] period = period(from, to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(GRANT_FIGURES)
                .setParameter(1, period[0]).setParameter(2, period[1])
                .setParameter(3, period[0]).setParameter(4, period[1])
                .setParameter(5, funderId).setParameter(6, funderId)
                .setParameter(7, grantId).setParameter(8, grantId)
                .getResultList();
        return figures(rows);
    }

    private Map<Long, BudgetFigures> subAwardRows(Long grantId, Long partnerId, Long subAwardId, LocalDate from, LocalDate to) {
        Object[] period = period(from, to);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SUB_AWARD_FIGURES)
                .setParameter(1, period[0]).setParameter(2, period[1])
                .setParameter(3, period[0]).setParameter(4, period[1])
                .setParameter(5, grantId).setParameter(6, grantId)
                .setParameter(7, partnerId).setParameter(8, partnerId)
                .setParameter(9, subAwardId).setParameter(10, subAwardId)
                .getResultList();
        return figures(rows);
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
