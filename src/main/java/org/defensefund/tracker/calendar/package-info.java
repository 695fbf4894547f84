/** Calendar feeds: each staff user's private iCalendar feed of the hearings and deadlines of the cases they may see, at a secret, revocable address. */
package org.defensefund.tracker.calendar;
