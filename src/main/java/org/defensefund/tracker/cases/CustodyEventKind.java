package org.defensefund.tracker.cases;

/** A change in the client's custody: detained, moved to another facility, or released (and how). */
public enum CustodyEventKind {
    DETAINED, TRANSFERRED, RELEASED_BOND, RELEASED_PAROLE, RELEASED_ATD, RELEASED_OTHER;

    public boolean isRelease() {
        return name().startsWith("RELEASED");
    }
}
