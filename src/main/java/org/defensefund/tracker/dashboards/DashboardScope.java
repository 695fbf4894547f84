package org.defensefund.tracker.dashboards;

import java.io.Serializable;

/**
 * Whose results a dashboard shows: the whole fund (all null), the cases charged to a funder's grants or
 * to one grant, or one partner's cases. A funder user's scope is always their own funder.
 */
public record DashboardScope(Long funderId, Long grantId, Long partnerId) implements Serializable {

    public static final DashboardScope WHOLE_FUND = new DashboardScope(null, null, null);

    long funder() {
        return funderId == null ? 0L : funderId;
    }

    long grant() {
        return grantId == null ? 0L : grantId;
    }

    long partner() {
        return partnerId == null ? 0L : partnerId;
    }

    /** Whether only cases charged to grants count (a funder or a grant chosen). */
    long funded() {
        return funder() > 0 || grant() > 0 ? 1L : 0L;
    }
}
