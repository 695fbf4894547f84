package org.defensefund.tracker.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: every message due now, one transaction each ({@link DeliveryAttempt}). Run by
 * {@link OutboxSchedule} on every server, and callable directly (tests); several runs at once, on one server or on
 * several, share the work without sending a message twice (row locks, {@code SKIP LOCKED}). A message is sent once:
 * the only gap is a server dying between the mail server's acceptance and the commit that marks the row sent (a few
 * milliseconds), after which it would go again.
 */
@ApplicationScoped
public class OutboxDelivery {

    /** The most messages one run sends; the next run takes the rest. */
    static final int MOST_PER_RUN = 500;

    private static final Logger LOG = Logger.getLogger(OutboxDelivery.class.getName());

    @Inject
    private DeliveryAttempt attempt;

    /**
     * Sends the messages due now (their first attempt or a retry), schedules retries of those that fail; how many were
     * sent. Call it outside a transaction: each message is delivered in one of its own.
     */
    @ActivateRequestContext
    public int deliverDue() {
        int sent = 0;
        for (int i = 0; i < MOST_PER_RUN; i++) {
            DeliveryAttempt.Outcome outcome;
            try {
                outcome = attempt.deliverNext();
            } catch (RuntimeException e) {
                // The marking was rolled back (an observer of MessageDelivered failed, the database went away): stop
                // here rather than claim the same message again at once.
                LOG.log(Level.WARNING, "The outbox's delivery stopped: " + e, e);
                break;
            }
            if (outcome == DeliveryAttempt.Outcome.NONE) {
                break;
            }
            if (outcome == DeliveryAttempt.Outcome.SENT) {
                sent++;
            }
        }
        return sent;
    }
}
