package org.defensefund.tracker.funding;

/**
 * A reason a case can't be charged to a sub-award or a cost can't be paid from it: the grant's own
 * restrictions first, then the sub-award's partner, period and the case's status.
 */
public enum RestrictionKind {
    CASE_TYPE, RELIEF_TYPE, DETAINED_ONLY, MUNICIPALITY, MAX_PER_CASE, EXCLUDED_USE,
    PARTNER, PERIOD, CASE_STATUS
}
