package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CaseProgressTest {

    private static String path(CaseStatus status, boolean everAssigned) {
        return CaseProgress.of(status, everAssigned).toString();
    }

    @Test
    void aReferredCaseHasTheWholeRoadAhead() {
        assertEquals("[REFERRED:current, ELIGIBLE:ahead, OFFERED:ahead, ASSIGNED:ahead, CLOSED:ahead]", path(CaseStatus.REFERRED, false));
    }

    @Test
    void anAssignedCaseHasPassedReferralScreeningAndTheOffer() {
        assertEquals("[REFERRED:done, ELIGIBLE:done, OFFERED:done, ASSIGNED:current, CLOSED:ahead]", path(CaseStatus.ASSIGNED, true));
    }

    @Test
    void waitingForDocumentsStandsBeforeEligibility() {
        assertEquals("[REFERRED:done, PENDING_DOCUMENTS:current, ELIGIBLE:ahead, OFFERED:ahead, ASSIGNED:ahead, CLOSED:ahead]",
                path(CaseStatus.PENDING_DOCUMENTS, false));
    }

    @Test
    void anIneligibleCaseEndsAfterReferral() {
        assertEquals("[REFERRED:done, INELIGIBLE:current]", path(CaseStatus.INELIGIBLE, false));
    }

    @Test
    void aCaseClosedBeforeAnyPartnerTookItSkipsOfferAndAssignment() {
        assertEquals("[REFERRED:done, ELIGIBLE:done, CLOSED:current]", path(CaseStatus.CLOSED, false));
        assertEquals("[REFERRED:done, ELIGIBLE:done, OFFERED:done, ASSIGNED:done, CLOSED:current]", path(CaseStatus.CLOSED, true));
    }
}
