package org.defensefund.tracker.cases;

/**
 * A step of the client reminders, fired by that feature as a CDI event and written on the case's timeline by
 * {@link ReminderTimeline} in the same transaction: a consent given or withdrawn on the case page (the summary is
 * where it was recorded, a code the page says in the reader's language), or a reminder sent (the summary is the
 * reminder's kind). Never the e-mail address: the timeline is not encrypted.
 */
public record ReminderStepTaken(Long caseId, CaseEventKind kind, String summary) {

    public ReminderStepTaken {
        if (kind != CaseEventKind.REMINDER_CONSENT_GIVEN && kind != CaseEventKind.REMINDER_CONSENT_WITHDRAWN
                && kind != CaseEventKind.CLIENT_REMINDER_SENT) {
            throw new IllegalArgumentException("not a reminder step: " + kind);
        }
    }
}
