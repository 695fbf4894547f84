package org.defensefund.tracker.clientreminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.defensefund.tracker.cases.HearingChanged;
import org.defensefund.tracker.outbox.Outbox;

/**
 * Withdraws a client's reminders of a hearing's old time, a week and a day ahead, still pending when the hearing is
 * rescheduled or cancelled ({@link HearingChanged}, in the change's transaction), so that a client is never told to come
 * to court at a time that no longer holds. The new time gets its own reminders from the planner's next run (their keys
 * name the new time); a cancelled hearing gets none ({@link ClientReminderPlanner} reads only hearings not cancelled).
 */
@ApplicationScoped
class ClientReminderWithdrawal {

    @Inject
    private Outbox outbox;

    void withdraw(@Observes HearingChanged change) {
        for (String kind : new String[] {ClientReminderPlanner.WEEK_AHEAD, ClientReminderPlanner.DAY_AHEAD}) {
            outbox.withdrawPending(change.caseId(), ClientReminderPlanner.dedupeKey(kind, change.hearingId(), change.previousTime()));
        }
    }
}
