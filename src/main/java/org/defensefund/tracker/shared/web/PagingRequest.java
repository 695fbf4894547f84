package org.defensefund.tracker.shared.web;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table's paging request read as a page it can show: a row count the table offers (else the one shown now),
 * a first row that starts a page, from 0 up to {@link #MAX_FIRST}. Tampered numbers ("-5", "abc", a page size
 * the table doesn't offer) never reach the table, which would fail on them. Pure; {@link PagedDataTable} uses it.
 */
public final class PagingRequest {

    /** The furthest first row a request may ask for: past any list the fund keeps, far from int overflow. */
    public static final int MAX_FIRST = 100_000_000;

    private PagingRequest() {
    }

    /** The row counts a {@code rowsPerPageTemplate} ("10,20,50,100") offers. */
    public static List<Integer> offered(String template) {
        if (template == null) {
            return List.of();
        }
        return Arrays.stream(template.split(",")).map(String::strip).map(PagingRequest::number)
                .filter(Objects::nonNull).filter(n -> n > 0).toList();
    }

    /** The rows asked for if the table offers that many, else the rows it shows now. */
    public static int rows(String asked, List<Integer> offered, int current) {
        Integer rows = number(asked);
        int fallback = current > 0 ? current : offered.isEmpty() ? 10 : offered.get(0);
        return rows != null && (offered.contains(rows) || (offered.isEmpty() && rows == current)) ? rows : fallback;
    }

    /** The first row asked for, at the start of its page, within 0..{@link #MAX_FIRST}; 0 when it isn't a number. */
    public static int first(String asked, int rows) {
        Integer first = number(asked);
        if (first == null || first < 0) {
            return 0;
        }
        int clamped = Math.min(first, MAX_FIRST);
        return rows > 0 ? clamped - clamped % rows : clamped;
    }

    private static Integer number(String text) {
        if (text == null || !text.strip().matches("[0-9]{1,10}")) {
            return null;
        }
        long value = Long.parseLong(text.strip());
        return value > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) value;
    }
}
