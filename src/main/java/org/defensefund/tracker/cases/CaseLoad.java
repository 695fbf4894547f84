package org.defensefund.tracker.cases;

import java.io.Serializable;

/**
 * A partner's open cases against the capacity it agreed to: full at capacity, over past it. The offer screen
 * and the partner's home flag both, so nobody offers a full partner more work without seeing it.
 */
public record CaseLoad(long openCases, int capacity) implements Serializable {

    /** At or past capacity: another case would be one too many. */
    public boolean full() {
        return openCases >= capacity;
    }

    /** Past capacity already. */
    public boolean over() {
        return openCases > capacity;
    }

    /** Cases it can still take (negative when over). */
    public long roomLeft() {
        return capacity - openCases;
    }
}
