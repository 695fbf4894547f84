/**
 * Reminders to staff by e-mail (issue 16, point 2): each user's daily digest and the immediate reminders of what is due
 * within 24 hours, as each chose in "My account", in their language, scoped by the access rules of the lists they read
 * (the planner reads as the recipient), sent through the {@link org.defensefund.tracker.outbox.Outbox}.
 */
package org.defensefund.tracker.reminders;
