package org.defensefund.tracker.shared.export;

import java.util.List;

/**
 * A table to export: a title (the sheet's name), column headings and rows of cells. A cell is text, a
 * number (money as BigDecimal), a date or null; exporters keep numbers as numbers.
 */
public record ReportTable(String title, List<String> headings, List<List<Object>> rows) {

    public ReportTable {
        headings = List.copyOf(headings);
        rows = rows.stream().map(row -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(row))).toList();
    }
}
