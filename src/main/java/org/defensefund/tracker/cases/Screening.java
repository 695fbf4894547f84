package org.defensefund.tracker.cases;

import org.defensefund.tracker.reference.ReferenceItem;

/**
 * The administrator's screening of a referral: the eligibility facts and the decision (ELIGIBLE,
 * PENDING_DOCUMENTS or INELIGIBLE). An ineligible decision needs a reason and may name where the person
 * was referred instead.
 */
public record Screening(Boolean livesInServiceArea, Boolean inRemovalProceedings, Boolean incomeEligible,
                        CaseStatus decision, ReferenceItem ineligibilityReason, String referredElsewhere) {
}
