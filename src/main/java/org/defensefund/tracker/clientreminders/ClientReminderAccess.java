package org.defensefund.tracker.clientreminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.cases.CaseFacts;
import org.defensefund.tracker.cases.CaseFactsService;
import org.defensefund.tracker.shared.AccessDeniedException;

/**
 * Who reaches a case's consent to reminders, in one place: whoever reads the case's details reads its consent (the
 * case's own rule, {@link CaseFactsService#facts}: administrators, and the staff of the partner the case is offered or
 * assigned to, unless it is confidential and only offered); administrators and the staff of the case's partner change
 * it, as they edit the case. Partners of other organizations, funders and everyone else get nothing.
 */
@ApplicationScoped
class ClientReminderAccess {

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

    /** Whether the caller may give or withdraw the consent of the case. */
    boolean mayChange(CaseFacts facts) {
        if (currentUser.isAdmin()) {
            return true;
        }
        return currentUser.isPartnerStaff() && facts.partnerId() != null && currentUser.partnerId().filter(facts.partnerId()::equals).isPresent();
    }

    /** The case's facts, refused unless the caller may change its consent. */
    CaseFacts changeableCase(Long caseId) {
        CaseFacts facts = readableCase(caseId);
        if (!mayChange(facts)) {
            throw new AccessDeniedException("caller may not change the reminder consent of case " + caseId);
        }
        return facts;
    }

    String actor() {
        return caller.callerName().orElse(CallerContext.SYSTEM);
    }
}
