package org.defensefund.tracker.reminders;

import java.util.List;
import java.util.Map;

/**
 * What the reminders of one user have to tell at one moment: the digest's lines (at most a few per kind), how many there
 * are of each kind in all (the digest says "and N more"), and the items due within 24 hours.
 */
public record Findings(List<ReminderItem> digest, Map<ReminderKind, Long> totals, List<ReminderItem> soon) {

    public Findings {
        digest = List.copyOf(digest);
        totals = Map.copyOf(totals);
        soon = List.copyOf(soon);
    }

    /** How many items of the kind there are in all (at least the lines shown). */
    public long total(ReminderKind kind) {
        long shown = digest.stream().filter(i -> i.kind() == kind).count();
        return Math.max(shown, totals.getOrDefault(kind, 0L));
    }
}
