package org.defensefund.tracker.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
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

    /** The case if the caller may read it; 404 if there is none, 403 if it isn't theirs. */
    LegalCase readable(Long caseId) {
        LegalCase legalCase = caseId == null ? null : em.find(LegalCase.class, caseId);
        if (legalCase == null) {
            throw new RecordNotFoundException("Case", caseId);
        }
        requireReach(legalCase, "read");
        return legalCase;
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
        if (currentUser.isAdmin()) {
            return;
        }
        if (currentUser.isPartnerStaff() && legalCase.getPartnerId() != null
                && legalCase.getPartnerId().equals(currentUser.partnerId().orElse(null))) {
            return;
        }
        throw new AccessDeniedException("caller may not " + action + " case " + legalCase.getId());
    }

    /** The rows of {@code legal_case} the caller may list. */
    List<Predicate> scope(CriteriaBuilder cb, Root<LegalCase> root) {
        if (currentUser.isAdmin()) {
            return List.of();
        }
        if (currentUser.isPartnerStaff()) {
            return List.of(cb.equal(root.get("partnerId"), currentUser.partnerId().orElse(-1L)));
        }
        throw new AccessDeniedException("caller may not list cases");
    }

    String actor() {
        return caller.callerName().orElse(CallerContext.SYSTEM);
    }
}
