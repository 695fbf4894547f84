package org.defensefund.tracker.funding;

/**
 * What a cost pays for. Attorney hours are hours at a rate; a flat fee is a fixed price for the case;
 * the rest are expenses. A grant can exclude any of them ("excluded uses").
 */
public enum CostCategory {
    ATTORNEY_HOURS, FLAT_FEE, INTERPRETER, EXPERT, FILING_FEE, TRAVEL, DOCUMENTS, OTHER_EXPENSE;

    public boolean isHourly() {
        return this == ATTORNEY_HOURS;
    }
}
