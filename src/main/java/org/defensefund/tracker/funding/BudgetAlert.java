package org.defensefund.tracker.funding;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A current sub-award at or above the alert percentage of its amount, for the administrator's home page:
 * what was awarded and what is approved so far (all costs, whatever their date).
 */
public record BudgetAlert(SubAward subAward, BigDecimal awarded, BigDecimal approved) implements Serializable {

    /** Approved as a percentage of awarded, to one decimal. */
    public BigDecimal getPercentSpent() {
        return approved.multiply(BigDecimal.valueOf(100)).divide(awarded, 1, RoundingMode.HALF_UP);
    }

    public BigDecimal getRemaining() {
        return awarded.subtract(approved);
    }
}
