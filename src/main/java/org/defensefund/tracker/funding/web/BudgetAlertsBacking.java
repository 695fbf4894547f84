package org.defensefund.tracker.funding.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.funding.BudgetAlert;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.partners.PartnerService;

/** The administrator's home-page card of sub-awards at or above the alert percentage spent. */
@Named
@RequestScoped
public class BudgetAlertsBacking {

    @Inject
    private BudgetService budget;

    @Inject
    private PartnerService partners;

    private List<BudgetAlert> alerts;
    private Map<Long, String> partnerNames;

    public List<BudgetAlert> getAlerts() {
        if (alerts == null) {
            alerts = budget.alerts();
            partnerNames = partners.namesOf(alerts.stream().map(a -> a.subAward().getPartnerId()).distinct().toList());
        }
        return alerts;
    }

    public String partnerName(Long partnerId) {
        getAlerts();
        return partnerNames.get(partnerId);
    }

    public int getPercent() {
        return budget.alertPercent();
    }
}
