package org.defensefund.tracker.dashboards;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * The share of completed cases (decided in court) in which the client may remain: relief, termination,
 * administrative closure. The denominator is always shown; the rate is hidden when the successes or the
 * others are too few to show (the rate times the denominator would give them away).
 */
public record SuccessRate(Cell successes, Cell completed, BigDecimal percent) implements Serializable {

    public Cell getSuccesses() {
        return successes;
    }

    public Cell getCompleted() {
        return completed;
    }

    public BigDecimal getPercent() {
        return percent;
    }
}
