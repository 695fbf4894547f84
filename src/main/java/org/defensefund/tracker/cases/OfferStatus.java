package org.defensefund.tracker.cases;

/** The answer to an offer of a case to a partner. */
public enum OfferStatus {
    PENDING, ACCEPTED, DECLINED, WITHDRAWN
}
