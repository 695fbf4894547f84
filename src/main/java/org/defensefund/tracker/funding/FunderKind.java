package org.defensefund.tracker.funding;

/** What kind of body a funder is; funders report differently by kind. */
public enum FunderKind {
    CITY, STATE_AGENCY, FOUNDATION, INDIVIDUAL, OTHER
}
