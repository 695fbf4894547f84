package org.defensefund.tracker.cases;

import java.time.LocalDateTime;

/**
 * A hearing as a calendar shows it ({@link CaseQueries#hearingsBetween}): its case by number, its kind, its time in the
 * fund's zone and its court (the hearing's, else the case's), never the client. The court's name is its English one;
 * pages and feeds put it in their reader's language by its id.
 */
public record CalendarHearing(Long hearingId, Long caseId, String caseNumber, HearingKind kind, LocalDateTime scheduledAt,
                              Long courtId, String courtName) {
}
