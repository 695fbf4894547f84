package org.defensefund.tracker.cases;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One line of a case list, as the caller may see it. For a confidential case the caller may not see the
 * details of (one only offered to their organization), the client's name is null and {@link #isClientHidden()}
 * true: lists show "Confidential case" instead, and the service never hands the client out.
 */
public final class CaseRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Long id;
    private final String caseNumber;
    private final String clientName;
    private final boolean clientHidden;
    private final boolean confidential;
    private final CaseStatus status;
    private final Priority priority;
    private final boolean detained;
    private final String facility;
    private final LocalDate nextHearingDate;
    private final Long partnerId;
    private final boolean clientErased;
    private final LocalDate referralDate;

    private CaseRow(LegalCase legalCase, boolean seesDetails) {
        id = legalCase.getId();
        caseNumber = legalCase.getCaseNumber();
        clientErased = seesDetails ? legalCase.getClient().isErased() : legalCase.getClient().getErasedAt() != null;
        clientName = seesDetails && !clientErased ? legalCase.getClient().getLastName() + ", " + legalCase.getClient().getFirstName() : null;
        clientHidden = !seesDetails;
        confidential = legalCase.isConfidential();
        status = legalCase.getStatus();
        priority = legalCase.getPriority();
        detained = legalCase.isDetained();
        facility = legalCase.getFacility() == null ? null : legalCase.getFacility().getName();
        nextHearingDate = legalCase.getNextHearingDate();
        partnerId = legalCase.getPartnerId();
        referralDate = legalCase.getReferralDate();
    }

    static CaseRow of(LegalCase legalCase, boolean seesDetails) {
        return new CaseRow(legalCase, seesDetails);
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    /** "Last, First", or null when the caller may not see the client. */
    public String getClientName() {
        return clientName;
    }

    /** Whether the client's personal data was erased (the list shows a marker instead of the name). */
    public boolean isClientErased() {
        return clientErased;
    }

    public boolean isClientHidden() {
        return clientHidden;
    }

    public boolean isConfidential() {
        return confidential;
    }

    public CaseStatus getStatus() {
        return status;
    }

    public Priority getPriority() {
        return priority;
    }

    public boolean isDetained() {
        return detained;
    }

    /** The detention facility's name, if detained. */
    public String getFacility() {
        return facility;
    }

    public LocalDate getNextHearingDate() {
        return nextHearingDate;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public LocalDate getReferralDate() {
        return referralDate;
    }
}
