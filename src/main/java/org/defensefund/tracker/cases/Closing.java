package org.defensefund.tracker.cases;

import java.time.LocalDate;
import org.defensefund.tracker.reference.ReferenceItem;

/**
 * How a case ends: the outcome from the reference list, the custody result kept apart from the merits (none
 * when custody was never at stake), and the date of the decision.
 */
public record Closing(ReferenceItem outcome, ReferenceItem custodyResult, LocalDate decidedOn) {
}
