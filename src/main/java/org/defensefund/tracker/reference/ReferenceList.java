package org.defensefund.tracker.reference;

/** The reference lists kept in {@code reference_item}, each extendable by the fund's administrators. */
public enum ReferenceList {
    REFERRAL_SOURCE,
    CASE_TYPE,
    RELIEF_TYPE,
    OUTCOME,
    CUSTODY_RESULT,
    COURT,
    DETENTION_FACILITY,
    DECLINE_REASON,
    INELIGIBILITY_REASON
}
