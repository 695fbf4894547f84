package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Predicate;
import jakarta.transaction.Transactional;
import java.util.List;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.RecordNotFoundException;

/**
 * Who may reach which case, in one place for every case service: administrators reach all; partner
 * staff only cases offered to or assigned to their organization (the case's partner); funders and
 * everyone else none. Lists use {@link #scope} so that the rule is part of the SQL, not a filter after it.
 *
 * <p>Reaching a case is not always seeing its details. A confidential case (asylum, VAWA, T, U) shows
 * its client, notes, timeline and records only to administrators and to the organization that accepted
 * it; the organization it is merely offered to reaches it (to answer the offer) but gets only the
 * summary it needs to decide ({@link #reachable}, {@link CaseSummary}). {@link #readable} is the details
 * rule, and every service that returns a case, its client or its records goes through it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class CaseAccess {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private CallerContext caller;

    /**
     * The case if the caller may read its details; 404 if there is none, 403 if it isn't theirs or is a
     * confidential case only offered to their organization.
     */
    LegalCase readable(Long caseId) {
        LegalCase legalCase = reachable(caseId);
        if (!seesDetails(legalCase)) {
            throw new AccessDeniedException("caller may only see the summary of confidential case " + caseId);
        }
        return legalCase;
    }

    /** The case if the caller reaches it at all (its details or only its summary); 404 or 403 otherwise. */
    LegalCase reachable(Long caseId) {
        LegalCase legalCase = caseId == null ? null : em.find(LegalCase.class, caseId);
        if (legalCase == null) {
            throw new RecordNotFoundException("Case", caseId);
        }
        requireReach(legalCase, "read");
        return legalCase;
    }

    /** Whether the caller sees the case's details ({@link CaseRole#seesDetailsOf}). */
    boolean seesDetails(LegalCase legalCase) {
        return roleIn(legalCase).seesDetailsOf(legalCase);
    }

    /** The case for a change, if the caller may reach it and has read its current version. */
    LegalCase changeable(Long caseId, long readVersion, String action) {
        LegalCase legalCase = readable(caseId);
        if (legalCase.getVersion() != readVersion) {
            throw new ConcurrentEditException();
        }
        requireReach(legalCase, action);
        return legalCase;
    }

    void requireReach(LegalCase legalCase, String action) {
        if (!roleIn(legalCase).reaches()) {
            throw new AccessDeniedException("caller may not " + action + " case " + legalCase.getId());
        }
    }

    /** The part the caller plays in the case. */
    CaseRole roleIn(LegalCase legalCase) {
        if (currentUser.isAdmin()) {
            return CaseRole.ADMINISTRATOR;
        }
        if (currentUser.isPartnerStaff()) {
            return CaseRole.ofPartner(currentUser.partnerId().orElse(null), legalCase);
        }
        return CaseRole.FUNDER;
    }

    /** The steps the caller may take in the case now. */
    CaseSteps steps(LegalCase legalCase) {
        return CaseSteps.available(legalCase, roleIn(legalCase));
    }

    /** Refuses the step unless the caller may take it in the case now ({@link CaseStep#require}). */
    void requireAllowed(LegalCase legalCase, CaseStep step) {
        step.require(roleIn(legalCase), legalCase);
    }

    /** The rows of {@code legal_case} the caller may list. */
    List<Predicate> scope(CriteriaBuilder cb, From<?, LegalCase> root) {
        if (currentUser.isAdmin()) {
            return List.of();
        }
        if (currentUser.isPartnerStaff()) {
            Long own = currentUser.partnerId()
                    .orElseThrow(() -> new AccessDeniedException("partner staff without a partner organization may not list cases"));
            return List.of(cb.equal(root.get("partnerId"), own));
        }
        throw new AccessDeniedException("caller may not list cases");
    }

    /**
     * For partner staff (administrators see every client): the rows of their scope whose client they may
     * not see, confidential cases only offered to their organization. In SQL, for search.
     */
    Predicate clientHidden(CriteriaBuilder cb, From<?, LegalCase> root) {
        return cb.and(cb.isTrue(root.get("confidential")), cb.equal(root.get("status"), CaseStatus.OFFERED));
    }

    /**
     * The rows of {@code legal_case} whose details the caller sees ({@link #seesDetails} in SQL): the caller's
     * {@link #scope} less, for partner staff, the confidential cases only offered to their organization. For what
     * names a case's dates outside the case page (calendar feeds).
     */
    List<Predicate> detailsScope(CriteriaBuilder cb, From<?, LegalCase> root) {
        List<Predicate> scope = new java.util.ArrayList<>(scope(cb, root));
        if (!currentUser.isAdmin()) {
            scope.add(cb.not(clientHidden(cb, root)));
        }
        return scope;
    }

    String actor() {
        return caller.callerName().orElse(CallerContext.SYSTEM);
    }
}
