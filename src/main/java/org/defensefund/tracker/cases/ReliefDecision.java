package org.defensefund.tracker.cases;

/** Where an application for relief stands. */
public enum ReliefDecision {
    PENDING, GRANTED, DENIED, WITHDRAWN
}
