package org.defensefund.tracker.funding;

import java.io.Serializable;

/** A sub-award at or above the alert percentage of its amount, for the administrator's home page. */
public record BudgetAlert(SubAward subAward, BudgetFigures figures) implements Serializable {
}
