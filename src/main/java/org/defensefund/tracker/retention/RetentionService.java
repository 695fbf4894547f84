package org.defensefund.tracker.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.pii.ClientTextKeys;

/**
 * Retention of clients' personal data, for administrators only: the fund-wide rule ({@link RetentionRule}), legal holds
 * ({@link LegalHold}), the list of clients past the rule, and the erasure of those not held ({@link #eraseDue}, which the
 * daily {@link RetentionSchedule} runs as the system). Every erasure goes through {@link ClientErasure}.
 */
@ApplicationScoped
@Transactional
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class.getName());

    /** The most clients the page lists, and the job erases per round. */
    static final int BATCH = 500;

    /** A case has ended when it is closed or was found ineligible; its day is when that happened. */
    private static final String DUE = "SELECT c.id, MAX(DATE(COALESCE(lc.closed_at, lc.screened_at, lc.updated_at))) AS ended,"
            + " GROUP_CONCAT(lc.case_number ORDER BY lc.id SEPARATOR ', '),"
            + " EXISTS (SELECT 1 FROM legal_hold h WHERE h.client_id = c.id AND h.lifted_at IS NULL) AS held"
            + " FROM client c JOIN legal_case lc ON lc.client_id = c.id"
            + " WHERE c.erased_at IS NULL"
            + " GROUP BY c.id"
            + " HAVING SUM(lc.status NOT IN ('CLOSED', 'INELIGIBLE')) = 0 AND ended < ?1";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private CallerContext caller;

    @Inject
    private FundClock clock;

    @Inject
    private ClientErasure erasure;

    /** To read the holds' clients' keys in one statement (their reasons are sealed under them). */
    @Inject
    private ClientTextKeys clientKeys;

    /** The rule in force. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RetentionRule rule() {
        currentUser.requireAdmin("read the retention rule");
        return em.find(RetentionRule.class, 1);
    }

    /** Changes the number of years; the second of two administrators editing at once is told. */
    public RetentionRule changeRule(int years, long version) {
        currentUser.requireAdmin("change the retention rule");
        RetentionRule rule = em.find(RetentionRule.class, 1, LockModeType.PESSIMISTIC_WRITE);
        if (rule.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        rule.change(years, actor(), clock.now());
        em.flush();
        return rule;
    }

    /**
     * Places a legal hold on the client of a case (the number an administrator has at hand); refused when the case is
     * unknown, the client was erased, or a hold is in force already.
     */
    public LegalHold placeHold(String caseNumber, String reason) {
        currentUser.requireAdmin("place legal holds");
        String number = caseNumber == null ? "" : caseNumber.strip();
        List<?> clients = number.isEmpty() ? List.of() : em.createNativeQuery("SELECT client_id FROM legal_case WHERE case_number = ?1")
                .setParameter(1, number).getResultList();
        if (clients.isEmpty()) {
            throw new BusinessException("retention.hold.caseUnknown", "caseNumber", number);
        }
        long clientId = ((Number) clients.get(0)).longValue();
        List<?> erased = em.createNativeQuery("SELECT erased_at FROM client WHERE id = ?1 FOR UPDATE").setParameter(1, clientId).getResultList();
        if (erased.get(0) != null) {
            throw new BusinessException("retention.hold.erased", "caseNumber");
        }
        if (erasure.isHeld(clientId)) {
            throw new BusinessException("retention.hold.exists", "caseNumber");
        }
        LegalHold hold = new LegalHold(clientId, reason, actor(), clock.now());
        em.persist(hold);
        em.flush();
        return hold;
    }

    /** Lifts a hold with a reason; the second of two administrators lifting at once is told. */
    public LegalHold liftHold(long holdId, long version, String reason) {
        currentUser.requireAdmin("lift legal holds");
        LegalHold hold = em.find(LegalHold.class, holdId, LockModeType.PESSIMISTIC_WRITE);
        if (hold == null) {
            throw new RecordNotFoundException("LegalHold", holdId);
        }
        if (hold.getVersion() != version) {
            throw new ConcurrentEditException();
        }
        hold.lift(reason, actor(), clock.now());
        em.flush();
        return hold;
    }

    /** The holds in force, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HeldClient> holds() {
        currentUser.requireAdmin("read legal holds");
        List<LegalHold> holds = em.createQuery("select h from LegalHold h where h.liftedAt is null order by h.placedAt, h.id",
                LegalHold.class).getResultList();
        clientKeys.readableKeys(holds.stream().map(LegalHold::getClientId).toList());
        List<HeldClient> held = new ArrayList<>(holds.size());
        for (LegalHold hold : holds) {
            held.add(new HeldClient(hold, caseNumbers(hold.getClientId())));
        }
        return held;
    }

    /** A client's legal holds, the latest first (in force or lifted). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LegalHold> holdsOf(long clientId) {
        currentUser.requireAdmin("read legal holds");
        return em.createQuery("select h from LegalHold h where h.clientId = :client order by h.placedAt desc, h.id desc", LegalHold.class)
                .setParameter("client", clientId).getResultList();
    }

    /** The clients past the rule today (held ones included, marked), the longest ended first, at most {@value #BATCH}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RetentionDue> due() {
        currentUser.requireAdmin("read what retention erases");
        return dueOn(clock.today(), false);
    }

    /**
     * Erases every client past the rule who is not held, each in a transaction of its own (an interruption leaves the
     * erased ones erased, and the next run takes the rest). Run daily by {@link RetentionSchedule}.
     *
     * @return how many clients were erased
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public int eraseDue() {
        currentUser.requireAdmin("erase what retention says");
        LocalDate today = clock.today();
        int erased = 0;
        while (true) {
            List<RetentionDue> round = dueOn(today, true);
            int before = erased;
            for (RetentionDue due : round) {
                try {
                    if (erasure.erase(due.clientId(), "RETENTION")) {
                        erased++;
                    }
                } catch (BusinessException heldMeanwhile) {
                    LOG.info(() -> "Retention: client " + due.clientId() + " was held meanwhile; left");
                }
            }
            if (round.size() < BATCH || erased == before) {
                return erased;
            }
        }
    }

    private List<RetentionDue> dueOn(LocalDate today, boolean withoutHeld) {
        RetentionRule rule = em.find(RetentionRule.class, 1);
        String sql = DUE + (withoutHeld ? " AND held = 0" : "") + " ORDER BY ended, c.id LIMIT " + BATCH;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, Date.valueOf(rule.endedBefore(today))).getResultList();
        List<RetentionDue> due = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            due.add(new RetentionDue(((Number) row[0]).longValue(), (String) row[2], day(row[1]), truthy(row[3])));
        }
        return due;
    }

    private String caseNumbers(long clientId) {
        Object numbers = em.createNativeQuery("SELECT GROUP_CONCAT(case_number ORDER BY id SEPARATOR ', ') FROM legal_case WHERE client_id = ?1")
                .setParameter(1, clientId).getSingleResult();
        return numbers == null ? "" : numbers.toString();
    }

    private String actor() {
        return caller.callerName().orElse(CallerContext.SYSTEM);
    }

    private static LocalDate day(Object column) {
        return column instanceof Date date ? date.toLocalDate() : column instanceof LocalDate local ? local : LocalDate.parse(column.toString());
    }

    private static boolean truthy(Object column) {
        return column instanceof Boolean bool ? bool : column instanceof Number number && number.intValue() != 0;
    }
}
