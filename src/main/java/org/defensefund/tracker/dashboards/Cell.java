package org.defensefund.tracker.dashboards;

import java.io.Serializable;

/**
 * One count on a dashboard, as it may be shown: the count itself, or hidden because it is small
 * ({@link #isSmall()}, shown as "&lt;5") or because it would let a small one be worked out from a total
 * ({@link #isHidden()}, shown as "*"). A hidden value never leaves the service: {@link #value()} is then null.
 */
public record Cell(String key, String label, Long value, Mark mark) implements Serializable {

    /** Why a count is not shown. */
    public enum Mark { SHOWN, SMALL, SECONDARY }

    public static Cell shown(String key, String label, long value) {
        return new Cell(key, label, value, Mark.SHOWN);
    }

    Cell hide(Mark why) {
        return new Cell(key, label, null, why);
    }

    public boolean isSmall() {
        return mark == Mark.SMALL;
    }

    public boolean isHidden() {
        return mark != Mark.SHOWN;
    }

    /** The text a page, a chart's table or an export shows: the number, "&lt;5" or "*". */
    public String shownAs(int threshold) {
        return switch (mark) {
            case SHOWN -> String.valueOf(value);
            case SMALL -> "<" + threshold;
            case SECONDARY -> "*";
        };
    }

    public String getKey() {
        return key;
    }

    public String getLabel() {
        return label;
    }

    public Long getValue() {
        return value;
    }
}
