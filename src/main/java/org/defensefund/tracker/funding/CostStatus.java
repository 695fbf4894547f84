package org.defensefund.tracker.funding;

/** A cost is submitted by partner staff, then approved or rejected by an administrator. */
public enum CostStatus {
    SUBMITTED, APPROVED, REJECTED
}
