package org.defensefund.tracker.cases;

import java.time.LocalDateTime;

/**
 * A hearing ahead of an open case, as the client reminders need it and no more: when and where (the court's name and
 * address, as the fund keeps them in the reference list), the language the client speaks (its code, or null), and the
 * case's id, which names nothing. No client's name, A-number, case type, partner or lawyer.
 */
public record UpcomingHearing(Long caseId, Long hearingId, LocalDateTime scheduledAt, String courtName, String courtAddress,
                              String clientLanguage) {
}
