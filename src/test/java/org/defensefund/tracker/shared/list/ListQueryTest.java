package org.defensefund.tracker.shared.list;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The parts of list queries that need no database. */
class ListQueryTest {

    @Test
    void pageSizesAreKeptWithinBounds() {
        assertEquals(ListQuery.MAX_PAGE_SIZE, new ListQuery(0, 100_000, null, true, Map.of()).pageSize());
        assertEquals(1, new ListQuery(0, 0, null, true, Map.of()).pageSize());
        assertEquals(0, new ListQuery(-5, 10, null, true, Map.of()).first());
    }

    @Test
    void emptyFiltersAreDropped() {
        java.util.HashMap<String, Object> fromAForm = new java.util.HashMap<>();
        fromAForm.put("name", null);
        fromAForm.put("city", "Lynn");
        assertEquals(Map.of("city", "Lynn"), new ListQuery(0, 10, null, true, fromAForm).filters());
    }

    @Test
    void filtersAreCopiedNotShared() {
        ListQuery query = ListQuery.firstPage(10).withFilter("name", "Haitian");
        ListQuery narrower = query.withFilter("city", "Boston");
        assertEquals(1, query.filters().size());
        assertEquals(2, narrower.filters().size());
        assertEquals("name", narrower.sortedBy("name", false).sortField());
    }
}
