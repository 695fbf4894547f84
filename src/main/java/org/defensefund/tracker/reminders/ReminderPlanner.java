package org.defensefund.tracker.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.accounts.UserAccountService;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Languages;
import org.defensefund.tracker.shared.list.ListQuery;

/**
 * Plans the staff's reminders: for every active administrator and partner staff member, what {@link UserReminders}
 * finds due now, written to the outbox (the outbox's delivery sends it). Run by {@link ReminderSchedule} every few
 * minutes; running it again changes nothing (each digest and each immediate reminder has its dedupe key), so two servers
 * may both run it. Tests call {@link #planFor} for their own accounts.
 */
@ApplicationScoped
public class ReminderPlanner {

    private static final Logger LOG = Logger.getLogger(ReminderPlanner.class.getName());

    @Inject
    private UserAccountService accounts;

    @Inject
    private UserReminders reminders;

    @Inject
    private CallerContext caller;

    @Inject
    private FundClock clock;

    /** Plans every active administrator's and partner staff member's reminders; how many messages were written. */
    @ActivateRequestContext
    public int planAll() {
        Instant now = clock.now();
        ZoneId zone = clock.zone();
        int written = 0;
        for (Role role : List.of(Role.ADMIN, Role.PARTNER)) {
            for (Recipient recipient : recipients(role)) {
                written += plan(recipient, now, zone);
            }
        }
        return written;
    }

    /** Plans one account's reminders now (nothing for a funder's or an inactive account); how many messages were written. */
    @ActivateRequestContext
    public int planFor(Long accountId) {
        UserAccount account = caller.runAs(CallerContext.SYSTEM, () -> accounts.find(accountId));
        return recipient(account).map(r -> plan(r, clock.now(), clock.zone())).orElse(0);
    }

    private int plan(Recipient recipient, Instant now, ZoneId zone) {
        try {
            return reminders.plan(recipient, now, zone);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The reminders of account " + recipient.id() + " were not planned: " + e, e);
            return 0;
        }
    }

    /** The active accounts of the role, page by page (as the system: listing accounts is the administrators'). */
    private List<Recipient> recipients(Role role) {
        List<Recipient> found = new ArrayList<>();
        int first = 0;
        while (true) {
            ListQuery page = new ListQuery(first, ListQuery.MAX_PAGE_SIZE, "createdAt", true, null).withFilter("role", role).withFilter("active", true);
            List<UserAccount> rows = caller.runAs(CallerContext.SYSTEM, () -> accounts.list(page));
            rows.forEach(account -> recipient(account).ifPresent(found::add));
            if (rows.size() < ListQuery.MAX_PAGE_SIZE) {
                return found;
            }
            first += rows.size();
        }
    }

    private static java.util.Optional<Recipient> recipient(UserAccount account) {
        if (!account.isActive()) {
            return java.util.Optional.empty();
        }
        return ReminderAccess.audienceOf(account.getRole()).map(audience -> new Recipient(account.getId(), account.getEmail(),
                account.getDisplayName(), audience, Languages.installed().find(account.getLanguage()).orElse(Languages.ENGLISH)));
    }
}
