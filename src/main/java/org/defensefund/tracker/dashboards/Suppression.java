package org.defensefund.tracker.dashboards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Small-cell suppression. A count below the threshold (default 5) is not shown ("&lt;5"). Where counts
 * add up to a total that is shown, hiding one small count is not enough (it is the total minus the
 * others), so a second count is hidden too, the smallest shown one; and more while what is hidden could
 * still be told exactly (hidden counts summing to 0, or each being threshold - 1). A total below the
 * threshold is hidden as well. With suppression off (an administrator's own view) every count is shown.
 */
public final class Suppression implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final int threshold;
    private final boolean on;

    public Suppression(int threshold, boolean on) {
        this.threshold = threshold;
        this.on = on;
    }

    /** Two suppressions are the same rule when they hide the same counts. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Suppression that && threshold == that.threshold && on == that.on;
    }

    @Override
    public int hashCode() {
        return 31 * threshold + (on ? 1 : 0);
    }

    public int threshold() {
        return threshold;
    }

    public boolean isOn() {
        return on;
    }

    /** A count standing alone. */
    public Cell single(Cell cell) {
        return on && cell.value() != null && cell.value() < threshold ? cell.hide(Cell.Mark.SMALL) : cell;
    }

    /** Counts that add up to a shown total; the result keeps their order, the total last. */
    public Breakdown group(String title, List<Cell> cells, Cell total) {
        if (!on) {
            return new Breakdown(title, List.copyOf(cells), total);
        }
        List<Cell> result = new ArrayList<>();
        for (Cell cell : cells) {
            result.add(single(cell));
        }
        long hiddenCount = result.stream().filter(Cell::isHidden).count();
        if (hiddenCount > 0) {
            while (recoverable(cells, result)) {
                int next = smallestShown(result);
                if (next < 0) {
                    break;
                }
                result.set(next, cells.get(next).hide(Cell.Mark.SECONDARY));
            }
        }
        Cell shownTotal = single(total);
        if (!shownTotal.isHidden() && recoverable(cells, result)) {
            shownTotal = total.hide(Cell.Mark.SECONDARY);
        }
        return new Breakdown(title, result, shownTotal);
    }

    /** Whether the hidden counts could be told exactly from the total and the shown ones. */
    private boolean recoverable(List<Cell> raw, List<Cell> shown) {
        List<Long> hidden = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (shown.get(i).isHidden()) {
                hidden.add(raw.get(i).value());
            }
        }
        if (hidden.isEmpty()) {
            return false;
        }
        if (hidden.size() == 1) {
            return true;
        }
        long sum = hidden.stream().mapToLong(Long::longValue).sum();
        boolean allSmall = hidden.stream().allMatch(v -> v < threshold);
        return allSmall && (sum == 0 || sum == (long) hidden.size() * (threshold - 1));
    }

    private static int smallestShown(List<Cell> shown) {
        return java.util.stream.IntStream.range(0, shown.size()).filter(i -> !shown.get(i).isHidden())
                .boxed().min(Comparator.comparingLong(i -> shown.get(i).value())).orElse(-1);
    }
}
