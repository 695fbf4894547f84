package org.defensefund.tracker.clientreminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.defensefund.tracker.access.CallerContext;
import org.defensefund.tracker.cases.CaseEventKind;
import org.defensefund.tracker.cases.ReminderStepTaken;
import org.defensefund.tracker.outbox.MessageDelivered;

/**
 * Puts each hearing reminder on its case's timeline when the outbox has sent it ({@link MessageDelivered}, fired in the
 * delivery's transaction): the entry names the reminder's kind, by the system, never the address or the text.
 */
@ApplicationScoped
class ReminderSent {

    @Inject
    private CallerContext caller;

    @Inject
    private Event<ReminderStepTaken> steps;

    @ActivateRequestContext
    void onDelivered(@Observes MessageDelivered delivered) {
        if (delivered.caseId() == null || !ClientReminderPlanner.isReminder(delivered.kind())) {
            return;
        }
        caller.runAs(CallerContext.SYSTEM, () -> steps.fire(new ReminderStepTaken(delivered.caseId(), CaseEventKind.CLIENT_REMINDER_SENT,
                delivered.kind())));
    }
}
