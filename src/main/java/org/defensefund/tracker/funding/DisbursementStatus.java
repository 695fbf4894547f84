package org.defensefund.tracker.funding;

/** A disbursement is scheduled when its cost is approved, and paid later. */
public enum DisbursementStatus {
    SCHEDULED, PAID
}
