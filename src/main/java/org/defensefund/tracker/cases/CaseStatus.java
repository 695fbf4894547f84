package org.defensefund.tracker.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. The allowed moves are the domain's, defined here and nowhere else:
 *
 * <pre>
 * REFERRED ──screen──▶ PENDING_DOCUMENTS ──screen──▶ ELIGIBLE | INELIGIBLE
 * REFERRED ──screen──▶ ELIGIBLE | INELIGIBLE
 * ELIGIBLE ──offer──▶ OFFERED ──accept──▶ ASSIGNED ──close──▶ CLOSED
 *                     OFFERED ──decline / withdraw──▶ ELIGIBLE (back in the queue)
 *                                         ASSIGNED ──reassign──▶ ELIGIBLE
 * ELIGIBLE | PENDING_DOCUMENTS ──close (client withdrew, lost contact)──▶ CLOSED
 * </pre>
 *
 * INELIGIBLE and CLOSED are final; an appeal is a new, linked case, not a reopening.
 */
public enum CaseStatus {
    REFERRED,
    PENDING_DOCUMENTS,
    ELIGIBLE,
    INELIGIBLE,
    OFFERED,
    ASSIGNED,
    CLOSED;

    /**
     * Where the status comes on the case's path, for sorting lists: referred, pending documents, eligible,
     * offered, assigned, then the two ends (closed, ineligible). The database keeps the same rank
     * ({@code legal_case.status_rank}, migration V13).
     */
    public int pathRank() {
        return switch (this) {
            case REFERRED -> 0;
            case PENDING_DOCUMENTS -> 1;
            case ELIGIBLE -> 2;
            case OFFERED -> 3;
            case ASSIGNED -> 4;
            case CLOSED -> 5;
            case INELIGIBLE -> 6;
        };
    }

    /** The statuses this one may move to. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case REFERRED -> EnumSet.of(PENDING_DOCUMENTS, ELIGIBLE, INELIGIBLE);
            case PENDING_DOCUMENTS -> EnumSet.of(ELIGIBLE, INELIGIBLE, CLOSED);
            case ELIGIBLE -> EnumSet.of(OFFERED, CLOSED);
            case OFFERED -> EnumSet.of(ASSIGNED, ELIGIBLE);
            case ASSIGNED -> EnumSet.of(CLOSED, ELIGIBLE);
            case INELIGIBLE, CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** Checks a move; an illegal one is refused with a message naming both statuses. */
    public void requireMoveTo(CaseStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(this, target);
        }
    }

    /** Waiting for the fund's screening (the diagram's "screen" arrows start here). */
    public boolean isAwaitingScreening() {
        return this == REFERRED || this == PENDING_DOCUMENTS;
    }

    /** Still in the fund's hands or a partner's: neither closed nor screened out. */
    public boolean isOpen() {
        return this != INELIGIBLE && this != CLOSED;
    }
}
