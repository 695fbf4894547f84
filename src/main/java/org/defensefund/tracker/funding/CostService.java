package org.defensefund.tracker.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.enterprise.event.Event;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.cases.CaseFacts;
import org.defensefund.tracker.cases.CaseFactsService;
import org.defensefund.tracker.cases.FundingStepTaken;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.list.ListSpec.Match;
import org.defensefund.tracker.shared.list.ListSpec;

/**
 * Costs of cases and their payment. Partner staff (and administrators) record costs against a case of
 * theirs that is charged to a sub-award; the grant's excluded uses and maximum per case are checked then.
 * Administrators approve or reject them; approval schedules a {@link Disbursement}, later marked paid.
 * Approved costs never add up to more than the sub-award unless an administrator overrides with a reason,
 * which is marked on the cost and written on the case's timeline; the check runs with the sub-award's row
 * locked, so two approvals at once can't both slip under the limit.
 */
@ApplicationScoped
@Transactional
public class CostService {

    private static final ListSpec<CaseCost> QUEUE = new ListSpec<>(CaseCost.class,
            Map.of("status", Match.EQUALS, "subAward.partnerId", Match.EQUALS),
            Set.of("submittedAt", "costDate", "amount", "category"),
            "submittedAt");

    private static final ListSpec<Disbursement> PAYMENTS = new ListSpec<>(Disbursement.class,
            Map.of("status", Match.EQUALS, "subAward.partnerId", Match.EQUALS),
            Set.of("scheduledDate", "paidDate", "amount"),
            "scheduledDate");

    @Inject
    private FundClock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FundingAccess access;

    @Inject
    private CallerContext caller;

    @Inject
    private CaseFactsService caseFacts;

    @Inject
    private Event<FundingStepTaken> fundingSteps;

    @Inject
    private Validator validator;

