package org.defensefund.tracker.dashboards;

import java.io.Serializable;
import java.math.BigDecimal;

/** Spending against budget for one grant: awarded, approved in the period, paid in the period. */
public record GrantSpend(String grant, BigDecimal awarded, BigDecimal approved, BigDecimal paid) implements Serializable {

    public String getGrant() {
        return grant;
    }

    public BigDecimal getAwarded() {
        return awarded;
    }

    public BigDecimal getApproved() {
        return approved;
    }

    public BigDecimal getPaid() {
        return paid;
    }
}
