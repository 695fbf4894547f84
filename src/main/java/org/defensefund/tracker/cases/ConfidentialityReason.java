package org.defensefund.tracker.cases;

import java.util.Map;
import java.util.Optional;

/**
 * Why a case is confidential: the law that protects its information. Asylum information (and credible
 * and reasonable fear records, withholding and CAT claims made with them) is confidential by regulation,
 * 8 CFR 208.6; VAWA, T and U visa information by statute, 8 U.S.C. 1367. {@link #OTHER_PROTECTED} is for
 * anything else the fund decides to protect the same way.
 */
public enum ConfidentialityReason {
    ASYLUM, VAWA, T_VISA, U_VISA, OTHER_PROTECTED;

    /** Relief types (codes of the RELIEF_TYPE list) whose very request makes a case confidential. */
    private static final Map<String, ConfidentialityReason> BY_RELIEF = Map.of(
            "ASYLUM", ASYLUM, "WITHHOLDING", ASYLUM, "CAT_WITHHOLDING", ASYLUM, "CAT_DEFERRAL", ASYLUM,
            "VAWA", VAWA, "T_VISA", T_VISA, "U_VISA", U_VISA);

    /** Case types (codes of the CASE_TYPE list) that are asylum, credible fear or reasonable fear matters. */
    private static final Map<String, ConfidentialityReason> BY_CASE_TYPE = Map.of(
            "AOC", ASYLUM, "CFR", ASYLUM, "RFR", ASYLUM, "WHO", ASYLUM);

    /** The reason a relief of this code calls for, if it calls for one. */
    public static Optional<ConfidentialityReason> forRelief(String reliefCode) {
        return Optional.ofNullable(reliefCode == null ? null : BY_RELIEF.get(reliefCode));
    }

    /** The reason a case of this type calls for, if it calls for one. */
    public static Optional<ConfidentialityReason> forCaseType(String caseTypeCode) {
        return Optional.ofNullable(caseTypeCode == null ? null : BY_CASE_TYPE.get(caseTypeCode));
    }
}
