package org.defensefund.tracker.funding.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.defensefund.tracker.funding.BudgetFigures;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.funding.BurnRate;
import org.defensefund.tracker.funding.CostLine;
import org.defensefund.tracker.funding.CostService;
import org.defensefund.tracker.funding.GrantService;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.funding.SubAwardAmendment;
import org.defensefund.tracker.funding.SubAwardTerms;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.web.Downloads;
import org.defensefund.tracker.shared.web.PageIds;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /budget/subaward.xhtml}: one sub-award for an administrator or its partner's staff: its money
 * and forecast, its amendments, and the costs paid from it (by case number), for a period; exports the
 * cost report. Administrators amend it here (amount or period, with a reason; the old terms are kept).
 */
@Named
@ViewScoped
public class SubAwardBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FundClock clock;

    @Inject
    private GrantService grants;

    private Boolean manager;

    @Inject
    private BudgetService budget;

    @Inject
    private CostService costs;

    @Inject
    private PartnerService partners;

    @Inject
    private Settings settings;

    private String id;
    private SubAward subAward;
    private String partnerName;
    private BudgetFigures figures;
    private List<SubAwardAmendment> amendments;
    private List<CostLine> costLines;
    private LocalDate from;
    private LocalDate to;
    private SubAwardTerms terms;

    public void load() {
        subAward = grants.findSubAward(PageIds.required(id, "SubAward"));
        partnerName = partners.namesOf(List.of(subAward.getPartnerId())).get(subAward.getPartnerId());
        terms = new SubAwardTerms(subAward.getAmount(), subAward.getPeriodStart(), subAward.getPeriodEnd(), null);
        refresh();
    }

    private void refresh() {
        figures = budget.subAward(subAward.getId(), from, to);
        amendments = grants.amendments(subAward.getId());
        costLines = costs.ofSubAward(subAward.getId(), from, to);
    }

    public void applyPeriod() {
        try {
            refresh();
        } catch (BusinessException e) {
            PageMessages.show(e, "period");
        }
    }

    public String amend() {
        try {
            grants.amend(subAward.getId(), subAward.getVersion(), terms);
            PageMessages.done("budget_subaward.amended", partnerName);
            return "subaward?faces-redirect=true&id=" + subAward.getId();
        } catch (BusinessException e) {
            PageMessages.show(e, "amend");
            return null;
        }
    }

    public void exportCsv() {
        Downloads.csv(BudgetReports.subAward(title(), costLines), fileName());
    }

    public void exportXlsx() {
        Downloads.xlsx(List.of(BudgetReports.subAward(title(), costLines)), fileName());
    }

    private String title() {
        return partnerName + " " + subAward.getGrant().getName();
    }

    private String fileName() {
        return "sub-award-" + subAward.getId() + (from == null ? "" : "-from-" + from) + (to == null ? "" : "-to-" + to);
    }

    public BurnRate getBurnRate() {
        return figures.burnRate(clock.today());
    }

    /** Whether the caller manages the money here (amends, reaches the grant's page); asked of the service. */
    public boolean isManager() {
        if (manager == null) {
            manager = grants.mayAward();
        }
        return manager;
    }

    public boolean isFlagged() {
        return figures.reaches(settings.budgetAlertPercent());
    }

    public SubAward getSubAward() {
        return subAward;
    }

    public String getPartnerName() {
        return partnerName;
    }

    public BudgetFigures getFigures() {
        return figures;
    }

    public List<SubAwardAmendment> getAmendments() {
        return amendments;
    }

    public List<CostLine> getCostLines() {
        return costLines;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public SubAwardTerms getTerms() {
        return terms;
    }
}
