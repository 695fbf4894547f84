package org.defensefund.tracker.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jakarta.enterprise.event.Event;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.cases.CaseFacts;
import org.defensefund.tracker.cases.CaseStatus;
import org.defensefund.tracker.cases.FundingStepTaken;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;

/**
 * Charging cases to sub-awards. An administrator charges an assigned (or closed) case to a sub-award of
 * its partner whose period covers today; the grant's restrictions are checked against the case first,
 * and a case that fails one can't be charged, with the failed restriction named. The offer screen uses
 * {@link #qualifyingByPartner} to show which sub-awards each partner could pay the case from.
 */
@ApplicationScoped
@Transactional
public class ChargeService {

    @Inject
    private FundClock clock;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FundingAccess access;

    @Inject
    private CallerContext caller;

    @Inject
    private Event<FundingStepTaken> fundingSteps;

    @Inject
    private PartnerService partners;


    /** The sub-award a case is charged to, if any; for whoever may read the case. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<CaseCharge> chargeOf(Long caseId) {
        CaseFacts facts = access.readableCase(caseId);
        return Optional.ofNullable(em.find(CaseCharge.class, facts.caseId()));
    }

    /** Every sub-award of the case's partner whose period covers today, each with what the case fails. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubAwardOption> options(Long caseId) {
        access.requireManager("choose sub-awards");
        CaseFacts facts = access.readableCase(caseId);
        if (facts.partnerId() == null) {
            return List.of();
        }
        return current(List.of(facts.partnerId())).stream().map(s -> new SubAwardOption(s, failures(s, facts))).toList();
    }

    /**
     * For the offer screen: the sub-awards of each active partner, current today, that the case would
     * qualify for under their grants' restrictions (partner id → options, qualifying or not).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<SubAwardOption>> qualifyingByPartner(Long caseId) {
        access.requireManager("match cases to sub-awards");
        CaseFacts facts = access.readableCase(caseId);
        Map<Long, List<SubAwardOption>> byPartner = new LinkedHashMap<>();
        List<Long> partnerIds = new ArrayList<>(partners.names().keySet());
        for (SubAward subAward : current(partnerIds)) {
            byPartner.computeIfAbsent(subAward.getPartnerId(), id -> new ArrayList<>())
                    .add(new SubAwardOption(subAward, subAward.getGrant().restrictions().check(facts)));
        }
        return byPartner;
    }

    /** Whether the caller may charge cases to sub-awards, for the case's funding page to offer the choice. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayCharge() {
        return access.managesMoney();
    }

    /**
     * Charges the case, read at its version, to a sub-award of its partner; a case already charged moves
     * to the new one (costs recorded so far stay where they are). Refused with the failed restrictions.
     */
    public CaseCharge charge(Long caseId, Long subAwardId) {
        access.requireManager("charge cases");
        CaseFacts facts = access.readableCase(caseId);
        if (subAwardId == null) {
            throw new BusinessException("charge.subAward.required", "subAward");
        }
        SubAward subAward = em.find(SubAward.class, subAwardId);
        if (subAward == null) {
            throw new BusinessException("charge.subAward.required", "subAward");
        }
        List<RestrictionFailure> failed = failures(subAward, facts);
        if (!failed.isEmpty()) {
            throw new RestrictionException("subAward", failed);
        }
        CaseCharge charge = em.find(CaseCharge.class, caseId);
        String actor = caller.callerName().orElse(CallerContext.SYSTEM);
        if (charge == null) {
            charge = new CaseCharge(caseId, subAward, actor);
            em.persist(charge);
        } else if (charge.getSubAward().getId().equals(subAwardId)) {
            return charge;
        } else {
            charge.moveTo(subAward, actor);
        }
        em.flush();
        fundingSteps.fire(FundingStepTaken.charged(caseId,
                subAward.getGrant().getName() + " (" + subAward.getGrant().getFunder().getName() + ")"));
        return charge;
    }

    private List<RestrictionFailure> failures(SubAward subAward, CaseFacts facts) {
        List<RestrictionFailure> failed = new ArrayList<>();
        if (facts.status() != CaseStatus.ASSIGNED && facts.status() != CaseStatus.CLOSED) {
            failed.add(new RestrictionFailure(RestrictionKind.CASE_STATUS, ""));
        }
        if (!subAward.getPartnerId().equals(facts.partnerId())) {
            failed.add(new RestrictionFailure(RestrictionKind.PARTNER, ""));
        }
        if (!subAward.covers(today())) {
            failed.add(new RestrictionFailure(RestrictionKind.PERIOD, subAward.getPeriodStart() + " – " + subAward.getPeriodEnd()));
        }
        failed.addAll(subAward.getGrant().restrictions().check(facts));
        return failed;
    }

    private List<SubAward> current(List<Long> partnerIds) {
        if (partnerIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = today();
        return em.createQuery("select s from SubAward s where s.partnerId in :partners and s.periodStart <= :today and s.periodEnd >= :today"
                        + " order by s.periodEnd, s.id", SubAward.class)
                .setParameter("partners", partnerIds).setParameter("today", today).getResultList();
    }

    private LocalDate today() {
        return clock.today();
    }
}
