package org.defensefund.tracker.reminders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.defensefund.tracker.access.CallerAccount;
import org.defensefund.tracker.shared.FundClock;

/**
 * A user's own choice of reminders ("My account"): the daily digest and the immediate e-mails of what is due within 24
 * hours, both on until the user turns one off. Administrators and partner staff choose their own; nobody chooses for
 * another, and funders, who get no reminders, have nothing to choose ({@link ReminderAccess}).
 */
@ApplicationScoped
@Transactional
public class ReminderService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ReminderAccess access;

    @Inject
    private FundClock clock;

    /** Whether the caller gets reminders, so has a choice to make (a yes or no about the caller). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean receivesReminders() {
        return access.callerReceives();
    }

    /** The caller's own choice (both on when never made). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReminderChoice ownChoice() {
        CallerAccount own = access.requireRecipient("choose reminders");
        return choiceOf(own.getId());
    }

    /** Keeps the caller's own choice. */
    public ReminderChoice chooseOwn(boolean dailyDigest, boolean immediate) {
        CallerAccount own = access.requireRecipient("choose reminders");
        ReminderPreference preference = em.find(ReminderPreference.class, own.getId());
        if (preference == null) {
            preference = new ReminderPreference(own.getId(), clock.now());
            em.persist(preference);
        }
        preference.choose(new ReminderChoice(dailyDigest, immediate), clock.now());
        em.flush();
        return preference.choice();
    }

    /** An account's choice, for the planner (no caller check: the planner runs as the system). */
    ReminderChoice choiceOf(Long accountId) {
        ReminderPreference preference = em.find(ReminderPreference.class, accountId);
        return preference == null ? ReminderChoice.DEFAULT : preference.choice();
    }
}
