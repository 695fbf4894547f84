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

    /** The queue's scope: empty for every partner's cases (administrators), else the caller's partner; refused for others. */
    Optional<Long> queueScope() {
        if (currentUser.isAdmin()) {
            return Optional.empty();
        }
        if (currentUser.isPartnerStaff()) {
            return Optional.of(currentUser.partnerId()
                    .orElseThrow(() -> new AccessDeniedException("partner staff without a partner organization may not list deadlines")));
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
