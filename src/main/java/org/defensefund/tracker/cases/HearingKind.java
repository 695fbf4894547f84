package org.defensefund.tracker.cases;

/** The hearings of a removal case in immigration court. */
public enum HearingKind {
    MASTER_CALENDAR, BOND, INDIVIDUAL_MERITS
}
