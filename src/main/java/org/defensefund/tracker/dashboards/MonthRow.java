package org.defensefund.tracker.dashboards;

import java.io.Serializable;
import java.math.BigDecimal;

/** One month of the trend: referrals and closures (suppressed like any count) and approved spending. */
public record MonthRow(String month, Cell referrals, Cell closures, BigDecimal spend) implements Serializable {

    public String getMonth() {
        return month;
    }

    public Cell getReferrals() {
        return referrals;
    }

    public Cell getClosures() {
        return closures;
    }

    public BigDecimal getSpend() {
        return spend;
    }
}
