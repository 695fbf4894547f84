package org.defensefund.tracker.deadlines;

/** Where a deadline stands: open until it is met (the filing was made) or waived (it no longer applies, with a reason). */
public enum DeadlineState {
    OPEN, MET, WAIVED
}
