package org.defensefund.tracker.cases;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One line of a case list, as the caller may see it. For a confidential case the caller may not see the
 * details of (one only offered to their organization), {@code clientName} is null and {@code clientHidden}
 * true: lists show "Confidential case" instead, and the service never hands the client out.
 */
public record CaseRow(Long id, String caseNumber, String clientName, boolean clientHidden, boolean confidential,
                      CaseStatus status, Priority priority, boolean detained, String facility, LocalDate nextHearingDate,
                      Long partnerId, LocalDate referralDate) implements Serializable {

    static CaseRow of(LegalCase legalCase, boolean seesDetails) {
        String name = seesDetails ? legalCase.getClient().getLastName() + ", " + legalCase.getClient().getFirstName() : null;
        return new CaseRow(legalCase.getId(), legalCase.getCaseNumber(), name, !seesDetails, legalCase.isConfidential(),
                legalCase.getStatus(), legalCase.getPriority(), legalCase.isDetained(),
                legalCase.getFacility() == null ? null : legalCase.getFacility().getName(), legalCase.getNextHearingDate(),
                legalCase.getPartnerId(), legalCase.getReferralDate());
    }
}
