package org.defensefund.tracker.cases.web;

/**
 * A section of the case page: its key (the {@code tab} parameter and the bundle key
 * {@code cases_detail.tab.<key>}), how many records it holds (-1 when a count says nothing) and whether it is
 * the one shown.
 */
public final class CaseTab {

    private final String key;
    private final int count;
    private final boolean current;

    CaseTab(String key, int count, boolean current) {
        this.key = key;
        this.count = count;
        this.current = current;
    }

    public String getKey() {
        return key;
    }

    public int getCount() {
        return count;
    }

    public boolean isCurrent() {
        return current;
    }
}
