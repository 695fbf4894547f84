package org.defensefund.tracker.funding.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.defensefund.tracker.funding.BudgetFigures;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.funding.CostLine;
import org.defensefund.tracker.funding.CostService;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.web.PageIds;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /admin/cost.xhtml}: one cost for the administrator, with its sub-award's money beside it:
 * approve it (choosing the payment date; beyond the sub-award only with the override box and a reason),
 * reject it with a reason, or record its payment.
 */
@Named
@ViewScoped
public class CostDecisionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FundClock clock;

    @Inject
    private CostService costs;

    @Inject
    private BudgetService budget;

    @Inject
    private PartnerService partners;

    @Inject
    private Settings settings;

    private String id;
    private CostLine line;
    private BudgetFigures subAwardFigures;
    private String partnerName;
    private LocalDate payOn;
    private boolean override;
    private String overrideReason;
    private String rejectReason;
    private LocalDate paidOn;
    private String paymentRef;

    public void load() {
        line = costs.find(PageIds.required(id, "CaseCost"));
        Long subAwardId = line.cost().getSubAward().getId();
        subAwardFigures = budget.subAward(subAwardId, null, null);
        Long partnerId = line.cost().getSubAward().getPartnerId();
        partnerName = partners.namesOf(List.of(partnerId)).get(partnerId);
        if (payOn == null) {
            payOn = clock.today();
        }
        if (paidOn == null) {
            paidOn = clock.today();
        }
    }

    public String approve() {
        try {
            costs.approve(line.cost().getId(), line.cost().getVersion(), payOn, override, overrideReason);
            PageMessages.done("admin_cost.approved", line.caseNumber());
            return "costs?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "approve");
            return null;
        }
    }

    public String reject() {
        try {
            costs.reject(line.cost().getId(), line.cost().getVersion(), rejectReason);
            PageMessages.done("admin_cost.rejected", line.caseNumber());
            return "costs?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "reject");
            return null;
        }
    }

    public String markPaid() {
        try {
            costs.markPaid(line.payment().getId(), line.payment().getVersion(), paidOn, paymentRef);
            PageMessages.done("admin_cost.paid", line.caseNumber());
            return "costs?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "pay");
            return null;
        }
    }

    public CostLine getLine() {
        return line;
    }

    public BudgetFigures getSubAwardFigures() {
        return subAwardFigures;
    }

    public String getPartnerName() {
        return partnerName;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public LocalDate getPayOn() {
        return payOn;
    }

    public void setPayOn(LocalDate payOn) {
        this.payOn = payOn;
    }

    public boolean isOverride() {
        return override;
    }

    public void setOverride(boolean override) {
        this.override = override;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public void setOverrideReason(String overrideReason) {
        this.overrideReason = overrideReason;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public void setRejectReason(String rejectReason) {
        this.rejectReason = rejectReason;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public void setPaidOn(LocalDate paidOn) {
        this.paidOn = paidOn;
    }

    public String getPaymentRef() {
        return paymentRef;
    }

    public void setPaymentRef(String paymentRef) {
        this.paymentRef = paymentRef;
    }
}
