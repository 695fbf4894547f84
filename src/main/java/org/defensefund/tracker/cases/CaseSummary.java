package org.defensefund.tracker.cases;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What an organization a confidential case is offered to may know before it accepts: enough to decide
 * (case type, court, custody, language, next hearing) and nothing that identifies the client (no name,
 * A-number, birth date, address, phone, notes or timeline). Built by {@link CaseService#summary}.
 *
 * @param pendingOfferId the caller's organization's pending offer of the case, to accept or decline
 */
public record CaseSummary(Long id, String caseNumber, CaseStatus status, Priority priority, boolean confidential,
                          String caseType, String court, boolean detained, String facility, String language,
                          boolean interpreterNeeded, LocalDate nextHearingDate, Long pendingOfferId) implements Serializable {
}
