package org.defensefund.tracker.funding;

import java.io.Serializable;
import java.util.List;

/** A sub-award a case could be charged to, with the restrictions the case fails (none: it qualifies). */
public record SubAwardOption(SubAward subAward, List<RestrictionFailure> failures) implements Serializable {

    public boolean qualifies() {
        return failures.isEmpty();
    }

    /** "Grant name (funder)" for lists. */
    public String label() {
        return subAward.getGrant().getName() + " (" + subAward.getGrant().getFunder().getName() + ")";
    }
}
