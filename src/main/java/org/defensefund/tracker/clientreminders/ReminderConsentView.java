package org.defensefund.tracker.clientreminders;

import java.util.List;

/**
 * A case's consent to hearing reminders as its page shows it: in force or not, the address it applies to, its history
 * (newest first) and whether the caller may change it now.
 */
public record ReminderConsentView(boolean given, String email, List<ReminderConsent> history, boolean changeable) {

    public ReminderConsentView {
        history = List.copyOf(history);
    }
}
