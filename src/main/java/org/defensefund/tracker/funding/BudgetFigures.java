package org.defensefund.tracker.funding;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The money of a grant or a sub-award, as the database adds it up: awarded; allocated to sub-awards
 * (for a sub-award, its own amount); committed (costs submitted or approved); approved; paid
 * (disbursements paid); and the cases funded (charged to it or with approved costs on it).
 * Remaining is awarded minus approved. Costs and payments can be limited to a period.
 */
public record BudgetFigures(Long id, BigDecimal awarded, BigDecimal allocated, BigDecimal committed, BigDecimal approved,
                            BigDecimal paid, long casesFunded, LocalDate periodStart, LocalDate periodEnd) implements Serializable {

    public BigDecimal getRemaining() {
        return awarded.subtract(approved);
    }

    /** Approved money per funded case, to the cent; null without cases. */
    public BigDecimal getCostPerCase() {
        return casesFunded == 0 ? null : approved.divide(BigDecimal.valueOf(casesFunded), 2, RoundingMode.HALF_UP);
    }

    /** Approved as a percentage of awarded, to one decimal. */
    public BigDecimal getPercentSpent() {
        return approved.multiply(BigDecimal.valueOf(100)).divide(awarded, 1, RoundingMode.HALF_UP);
    }

    /** Whether approved money has reached the alert percentage of the award. */
    public boolean reaches(int alertPercent) {
        return approved.multiply(BigDecimal.valueOf(100)).compareTo(awarded.multiply(BigDecimal.valueOf(alertPercent))) >= 0;
    }

    public BurnRate burnRate(LocalDate today) {
        return BurnRate.of(awarded, approved, periodStart, periodEnd, today);
    }

    public BigDecimal getAwarded() {
        return awarded;
    }

    public BigDecimal getAllocated() {
        return allocated;
    }

    public BigDecimal getUnallocated() {
        return awarded.subtract(allocated);
    }

    public BigDecimal getCommitted() {
        return committed;
    }

    public BigDecimal getApproved() {
        return approved;
    }

    public BigDecimal getPaid() {
        return paid;
    }

    public long getCasesFunded() {
        return casesFunded;
    }
}
