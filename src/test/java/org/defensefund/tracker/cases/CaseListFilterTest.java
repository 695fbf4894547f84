package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CaseListFilterTest {

    @Test
    void theAddresssValuesBecomeTypedFiltersOfTheQuery() {
        CaseListFilter filter = CaseListFilter.parse(Map.of("status", "ASSIGNED", "priority", "URGENT", "partner", "7", "court", " 12 ",
                "custody", "NOT_DETAINED", "from", "2026-12-01", "to", "1/31/2027"));
        assertEquals(Map.of(CaseQueries.STATUS, CaseStatus.ASSIGNED, CaseQueries.PRIORITY, Priority.URGENT, CaseQueries.PARTNER, 7L,
                CaseQueries.COURT, 12L, CaseQueries.DETAINED, false, CaseQueries.HEARING_FROM, LocalDate.of(2026, 12, 1),
                CaseQueries.HEARING_TO, LocalDate.of(2027, 1, 31)), filter.filters());
        assertTrue(filter.getProblems().isEmpty());
        assertFalse(filter.withoutPartner().filters().containsKey(CaseQueries.PARTNER), "partner staff choose no partner");
    }

    @Test
    void blankValuesFilterNothing() {
        CaseListFilter filter = CaseListFilter.parse(Map.of("status", "", "from", "  "));
        assertFalse(filter.isActive());
        assertTrue(filter.getProblems().isEmpty());
    }

    @Test
    void aValueThatDoesNotParseIsAProblemOfItsFieldAndFiltersNothing() {
        CaseListFilter filter = CaseListFilter.parse(Map.of("status", "LOST", "court", "boston", "from", "2026-02-30",
                "to", "tomorrow", "custody", "DETAINED"));
        assertEquals(Optional.of("cases_list.notAChoice"), filter.problem("status"));
        assertEquals(Optional.of("cases_list.notAChoice"), filter.problem("court"));
        assertEquals(Optional.of("cases_list.notADate"), filter.problem("from"), "no 30 February");
        assertEquals(Optional.of("cases_list.notADate"), filter.problem("to"));
        assertEquals(Map.of(CaseQueries.DETAINED, true), filter.filters(), "what parsed still filters");
    }

    @Test
    void aRangeEndingBeforeItStartsIsAProblemOfItsEnd() {
        CaseListFilter filter = CaseListFilter.parse(Map.of("from", "2026-12-10", "to", "2026-12-01"));
        assertEquals(Optional.of("cases_list.toBeforeFrom"), filter.problem("to"));
        assertFalse(filter.isActive());
        assertTrue(CaseListFilter.parse(Map.of("from", "2026-12-01", "to", "2026-12-01")).isActive(), "one day is a range");
    }
}
