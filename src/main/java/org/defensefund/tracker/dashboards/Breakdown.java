package org.defensefund.tracker.dashboards;

import java.io.Serializable;
import java.util.List;

/** Counts by category (partner, country, outcome...) with their total, suppression applied. */
public record Breakdown(String title, List<Cell> cells, Cell total) implements Serializable {

    public List<Cell> getCells() {
        return cells;
    }

    public Cell getTotal() {
        return total;
    }
}
