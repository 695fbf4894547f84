package org.defensefund.tracker.funding.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.funding.BudgetFigures;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.GrantService;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.list.ListQuery;

/**
 * {@code /budget/index.xhtml}: the budgets a user may see. A funder user sees their funder's grants,
 * partner staff their organization's sub-awards, an administrator every grant; each with its money.
 */
@Named
@ViewScoped
public class BudgetsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private GrantService grants;

    @Inject
    private BudgetService budget;

    @Inject
    private PartnerService partners;

    @Inject
    private Settings settings;

    private List<Grant> grantList = List.of();
    private List<SubAward> subAwards = List.of();
    private Map<Long, BudgetFigures> figures = Map.of();
    private String partnerName;
    private boolean ownView;

    @PostConstruct
    void init() {
        ownView = grants.hasOwnSubAwards();
        if (ownView) {
            subAwards = grants.ownSubAwards();
            figures = budget.ownSubAwards();
            partnerName = partners.own().map(PartnerOrganization::getName).orElse(null);
        } else {
            grantList = grants.list(new ListQuery(0, ListQuery.MAX_PAGE_SIZE, "periodStart", false, Map.of()));
            figures = budget.grants();
        }
    }

    /** Whether the page shows the caller's own sub-awards (partner staff) rather than grants. */
    public boolean isOwnSubAwards() {
        return ownView;
    }

    public List<Grant> getGrants() {
        return grantList;
    }

    public List<SubAward> getSubAwards() {
        return subAwards;
    }

    public BudgetFigures figures(Long id) {
        return figures.get(id);
    }

    public boolean flagged(Long id) {
        return figures.get(id).reaches(settings.budgetAlertPercent());
    }

    public String getPartnerName() {
        return partnerName;
    }
}
