package org.defensefund.tracker.cases;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How urgently a case needs a lawyer. Detained clients come first; then how soon the next hearing is.
 * Computed at screening from custody and the hearing date, never typed in.
 */
public enum Priority {
    /** Detained, or a hearing within 14 days. */
    URGENT,
    /** A hearing within 60 days. */
    HIGH,
    /** Anything else. */
    NORMAL;

    public static final int URGENT_HEARING_DAYS = 14;
    public static final int HIGH_HEARING_DAYS = 60;

    /** Where the priority sorts, urgent first: the stored {@code priority_rank} (V10), which the lists' indexes hold. */
    public int rank() {
        return ordinal();
    }

    public static Priority of(boolean detained, LocalDate nextHearing, LocalDate today) {
        if (detained) {
            return URGENT;
        }
        if (nextHearing == null) {
            return NORMAL;
        }
        long days = ChronoUnit.DAYS.between(today, nextHearing);
        if (days <= URGENT_HEARING_DAYS) {
            return URGENT;
        }
        return days <= HIGH_HEARING_DAYS ? HIGH : NORMAL;
    }
}
