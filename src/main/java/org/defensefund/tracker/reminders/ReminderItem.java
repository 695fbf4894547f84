package org.defensefund.tracker.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One thing a reminder tells: its kind; the case it is about (null for a grant's report or a sub-award); what names it
 * ({@code label}: the case number, never the client's name; a grant's or a sub-award's name); the day it falls on and the
 * time when it has one; a detail (the hearing's kind, the deadline's rule, the share spent) and the days left; and a key
 * that tells this item from every other (the immediate reminder is sent once per key).
 */
public record ReminderItem(ReminderKind kind, Long caseId, String label, LocalDate day, Instant at, String detail, long daysLeft,
                           String key) {

    public ReminderItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(key, "key");
    }
}
