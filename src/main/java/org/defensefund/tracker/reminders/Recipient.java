package org.defensefund.tracker.reminders;

import org.defensefund.tracker.shared.UiLanguage;

/** Whom the planner writes to: the account's id, e-mail (also its caller name), name, audience and language. */
record Recipient(Long id, String email, String name, Audience audience, UiLanguage language) {
}
