package org.defensefund.tracker.cases;

/** Whether a client is detained now, as the case lists filter it (the case's current custody, not its history). */
public enum Custody {
    DETAINED,
    NOT_DETAINED;

    boolean isDetained() {
        return this == DETAINED;
    }
}
