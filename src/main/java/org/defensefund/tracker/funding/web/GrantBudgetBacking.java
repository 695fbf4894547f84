package org.defensefund.tracker.funding.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.funding.BudgetFigures;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.funding.BurnRate;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.GrantService;
import org.defensefund.tracker.funding.SubAward;
import org.defensefund.tracker.funding.SubAwardTerms;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.web.Downloads;
import org.defensefund.tracker.shared.web.PageIds;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /budget/grant.xhtml}: a grant's money for an administrator or the grant's funder: awarded,
 * allocated, committed, approved, paid, remaining, cases funded and cost per case, the burn-rate
 * forecast, and the same per sub-award, for a period of cost dates. Administrators award sub-awards
 * here. Both export the report as CSV or XLSX.
 */
@Named
@ViewScoped
public class GrantBudgetBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FundClock clock;

    @Inject
    private GrantService grants;

    private Boolean manager;

    @Inject
    private BudgetService budget;

    @Inject
    private PartnerService partners;

    @Inject
    private Settings settings;

    private String id;
    private Grant grant;
    private BudgetFigures total;
    private List<SubAward> subAwards;
    private Map<Long, BudgetFigures> figures;
    private Map<Long, String> partnerNames;
    private LocalDate from;
    private LocalDate to;
    private Long partnerId;
    private SubAwardTerms terms = new SubAwardTerms();
    private List<PartnerOrganization> partnerChoices;

    public void load() {
        grant = grants.find(PageIds.required(id, "Grant"));
        refresh();
    }

    private void refresh() {
        total = budget.grant(grant.getId(), from, to);
        subAwards = grants.subAwards(grant.getId());
        figures = budget.subAwardsOfGrant(grant.getId(), from, to);
        partnerNames = partners.namesOf(subAwards.stream().map(SubAward::getPartnerId).distinct().toList());
    }

    /** Applies the period filter to every figure on the page. */
    public void applyPeriod() {
        try {
            refresh();
        } catch (BusinessException e) {
            PageMessages.show(e, "period");
        }
    }

    public String award() {
        try {
            SubAward awarded = grants.award(grant.getId(), partnerId, terms);
            PageMessages.done("budget_grant.awarded", partners.namesOf(List.of(awarded.getPartnerId())).get(awarded.getPartnerId()));
            return "grant?faces-redirect=true&id=" + grant.getId();
        } catch (BusinessException e) {
            PageMessages.show(e, "award");
            return null;
        }
    }

    public void exportCsv() {
        Downloads.csv(BudgetReports.grant(grant, total, subAwards, figures, partnerNames), fileName());
    }

    public void exportXlsx() {
        Downloads.xlsx(List.of(BudgetReports.grant(grant, total, subAwards, figures, partnerNames)), fileName());
    }

    private String fileName() {
        return "grant-" + grant.getId() + (from == null ? "" : "-from-" + from) + (to == null ? "" : "-to-" + to);
    }

    public BurnRate getBurnRate() {
        return total.burnRate(today());
    }

    public BurnRate burnRate(Long subAwardId) {
        return figures.get(subAwardId).burnRate(today());
    }

    public LocalDate getNextReportDue() {
        return grant.nextReportDue(today());
    }

    /** Whether the caller manages the money here (edits the grant, awards, opens sub-awards); asked of the service. */
    public boolean isManager() {
        if (manager == null) {
            manager = grants.mayAward();
        }
        return manager;
    }

    public boolean flagged(Long subAwardId) {
        return figures.get(subAwardId).reaches(settings.budgetAlertPercent());
    }

    private LocalDate today() {
        return clock.today();
    }

    public List<PartnerOrganization> getPartners() {
        if (partnerChoices == null) {
            partnerChoices = grants.mayAward() ? partners.active() : List.of();
        }
        return partnerChoices;
    }

    public Grant getGrant() {
        return grant;
    }

    public BudgetFigures getTotal() {
        return total;
    }

    public List<SubAward> getSubAwards() {
        return subAwards;
    }

    public BudgetFigures figures(Long subAwardId) {
        return figures.get(subAwardId);
    }

    public String partnerName(Long partnerIdToName) {
        return partnerNames.get(partnerIdToName);
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

    public Long getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(Long partnerId) {
        this.partnerId = partnerId;
    }

    public SubAwardTerms getTerms() {
        return terms;
    }
}
