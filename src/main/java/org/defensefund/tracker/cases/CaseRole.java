package org.defensefund.tracker.cases;

/**
 * The part a caller plays in one case, which decides what of it they reach and which {@link CaseStep}s they
 * may take: the fund's administrators play a part in every case; partner staff are the case's own partner
 * while it is offered to or assigned to their organization, and another partner otherwise; funders (and
 * anyone else) have no part in cases at all.
 */
enum CaseRole {
    ADMINISTRATOR,
    OWN_PARTNER,
    OTHER_PARTNER,
    FUNDER;

    /** The role of partner staff of {@code callersPartner} in the case. */
    static CaseRole ofPartner(Long callersPartner, LegalCase legalCase) {
        return callersPartner != null && callersPartner.equals(legalCase.getPartnerId()) ? OWN_PARTNER : OTHER_PARTNER;
    }

    /** Whether the caller reaches the case at all (its details or only its summary). */
    boolean reaches() {
        return this == ADMINISTRATOR || this == OWN_PARTNER;
    }

    /**
     * Whether the caller sees the case's details: administrators always; its own partner unless the case is
     * confidential and only offered to it (not yet accepted), when it gets only the summary it needs to decide.
     */
    boolean seesDetailsOf(LegalCase legalCase) {
        return this == ADMINISTRATOR
                || this == OWN_PARTNER && !(legalCase.isConfidential() && legalCase.getStatus() == CaseStatus.OFFERED);
    }
}
