package org.defensefund.tracker.retention.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.defensefund.tracker.retention.HeldClient;
import org.defensefund.tracker.retention.RetentionDue;
import org.defensefund.tracker.retention.RetentionRule;
import org.defensefund.tracker.retention.RetentionService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /admin/retention.xhtml}: the retention rule (years after the last case ended), legal holds (placed by a case
 * number with a reason, lifted with a reason) and the clients past the rule, held ones marked; and the erasure of what is
 * due now, which the daily job also does.
 */
@Named
@ViewScoped
public class RetentionBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private RetentionService retention;

    private RetentionRule rule;
    private String years;
    private String caseNumber;
    private String reason;
    private final Map<Long, String> liftReasons = new HashMap<>();
    private List<HeldClient> holds;
    private List<RetentionDue> due;

    public void load() {
        rule = retention.rule();
        years = String.valueOf(rule.getYearsAfterClose());
        holds = retention.holds();
        due = retention.due();
    }

    public String saveRule() {
        try {
            retention.changeRule(number(years), rule.getVersion());
            PageMessages.done("admin_retention.ruleSaved");
            return "retention?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "rule");
            return null;
        }
    }

    public String placeHold() {
        try {
            retention.placeHold(caseNumber, reason);
            PageMessages.done("admin_retention.holdPlaced");
            return "retention?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "hold");
            return null;
        }
    }

    public String liftHold(HeldClient held) {
        try {
            retention.liftHold(held.hold().getId(), held.hold().getVersion(), liftReasons.get(held.hold().getId()));
            PageMessages.done("admin_retention.holdLifted");
            return "retention?faces-redirect=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "lift_" + held.hold().getId());
            return null;
        }
    }

    public String eraseDue() {
        int erased = retention.eraseDue();
        PageMessages.done("admin_retention.erased", erased);
        return "retention?faces-redirect=true";
    }

    private static int number(String typed) {
        try {
            return typed == null ? 0 : Integer.parseInt(typed.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public RetentionRule getRule() {
        return rule;
    }

    public String getYears() {
        return years;
    }

    public void setYears(String years) {
        this.years = years;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    /** The lift reason typed for each hold, by the hold's id. */
    public Map<Long, String> getLiftReasons() {
        return liftReasons;
    }

    public List<HeldClient> getHolds() {
        return holds;
    }

    public List<RetentionDue> getDue() {
        return due;
    }

    public long getDueNotHeld() {
        return due.stream().filter(d -> !d.held()).count();
    }
}
