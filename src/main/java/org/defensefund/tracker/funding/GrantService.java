package org.defensefund.tracker.funding;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.RecordNotFoundException;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.list.ListSpec;
import org.defensefund.tracker.shared.list.ListSpec.Match;

/**
 * Grants and their sub-awards. Administrators record and edit grants and split them into sub-awards to
 * partner organizations; every change of a sub-award is kept as an amendment. The sum of a grant's
 * sub-awards never exceeds the grant, and a sub-award never falls below what has been approved from it:
 * both checks run with the grant's row locked ({@code SELECT ... FOR UPDATE}), so two administrators
 * acting at once can't both pass them. A funder user reads only their own funder's grants; partner staff
 * read only their own organization's sub-awards.
 */
@ApplicationScoped
@Transactional
public class GrantService {

    private static final ListSpec<Grant> LIST = new ListSpec<>(Grant.class,
            Map.of("name", Match.CONTAINS, "funder.id", Match.EQUALS),
            Set.of("name", "funder.name", "amount", "periodStart", "periodEnd"),
            "name");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FundingAccess access;

    @Inject
    private CallerContext caller;

    @Inject
    private PartnerService partners;

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private Validator validator;

    /** A page of grants: all for an administrator, their funder's for a funder user. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Grant> list(ListQuery query) {
        return LIST.rows(em, scoped(query), (cb, root) -> List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(ListQuery query) {
        return LIST.count(em, scoped(query), (cb, root) -> List.of());
    }

    private ListQuery scoped(ListQuery query) {
        return access.listedFunder().map(funder -> query.withFilter("funder.id", funder)).orElse(query);
    }

    /** One grant, for an administrator or a user of its funder. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Grant find(Long id) {
        return access.readableGrant(id);
    }

    /** Records a new grant of an active funder on the terms typed. */
    public Grant create(GrantTerms terms) {
        access.requireManager("record grants");
        GrantTerms checked = checkTerms(terms, null);
        Grant grant = new Grant(checked.getFunder(), checked);
        em.persist(grant);
        em.flush();
        return grant;
    }

