package org.defensefund.tracker.dashboards;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * Days from referral to a step, over the cases that reached it in the period: how many, the median and
 * the 90th percentile (computed by MariaDB's PERCENTILE_CONT). Hidden when the cases are too few.
 */
public record Durations(Cell cases, BigDecimal median, BigDecimal p90) implements Serializable {

    public Cell getCases() {
        return cases;
    }

    public BigDecimal getMedian() {
        return median;
    }

    public BigDecimal getP90() {
        return p90;
    }
}
