package org.defensefund.tracker.cases;

/**
 * A case as a calendar names it ({@link CaseQueries#calendarCases}): its number and court, never the client. The
 * court's name is its English one; pages and feeds put it in their reader's language by its id.
 */
public record CalendarCase(Long caseId, String caseNumber, Long courtId, String courtName) {
}
