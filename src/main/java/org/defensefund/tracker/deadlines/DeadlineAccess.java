package org.defensefund.tracker.deadlines;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.cases.CaseFacts;
import org.defensefund.tracker.cases.CaseFactsService;
import org.defensefund.tracker.shared.AccessDeniedException;

/**
 * Who reaches which deadlines, in one place: a case's deadlines follow the case's own rule (whoever reads the case's
 * details reads its deadlines: {@link CaseFactsService#facts}); the queue is every case's for administrators and the
 * own organization's cases for partner staff, in the SQL; funders and everyone else get none. Administrators and the
 * staff of the case's partner mark deadlines met or waive them.
 */
@ApplicationScoped
class DeadlineAccess {

    @Inject
    private CurrentUser currentUser;

    @Inject
    private CallerContext caller;

    @Inject
    private CaseFactsService caseFacts;

    /** The case's facts if the caller may read its details; 404 or 403 otherwise. */
    CaseFacts readableCase(Long caseId) {
        return caseFacts.facts(caseId);
    }

    /**
     * The queue's partner: administrators any partner asked for, or every partner's cases (empty); partner staff their
     * own organization's only (asking for another's is refused); funders and everyone else refused.
     */
    Optional<Long> queueScope(Long requested) {
        if (currentUser.isAdmin()) {
            return Optional.ofNullable(requested);
        }
        if (currentUser.isPartnerStaff()) {
            Long own = currentUser.partnerId()
                    .orElseThrow(() -> new AccessDeniedException("partner staff without a partner organization may not list deadlines"));
            if (requested != null && !requested.equals(own)) {
                throw new AccessDeniedException("partner staff may list only their own organization's deadlines");
            }
            return Optional.of(own);
        }
        throw new AccessDeniedException("caller may not list deadlines");
    }

    /** Whether the caller may mark the case's deadlines met or waive them. */
    boolean mayClose(CaseFacts facts) {
        if (currentUser.isAdmin()) {
            return true;
        }
        return currentUser.isPartnerStaff() && facts.partnerId() != null && currentUser.partnerId().filter(facts.partnerId()::equals).isPresent();
    }

    /** Refuses unless the caller may close the deadlines of the case. */
    void requireClose(Long caseId) {
        if (!mayClose(readableCase(caseId))) {
            throw new AccessDeniedException("caller may not close the deadlines of case " + caseId);
        }
    }

    void requireAdmin(String action) {
        currentUser.requireAdmin(action);
    }

    String actor() {
        return caller.callerName().orElse(CallerContext.SYSTEM);
    }
}
