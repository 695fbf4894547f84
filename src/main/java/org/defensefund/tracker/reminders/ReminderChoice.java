package org.defensefund.tracker.reminders;

import java.io.Serializable;

/** A user's choice of reminders: the daily digest, and the immediate e-mails of what is due within 24 hours. */
public record ReminderChoice(boolean dailyDigest, boolean immediate) implements Serializable {

    /** What a user who never chose gets: both. */
    public static final ReminderChoice DEFAULT = new ReminderChoice(true, true);
}
