package org.defensefund.tracker.deadlines.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.defensefund.tracker.deadlines.DeadlineService;
import org.defensefund.tracker.deadlines.DeadlineView;

/**
 * {@code /cases/deadlines.xhtml?page=N}: the "Deadlines" queue, the open deadlines of every case the caller reaches,
 * soonest due first, overdue ones flagged, {@value #PAGE_SIZE} a page.
 */
@Named
@RequestScoped
public class DeadlinesBacking {

    static final int PAGE_SIZE = 25;

    @Inject
    private DeadlineService deadlines;

    private int page;
    private List<DeadlineView> rows;
    private long count;

    public void load() {
        page = Math.max(0, page);
        count = deadlines.queueCount(null);
        rows = deadlines.queue(null, page * PAGE_SIZE, PAGE_SIZE);
    }

    public List<DeadlineView> getRows() {
        return rows;
    }

    /** How many open deadlines, up to one past the lists' limit (shown by {@code counts.of} as "10,000+"). */
    public long getCount() {
        return count;
    }

    public boolean isHasPrevious() {
        return page > 0;
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < count;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }
}
