package org.defensefund.tracker.shared.list;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One page of a list as a screen asks for it: where it starts, how many rows, one sort field and the
 * filters by field name. The service that answers decides which fields may be sorted and filtered.
 */
public record ListQuery(int first, int pageSize, String sortField, boolean ascending, Map<String, Object> filters) {

    public static final int MAX_PAGE_SIZE = 200;

    /**
     * Where a list's count stops: past it the list says "10,000+" rather than count every matching row (an
     * exact count of a million rows is a scan of them all, on every page).
     */
    public static final int COUNT_LIMIT = 10_000;

    public ListQuery {
        if (first < 0) {
            first = 0;
        }
        if (pageSize <= 0 || pageSize > MAX_PAGE_SIZE) {
            pageSize = Math.min(Math.max(pageSize, 1), MAX_PAGE_SIZE);
        }
        filters = filters == null ? Map.of() : filters.entrySet().stream()
                .filter(filter -> filter.getKey() != null && filter.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public static ListQuery firstPage(int pageSize) {
        return new ListQuery(0, pageSize, null, true, Map.of());
    }

    public ListQuery withFilter(String field, Object value) {
        Map<String, Object> copy = new HashMap<>(filters);
        copy.put(field, value);
        return new ListQuery(first, pageSize, sortField, ascending, copy);
    }

    public ListQuery sortedBy(String field, boolean asc) {
        return new ListQuery(first, pageSize, field, asc, filters);
    }
}
