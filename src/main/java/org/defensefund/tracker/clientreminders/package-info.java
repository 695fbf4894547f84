/**
 * Reminders to clients: the client's consent to hearing reminders by e-mail (given, withdrawn, kept as history), and
 * the planner that sends a consenting client a reminder a week and a day before each hearing, through the outbox.
 */
package org.defensefund.tracker.clientreminders;
