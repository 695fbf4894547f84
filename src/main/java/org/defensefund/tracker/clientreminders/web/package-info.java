/** The case page's reminders section: the client's consent to hearing reminders, shown and changed. */
package org.defensefund.tracker.clientreminders.web;
