package org.defensefund.tracker.cases;

import java.io.Serializable;
import java.time.LocalDate;
import org.defensefund.tracker.reference.Language;
import org.defensefund.tracker.reference.ReferenceItem;

/**
 * What an organization a confidential case is offered to may know before it accepts: enough to decide
 * (case type, court, custody, language, next hearing) and nothing that identifies the client (no name,
 * A-number, birth date, address, phone, notes or timeline). Built by {@link CaseService#summary}.
 *
 * <p>The reference items and the language are given as such, so that the page names them in its reader's language.
 *
 * @param pendingOfferId the caller's organization's pending offer of the case, to accept or decline
 */
public record CaseSummary(Long id, String caseNumber, CaseStatus status, Priority priority, boolean confidential,
                          ReferenceItem caseType, ReferenceItem court, boolean detained, ReferenceItem facility, Language language,
                          boolean interpreterNeeded, LocalDate nextHearingDate, Long pendingOfferId) implements Serializable {
}
