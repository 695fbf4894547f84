package org.defensefund.tracker.deadlines;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.defensefund.tracker.cases.CaseEventKind;
import org.defensefund.tracker.cases.CaseFacts;
import org.defensefund.tracker.cases.DeadlineStepTaken;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.list.ListQuery;

/**
 * The cases' deadlines: a case's own (on its page), the open ones of every case the caller reaches (the "Deadlines"
 * queue, by due date, from the {@code deadline} table and its indexes, never computed from the cases at read time),
 * marking one met or waiving it (a timeline entry of the case, {@link DeadlineStepTaken}), and the rules' periods
 * (administrators). The deadlines themselves are computed from the facts when the facts are recorded
 * ({@link DeadlineListener}); who reaches what is {@link DeadlineAccess}'s.
 */
@ApplicationScoped
@Transactional
public class DeadlineService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FundClock clock;

    @Inject
    private DeadlineAccess access;

    @Inject
    private Event<DeadlineStepTaken> steps;

    /** The deadlines of a case the caller may read, open ones first, each by due date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadlineView> ofCase(Long caseId) {
        CaseFacts facts = access.readableCase(caseId);
        boolean closable = access.mayClose(facts);
        Instant now = clock.now();
        LocalDate today = clock.today();
        return em.createQuery("select d from Deadline d where d.caseId = :case order by case when d.state = :open then 0 else 1 end, d.dueOn, d.id",
                        Deadline.class)
                .setParameter("case", caseId).setParameter("open", DeadlineState.OPEN).getResultList().stream()
                .map(d -> view(d, now, today, closable && d.isOpen())).toList();
    }

    /** A grant's report deadlines (administrators), by due date. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadlineView> ofGrant(Long grantId) {
        access.requireAdmin("read a grant's report deadlines");
        Instant now = clock.now();
        LocalDate today = clock.today();
        return em.createQuery("select d from Deadline d where d.grantId = :grant order by d.dueOn, d.id", Deadline.class)
                .setParameter("grant", grantId).getResultList().stream().map(d -> view(d, now, today, d.isOpen())).toList();
    }

    /**
     * A page of the open deadlines of every case the caller reaches (administrators: all, and the grants' reports; partner
     * staff: their organization's cases and the offers made to it), soonest due first, overdue ones flagged; an
     * administrator may ask for one partner's
     * ({@code partnerId}, null for all). One statement.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadlineView> queue(Long partnerId, int first, int size) {
        Optional<Long> partner = access.queueScope(partnerId);
        TypedQuery<Deadline> query = em.createQuery("select d from Deadline d where d.state = :open"
                        + (partner.isPresent() ? " and d.partnerId = :partner" : "") + " order by d.dueOn, d.id", Deadline.class)
                .setParameter("open", DeadlineState.OPEN)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, Math.min(size, 200)));
        partner.ifPresent(id -> query.setParameter("partner", id));
        Instant now = clock.now();
        LocalDate today = clock.today();
        return query.getResultList().stream().map(d -> view(d, now, today, false)).toList();
    }

    /** The most deadlines {@link #openCaseDeadlines} gives at once. */
    public static final int CALENDAR_LIMIT = 1_000;

    /**
     * The open deadlines of cases due from {@code from} to {@code to} (both inclusive), soonest first, at most {@code limit}
     * (never more than {@link #CALENDAR_LIMIT}), overdue ones flagged, in the queue's scope (administrators: every case's;
     * partner staff: their organization's cases and the offers made to it; refused to the others); no grant's report.
     * A calendar keeps those of the cases whose details the caller sees. One statement.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadlineView> openCaseDeadlines(LocalDate from, LocalDate to, int limit) {
        Optional<Long> partner = access.queueScope(null);
        TypedQuery<Deadline> query = em.createQuery("select d from Deadline d where d.state = :open and d.caseId is not null"
                        + " and d.dueOn between :from and :to" + (partner.isPresent() ? " and d.partnerId = :partner" : "")
                        + " order by d.dueOn, d.id", Deadline.class)
                .setParameter("open", DeadlineState.OPEN).setParameter("from", from).setParameter("to", to)
                .setMaxResults(Math.max(1, Math.min(limit, CALENDAR_LIMIT)));
        partner.ifPresent(id -> query.setParameter("partner", id));
        Instant now = clock.now();
        LocalDate today = clock.today();
        return query.getResultList().stream().map(d -> view(d, now, today, false)).toList();
    }

    /** How many open deadlines the queue holds, counted up to {@link ListQuery#COUNT_LIMIT} + 1, as every list (more is "10,000+"). One statement. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long queueCount(Long partnerId) {
        Optional<Long> partner = access.queueScope(partnerId);
        var query = em.createNativeQuery("SELECT COUNT(*) FROM (SELECT 1 FROM deadline WHERE state = 'OPEN'"
                + (partner.isPresent() ? " AND partner_id = ?1" : "") + " LIMIT " + (ListQuery.COUNT_LIMIT + 1) + ") t");
        partner.ifPresent(id -> query.setParameter(1, id));
        return ((Number) query.getSingleResult()).longValue();
    }

    /**
     * The open deadlines of the caller's queue (as {@link #queue}: administrators every case's and the grants' reports,
     * partner staff their organization's cases and the offers made to it) of the rules asked for, due from {@code from}
     * to {@code to} (days in the fund's zone), soonest first, at most {@value #DUE_MOST}: what the reminders tell. One
     * statement.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadlineView> dueBetween(LocalDate from, LocalDate to, java.util.Set<DeadlineRule> rules) {
        Optional<Long> partner = access.queueScope(null);
        if (rules == null || rules.isEmpty() || from == null || to == null || to.isBefore(from)) {
            return List.of();
        }
        TypedQuery<Deadline> query = em.createQuery("select d from Deadline d where d.state = :open and d.dueOn between :from and :to"
                        + " and d.rule in :rules" + (partner.isPresent() ? " and d.partnerId = :partner" : "") + " order by d.dueOn, d.id", Deadline.class)
                .setParameter("open", DeadlineState.OPEN).setParameter("from", from).setParameter("to", to).setParameter("rules", rules)
                .setMaxResults(DUE_MOST);
        partner.ifPresent(id -> query.setParameter("partner", id));
        Instant now = clock.now();
        LocalDate today = clock.today();
        return query.getResultList().stream().map(d -> view(d, now, today, false)).toList();
    }

    /** The most deadlines {@link #dueBetween} answers. */
    public static final int DUE_MOST = 500;

    /** Marks an open deadline met (the filing was made), with an optional note; on the case's timeline. */
    public Deadline meet(Long deadlineId, long readVersion, String note) {
        Deadline deadline = closable(deadlineId, readVersion);
        deadline.meet(note, access.actor(), clock.now());
        onTimeline(deadline, CaseEventKind.DEADLINE_MET);
        em.flush();
        return deadline;
    }

    /** Waives an open deadline, with the reason it no longer applies; on the case's timeline. */
    public Deadline waive(Long deadlineId, long readVersion, String reason) {
        Deadline deadline = closable(deadlineId, readVersion);
        deadline.waive(reason, access.actor(), clock.now());
        onTimeline(deadline, CaseEventKind.DEADLINE_WAIVED);
        em.flush();
        return deadline;
    }

    /** The rules' periods in force (administrators): the rules that keep one ({@link DeadlineRule#hasPeriod}). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadlineRulePeriod> periods() {
        access.requireAdmin("read the deadline rules");
        return em.createQuery("select p from DeadlineRulePeriod p", DeadlineRulePeriod.class).getResultList().stream()
                .sorted(java.util.Comparator.comparing(DeadlineRulePeriod::getRule)).toList();
    }

    /**
     * Changes a rule's period (administrators); the open deadlines of the rule are due again by the new period, met and
     * waived ones keep their dates.
     */
    public DeadlineRulePeriod setPeriod(DeadlineRule rule, long readVersion, int days) {
        access.requireAdmin("change a deadline rule");
        DeadlineRulePeriod period = em.find(DeadlineRulePeriod.class, rule);
        if (period == null) {
            throw new RecordNotFoundException("DeadlineRulePeriod", rule);
        }
        if (period.getVersion() != readVersion) {
            throw new ConcurrentEditException();
        }
        period.change(days, access.actor(), clock.now());
        em.createQuery("select d from Deadline d where d.rule = :rule and d.state = :open", Deadline.class)
                .setParameter("rule", rule).setParameter("open", DeadlineState.OPEN).getResultList()
                .forEach(d -> d.reschedule(rule.dueOn(d.getTriggeredOn(), days)));
        em.flush();
        return period;
    }

    private Deadline closable(Long deadlineId, long readVersion) {
        Deadline deadline = deadlineId == null ? null : em.find(Deadline.class, deadlineId);
        if (deadline == null) {
            throw new RecordNotFoundException("Deadline", deadlineId);
        }
        if (deadline.getGrantId() != null) {
            access.requireAdmin("close a grant's report deadline");
        } else {
            access.requireClose(deadline.getCaseId());
        }
        if (deadline.getVersion() != readVersion) {
            throw new ConcurrentEditException();
        }
        return deadline;
    }

    /** A case's deadline met or waived is on its timeline (a grant's is in the audit trail only). */
    private void onTimeline(Deadline deadline, CaseEventKind kind) {
        if (deadline.getCaseId() != null) {
            steps.fire(new DeadlineStepTaken(deadline.getCaseId(), kind, deadline.getRule().name(), deadline.getReason()));
        }
    }

    private static DeadlineView view(Deadline deadline, Instant now, LocalDate today, boolean closable) {
        return new DeadlineView(deadline, deadline.isOverdue(now, today), ChronoUnit.DAYS.between(today, deadline.getDueOn()), closable);
    }
}