    /** Records a cost against a charged case the caller may work on; it waits for an administrator. */
    public CaseCost record(Long caseId, CostEntry entry) {
        CaseFacts facts = access.caseForCosts(caseId);
        Set<ConstraintViolation<CostEntry>> violations = validator.validate(entry);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        requireParts(entry);
        CaseCharge charge = em.find(CaseCharge.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        if (charge == null) {
            throw BusinessException.general("cost.notCharged", facts.caseNumber());
        }
        SubAward subAward = charge.getSubAward();
        if (!subAward.covers(entry.getCostDate())) {
            throw new BusinessException("cost.date.outsidePeriod", "costDate", subAward.getPeriodStart(), subAward.getPeriodEnd());
        }
        BigDecimal onCase = em.createQuery("select coalesce(sum(c.amount), 0) from CaseCost c where c.caseId = :case"
                        + " and c.subAward.grant = :grant and c.status <> :rejected", BigDecimal.class)
                .setParameter("case", caseId).setParameter("grant", subAward.getGrant()).setParameter("rejected", CostStatus.REJECTED)
                .getSingleResult();
        List<RestrictionFailure> failed = subAward.getGrant().restrictions().checkCost(entry.getCategory(), entry.total(), onCase);
        if (!failed.isEmpty()) {
            throw new RestrictionException(failed.get(0).kind() == RestrictionKind.EXCLUDED_USE ? "category" : amountField(entry), failed);
        }
        CaseCost cost = new CaseCost(caseId, subAward, entry, actor());
        em.persist(cost);
        em.flush();
        return cost;
    }

    private static void requireParts(CostEntry entry) {
        if (entry.getCategory().isHourly()) {
            if (entry.getHours() == null) {
                throw new BusinessException("cost.hours.required", "hours");
            }
            if (entry.getRate() == null) {
                throw new BusinessException("cost.rate.required", "rate");
            }
        } else if (entry.getAmount() == null) {
            throw new BusinessException("money.required", "amount");
        }
    }

    private static String amountField(CostEntry entry) {
        return entry.getCategory().isHourly() ? "hours" : "amount";
    }

    /**
     * Approves a submitted cost read at its version and schedules its payment. Refused, with the excess,
     * when approved costs would exceed the sub-award, unless {@code override} is set with a reason.
     */
    public CaseCost approve(Long costId, long readVersion, LocalDate payOn, boolean override, String overrideReason) {
        access.requireManager("approve costs");
        CaseCost cost = submitted(costId, readVersion);
        SubAward subAward = em.find(SubAward.class, cost.getSubAward().getId(), LockModeType.PESSIMISTIC_WRITE);
        BigDecimal approved = em.createQuery("select coalesce(sum(c.amount), 0) from CaseCost c where c.subAward = :s and c.status = :approved", BigDecimal.class)
                .setParameter("s", subAward).setParameter("approved", CostStatus.APPROVED).getSingleResult();
        BigDecimal excess = approved.add(cost.getAmount()).subtract(subAward.getAmount());
        boolean beyond = excess.signum() > 0;
        if (beyond && !override) {
            throw new BusinessException("cost.exceedsSubAward", "override", excess);
        }
        if (beyond && (overrideReason == null || overrideReason.isBlank())) {
            throw new BusinessException("cost.override.reasonRequired", "overrideReason");
        }
        LocalDate today = clock.today();
        LocalDate scheduled = payOn == null ? today : payOn;
        if (scheduled.isBefore(today)) {
            throw new BusinessException("disbursement.scheduled.past", "payOn");
        }
        cost.decide(CostStatus.APPROVED, actor(), beyond ? overrideReason : null, beyond);
        em.persist(new Disbursement(cost, scheduled));
        em.flush();
        if (beyond) {
            fundingSteps.fire(FundingStepTaken.approvedBeyondBudget(cost.getCaseId(), cost.getAmount(), excess, overrideReason));
        }
        return cost;
    }

    /** Rejects a submitted cost read at its version, with the reason partner staff will read. */
    public CaseCost reject(Long costId, long readVersion, String reason) {
        access.requireManager("reject costs");
        if (reason == null || reason.isBlank()) {
            throw new BusinessException("cost.rejection.reasonRequired", "reason");
        }
        if (reason.trim().length() > 1000) {
            throw new BusinessException("cost.rejection.tooLong", "reason", 1000);
        }
        CaseCost cost = submitted(costId, readVersion);
        cost.decide(CostStatus.REJECTED, actor(), reason, false);
        em.flush();
        return cost;
    }

    private CaseCost submitted(Long costId, long readVersion) {
        CaseCost cost = costId == null ? null : em.find(CaseCost.class, costId, LockModeType.PESSIMISTIC_WRITE);
        if (cost == null) {
            throw new RecordNotFoundException("CaseCost", costId);
        }
        if (cost.getVersion() != readVersion) {
            throw new ConcurrentEditException();
        }
        if (cost.getStatus() != CostStatus.SUBMITTED) {
            throw BusinessException.general("cost.alreadyDecided", cost.getStatus());
        }
        return cost;
    }

    /** Marks a scheduled disbursement, read at its version, paid on a day that is not in the future. */
    public Disbursement markPaid(Long disbursementId, long readVersion, LocalDate paidOn, String reference) {
        access.requireManager("record payments");
        Disbursement disbursement = disbursementId == null ? null : em.find(Disbursement.class, disbursementId);
        if (disbursement == null) {
            throw new RecordNotFoundException("Disbursement", disbursementId);
        }
        if (disbursement.getVersion() != readVersion) {
            throw new ConcurrentEditException();
        }
        if (disbursement.getStatus() == DisbursementStatus.PAID) {
            throw BusinessException.general("disbursement.alreadyPaid");
        }
        if (paidOn == null) {
            throw new BusinessException("disbursement.paidOn.required", "paidOn");
        }
        if (paidOn.isAfter(clock.today())) {
            throw new BusinessException("disbursement.paidOn.future", "paidOn");
        }
        if (reference != null && reference.trim().length() > 100) {
            throw new BusinessException("disbursement.reference.tooLong", "reference", 100);
        }
        disbursement.paid(paidOn, reference);
        em.flush();
        return disbursement;
    }

    /** The costs of a case the caller may read, newest first, with their payments. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CostLine> ofCase(Long caseId) {
        CaseFacts facts = access.readableCase(caseId);
        List<CaseCost> costs = em.createQuery("select c from CaseCost c where c.caseId = :case order by c.costDate desc, c.id desc", CaseCost.class)
                .setParameter("case", facts.caseId()).getResultList();
        return lines(costs, Map.of(facts.caseId(), facts.caseNumber()));
    }

    /**
     * The costs paid from a sub-award, dated in the period (null: no limit), oldest first; for
     * administrators and the sub-award's partner. Funders never get lists of cases.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CostLine> ofSubAward(Long subAwardId, LocalDate from, LocalDate to) {
        SubAward subAward = access.subAwardWithCosts(subAwardId);
        List<CaseCost> costs = em.createQuery("select c from CaseCost c where c.subAward = :s and c.costDate between :from and :to"
                        + " order by c.costDate, c.id", CaseCost.class)
                .setParameter("s", subAward)
                .setParameter("from", from == null ? BudgetService.EARLIEST : from)
                .setParameter("to", to == null ? BudgetService.LATEST : to)
                .getResultList();
        return lines(costs, caseNumbers(costs.stream().map(CaseCost::getCaseId).distinct().toList()));
    }

    /** Costs waiting for a decision (or in another status), a page at a time, for administrators. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CostLine> queue(ListQuery query) {
        access.requireManager("list costs");
        List<CaseCost> costs = QUEUE.rows(em, query, (cb, root) -> List.of());
        return lines(costs, caseNumbers(costs.stream().map(CaseCost::getCaseId).toList()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long queueCount(ListQuery query) {
        access.requireManager("count costs");
        return QUEUE.countUpTo(em, query, (cb, root) -> List.of(), ListQuery.COUNT_LIMIT + 1);
    }

    /** Disbursements (scheduled or paid), a page at a time, for administrators. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Disbursement> payments(ListQuery query) {
        access.requireManager("list payments");
        return PAYMENTS.rows(em, query, (cb, root) -> List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long paymentCount(ListQuery query) {
        access.requireManager("count payments");
        return PAYMENTS.countUpTo(em, query, (cb, root) -> List.of(), ListQuery.COUNT_LIMIT + 1);
    }

    /** A cost by id, for the approval screen. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CostLine find(Long costId) {
        access.requireManager("read costs");
        CaseCost cost = costId == null ? null : em.find(CaseCost.class, costId);
        if (cost == null) {
            throw new RecordNotFoundException("CaseCost", costId);
        }
        return lines(List.of(cost), caseNumbers(List.of(cost.getCaseId()))).get(0);
    }

    /** Case numbers by case id, from the cases feature; case numbers identify no client. */
    private Map<Long, String> caseNumbers(List<Long> caseIds) {
        return caseFacts.caseNumbers(caseIds);
    }

    /** Whether the caller may record costs on the case, for its funding page to offer the form. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayRecord(Long caseId) {
        return access.recordsCostsOn(access.readableCase(caseId));
    }

    /** Costs with their case numbers and payments, reading the payments in one query. */
    List<CostLine> lines(List<CaseCost> costs, Map<Long, String> caseNumbers) {
        if (costs.isEmpty()) {
            return List.of();
        }
        Map<Long, Disbursement> payments = new java.util.HashMap<>();
        em.createQuery("select d from Disbursement d where d.cost in :costs", Disbursement.class)
                .setParameter("costs", costs).getResultList().forEach(d -> payments.put(d.getCost().getId(), d));
        return costs.stream().map(c -> new CostLine(c, caseNumbers.get(c.getCaseId()), payments.get(c.getId()))).toList();
    }

    private String actor() {
        return caller.callerName().orElse(CallerContext.SYSTEM);
    }
}