    /**
     * Changes a grant, read at its version, to the terms typed. Its funder stays; its amount can't fall
     * below its sub-awards nor its period leave one out ({@link Grant#revise}).
     */
    public Grant update(Long grantId, long readVersion, GrantTerms terms) {
        access.requireManager("edit grants");
        Grant current = lockGrant(grantId);
        if (current.getVersion() != readVersion) {
            throw new ConcurrentEditException();
        }
        if (!current.getFunder().getId().equals(terms.getFunder() == null ? null : terms.getFunder().getId())) {
            throw new BusinessException("grant.funder.fixed", "funder");
        }
        GrantTerms checked = checkTerms(terms, current.getId());
        current.revise(checked, subAwardTotal(current.getId()), subAwardsOf(current.getId()), partnerId -> partners.names().get(partnerId));
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentEditException();
        }
        return current;
    }

    /**
     * Checks typed terms (valid fields, an active funder, listed case and relief types, a period, a unique
     * name) and returns them naming the stored funder and reference items.
     */
    private GrantTerms checkTerms(GrantTerms terms, Long grantId) {
        validate(terms);
        if (terms.getFunder() == null || terms.getFunder().getId() == null) {
            throw new BusinessException("grant.funder.required", "funder");
        }
        Funder funder = em.find(Funder.class, terms.getFunder().getId());
        if (funder == null || !funder.isActive()) {
            throw new BusinessException("grant.funder.unknown", "funder");
        }
        Set<ReferenceItem> caseTypes = new LinkedHashSet<>();
        terms.getCaseTypes().forEach(t -> caseTypes.add(referenceData.requireIn(ReferenceList.CASE_TYPE, t, "caseTypes")));
        Set<ReferenceItem> reliefTypes = new LinkedHashSet<>();
        terms.getReliefTypes().forEach(t -> reliefTypes.add(referenceData.requireIn(ReferenceList.RELIEF_TYPE, t, "reliefTypes")));
        if (terms.getPeriodEnd().isBefore(terms.getPeriodStart())) {
            throw new BusinessException("period.endBeforeStart", "periodEnd");
        }
        String name = terms.getName().trim();
        long same = em.createQuery("select count(g) from Grant g where g.funder.id = :funder and g.name = :name and (:id is null or g.id <> :id)", Long.class)
                .setParameter("funder", funder.getId()).setParameter("name", name).setParameter("id", grantId)
                .getSingleResult();
        if (same > 0) {
            throw new BusinessException("grant.name.taken", "name", name);
        }
        return terms.resolved(funder, caseTypes, reliefTypes);
    }

    /** The sub-awards of a grant, for an administrator or the grant's funder. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubAward> subAwards(Long grantId) {
        return subAwardsOf(access.readableGrant(grantId).getId());
    }

    private List<SubAward> subAwardsOf(Long grantId) {
        return em.createQuery("select s from SubAward s where s.grant.id = :grant order by s.periodStart, s.id", SubAward.class)
                .setParameter("grant", grantId).getResultList();
    }

    /** The signed-in partner staff member's own sub-awards, newest period first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubAward> ownSubAwards() {
        return em.createQuery("select s from SubAward s where s.partnerId = :partner order by s.periodEnd desc, s.id", SubAward.class)
                .setParameter("partner", access.ownPartner()).getResultList();
    }

    /** Whether the caller has sub-awards of their own (partner staff), for the budget page to choose its view. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasOwnSubAwards() {
        return access.hasOwnSubAwards();
    }

    /** Whether the caller may award sub-awards, for the grant page to offer the form. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean mayAward() {
        return access.managesMoney();
    }

    /** One sub-award, for an administrator, the staff of its partner or a user of its grant's funder. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SubAward findSubAward(Long id) {
        return access.readableSubAward(id);
    }

    /** The amendments of a sub-award, oldest first (the first is the award itself). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SubAwardAmendment> amendments(Long subAwardId) {
        SubAward subAward = access.readableSubAward(subAwardId);
        return em.createQuery("select a from SubAwardAmendment a where a.subAward = :s order by a.amendedAt, a.id", SubAwardAmendment.class)
                .setParameter("s", subAward).getResultList();
    }

    /**
     * Gives part of a grant to a partner for a period inside the grant's. Refused, with the excess, when
     * the grant's sub-awards would then add up to more than the grant.
     */
    public SubAward award(Long grantId, Long partnerId, SubAwardTerms terms) {
        access.requireManager("award sub-awards");
        validate(terms);
        Grant grant = lockGrant(grantId);
        if (partnerId == null) {
            throw new BusinessException("subAward.partner.required", "partner");
        }
        if (!partners.isActive(partnerId)) {
            throw new BusinessException("subAward.partner.unknown", "partner");
        }
        SubAward subAward = grant.award(partnerId, terms, subAwardTotal(grant.getId()));
        em.persist(subAward);
        em.persist(new SubAwardAmendment(subAward, null, terms, reasonOr(terms, ""), actor()));
        em.flush();
        return subAward;
    }

    /**
     * Changes a sub-award's amount or period, read at its version, with a reason; the old terms are kept
     * as an amendment. The amount can't go above what the grant has left nor below what is approved.
     */
    public SubAward amend(Long subAwardId, long readVersion, SubAwardTerms terms) {
        access.requireManager("amend sub-awards");
        validate(terms);
        SubAward found = subAwardId == null ? null : em.find(SubAward.class, subAwardId);
        if (found == null) {
            throw new RecordNotFoundException("SubAward", subAwardId);
        }
        Grant grant = lockGrant(found.getGrant().getId());
        SubAward subAward = em.find(SubAward.class, subAwardId, LockModeType.PESSIMISTIC_WRITE);
        if (subAward.getVersion() != readVersion) {
            throw new ConcurrentEditException();
        }
        BigDecimal approved = em.createQuery("select coalesce(sum(c.amount), 0) from CaseCost c where c.subAward = :s and c.status = :approved", BigDecimal.class)
                .setParameter("s", subAward).setParameter("approved", CostStatus.APPROVED).getSingleResult();
        em.persist(subAward.amend(terms, subAwardTotal(grant.getId()), approved, actor()));
        em.flush();
        return subAward;
    }

    private Grant lockGrant(Long grantId) {
        Grant grant = grantId == null ? null : em.find(Grant.class, grantId, LockModeType.PESSIMISTIC_WRITE);
        if (grant == null) {
            throw new RecordNotFoundException("Grant", grantId);
        }
        return grant;
    }

    private BigDecimal subAwardTotal(Long grantId) {
        return em.createQuery("select coalesce(sum(s.amount), 0) from SubAward s where s.grant.id = :grant", BigDecimal.class)
                .setParameter("grant", grantId).getSingleResult();
    }

    private <T> void validate(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private static String reasonOr(SubAwardTerms terms, String fallback) {
        return terms.reason() == null || terms.reason().isBlank() ? fallback : terms.reason().trim();
    }

    private String actor() {
        return caller.callerName().orElse(CallerContext.SYSTEM);
    }
}
