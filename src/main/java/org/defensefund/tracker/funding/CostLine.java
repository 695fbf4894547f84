package org.defensefund.tracker.funding;

import java.io.Serializable;

/** A cost as lists show it: with its case number and, once approved, its disbursement. */
public record CostLine(CaseCost cost, String caseNumber, Disbursement payment) implements Serializable {
}
