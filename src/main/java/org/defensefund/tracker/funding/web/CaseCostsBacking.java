package org.defensefund.tracker.funding.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.defensefund.tracker.cases.CaseService;
import org.defensefund.tracker.cases.LegalCase;
import org.defensefund.tracker.funding.CaseCharge;
import org.defensefund.tracker.funding.ChargeService;
import org.defensefund.tracker.funding.CostCategory;
import org.defensefund.tracker.funding.CostEntry;
import org.defensefund.tracker.funding.CostLine;
import org.defensefund.tracker.funding.CostService;
import org.defensefund.tracker.funding.RestrictionException;
import org.defensefund.tracker.funding.RestrictionFailure;
import org.defensefund.tracker.funding.SubAwardOption;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageIds;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /cases/costs.xhtml}: a case's funding. An administrator charges it to one of its partner's
 * sub-awards (each shown with the restrictions the case fails); partner staff and administrators record
 * its costs and follow their approval and payment. The services decide who may do what; opening a
 * confidential case's funding is audited like its file.
 */
@Named
@ViewScoped
public class CaseCostsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CaseService cases;

    @Inject
    private ChargeService charges;

    @Inject
    private CostService costs;

    private String id;
    private LegalCase legalCase;
    private CaseCharge charge;
    private List<SubAwardOption> options;
    private List<CostLine> lines;
    private boolean mayRecord;
    private Long subAwardId;
    private CostEntry entry = new CostEntry();

    public void load() {
        Long caseId = PageIds.required(id, "Case");
        legalCase = cases.openFunding(caseId);
        refresh();
    }

    private void refresh() {
        charge = charges.chargeOf(legalCase.getId()).orElse(null);
        options = charges.mayCharge() ? charges.options(legalCase.getId()) : List.of();
        lines = costs.ofCase(legalCase.getId());
        mayRecord = costs.mayRecord(legalCase.getId());
        subAwardId = charge == null ? null : charge.getSubAward().getId();
    }

    public String charge() {
        try {
            charges.charge(legalCase.getId(), subAwardId);
            PageMessages.done("cases_costs.charged", legalCase.getCaseNumber());
            return "costs?faces-redirect=true&id=" + legalCase.getId();
        } catch (RestrictionException e) {
            for (RestrictionFailure failure : e.failures()) {
                PageMessages.error("charge:subAward", "restriction." + failure.kind().name(), failure.allowed());
            }
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            return null;
        } catch (BusinessException e) {
            PageMessages.show(e, "charge");
            return null;
        }
    }

    public String record() {
        try {
            costs.record(legalCase.getId(), entry);
            PageMessages.done("cases_costs.recorded", legalCase.getCaseNumber());
            return "costs?faces-redirect=true&id=" + legalCase.getId();
        } catch (BusinessException e) {
            PageMessages.show(e, "cost");
            return null;
        }
    }

    /** The restrictions an option fails, as one line of text. */
    public String failures(SubAwardOption option) {
        return String.join(" ", option.failures().stream()
                .map(f -> PageMessages.text("restriction." + f.kind().name(), f.allowed())).toList());
    }

    /** Whether the caller charges cases and decides costs; asked of the service. */
    public boolean isManager() {
        return charges.mayCharge();
    }

    public boolean isCanRecord() {
        return charge != null && mayRecord;
    }

    public CostCategory[] getCategories() {
        return CostCategory.values();
    }

    public LegalCase getLegalCase() {
        return legalCase;
    }

    public CaseCharge getCharge() {
        return charge;
    }

    public List<SubAwardOption> getOptions() {
        return options;
    }

    public List<CostLine> getLines() {
        return lines;
    }

    public Long getSubAwardId() {
        return subAwardId;
    }

    public void setSubAwardId(Long subAwardId) {
        this.subAwardId = subAwardId;
    }

    public CostEntry getEntry() {
        return entry;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
