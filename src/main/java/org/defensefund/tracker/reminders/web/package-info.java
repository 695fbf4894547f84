/** The reminders' section of "My account" ({@code WEB-INF/includes/reminder-preferences.xhtml}). */
package org.defensefund.tracker.reminders.web;
