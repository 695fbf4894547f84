package org.defensefund.tracker.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.defensefund.tracker.access.CallerAccount;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.shared.AccessDeniedException;

/**
 * Who gets reminders, in one place: administrators (about the fund) and partner staff (about their organization's
 * cases); funders work with no case and get none. What a reminder may name is not decided here: the planner reads as
 * the recipient, through the services of the lists ({@link ReminderItems}), whose own rules (the cases' access, the
 * deadlines' access, the funding access) scope it. Each user chooses only their own reminders.
 */
@ApplicationScoped
class ReminderAccess {

    @Inject
    private CurrentUser currentUser;

    /** The reminders an account of this role gets; empty for funders. */
    static Optional<Audience> audienceOf(Role role) {
        if (role == Role.ADMIN) {
            return Optional.of(Audience.ADMINISTRATORS);
        }
        return role == Role.PARTNER ? Optional.of(Audience.PARTNER_STAFF) : Optional.empty();
    }

    /** Whether the caller is signed in with an account that gets reminders. */
    boolean callerReceives() {
        return currentUser.account().map(CallerAccount::getRole).flatMap(ReminderAccess::audienceOf).isPresent();
    }

    /** The caller's own account, if it gets reminders; refused otherwise (nobody, funders, the start-up). */
    CallerAccount requireRecipient(String action) {
        return currentUser.account().filter(a -> audienceOf(a.getRole()).isPresent())
                .orElseThrow(() -> new AccessDeniedException("only administrators and partner staff may " + action));
    }
}
