package org.defensefund.tracker.cases;

/**
 * A referral recorded with the client's consent to hearing reminders by e-mail (the staff's intake form, or the
 * public form when {@code publicForm}), fired by {@link IntakeService} in the referral's transaction for the client
 * reminders feature to keep the consent (with the address, encrypted) in its history. The case's timeline entry is
 * written by the intake itself.
 */
public record ReminderConsentAtIntake(Long caseId, String email, boolean publicForm) {
}
