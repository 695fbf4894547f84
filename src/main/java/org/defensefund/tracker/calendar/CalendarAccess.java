package org.defensefund.tracker.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.defensefund.tracker.access.CallerAccount;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.shared.AccessDeniedException;

/**
 * Who may have a calendar feed, in one place: the fund's administrators and partner staff, signed in with an active
 * account (their work has hearings and deadlines; partner staff bound to their organization); funders, who see no case, and everyone else none. A feed is its
 * owner's alone: each acts only on their own. What a feed shows is not decided here but by the cases' and deadlines'
 * own rules ({@code CaseAccess}, {@code DeadlineAccess}), applied as its owner at every read.
 */
@ApplicationScoped
class CalendarAccess {

    @Inject
    private CurrentUser currentUser;

    /** Whether the caller may have a feed of their own. */
    boolean mayHaveFeed() {
        return !currentUser.isSystem() && currentUser.account().isPresent() && (currentUser.isAdmin() || currentUser.isPartnerStaff() && currentUser.partnerId().isPresent());
    }

    /** The caller's account id, if they may have a feed; refused otherwise. */
    Long requireOwner(String action) {
        if (!mayHaveFeed()) {
            throw new AccessDeniedException("only administrators and partner staff may " + action);
        }
        return currentUser.account().map(CallerAccount::getId).orElseThrow();
    }
}
