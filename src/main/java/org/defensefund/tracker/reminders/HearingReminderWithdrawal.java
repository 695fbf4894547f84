package org.defensefund.tracker.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.defensefund.tracker.cases.HearingChanged;
import org.defensefund.tracker.outbox.Outbox;

/**
 * Withdraws the immediate reminders to staff of a hearing's old time when the hearing is rescheduled or cancelled
 * ({@link HearingChanged}, in the change's transaction): every recipient's message still pending whose key names the
 * hearing at that time ({@link ReminderItems#hearingKey}). The new time is a new item, reminded by the planner's next
 * run; a cancelled hearing is no item at all. A daily digest is one message of many items, planned and sent within
 * minutes of the morning's hour: it is left as it is.
 */
@ApplicationScoped
class HearingReminderWithdrawal {

    @Inject
    private Outbox outbox;

    void withdraw(@Observes HearingChanged change) {
        outbox.withdrawPending(change.caseId(), ":" + ReminderItems.hearingKey(change.hearingId(), change.previousTime()));
    }
}
