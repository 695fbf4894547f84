package org.defensefund.tracker.dashboards;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one dashboard shows for a scope and a period, suppression already applied: no name, no
 * A-number, no case, only counts, durations and money.
 */
public record Dashboard(DashboardScope scope, LocalDate from, LocalDate to, Suppression suppression,
                        List<Cell> activity, Durations toAssignment, Durations toFirstAction, Breakdown custodyStatus,
                        Breakdown outcomes, SuccessRate success, Breakdown custodyResults, Breakdown byPartner,
                        Breakdown byCountry, Breakdown byLanguage, Breakdown byCourt, List<GrantSpend> spend,
                        List<MonthRow> trend) implements Serializable {

    public int getThreshold() {
        return suppression.threshold();
    }

    public boolean isSuppressed() {
        return suppression.isOn();
    }
}
