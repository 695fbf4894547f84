package org.defensefund.tracker.deadlines.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.defensefund.tracker.deadlines.DeadlineService;
import org.defensefund.tracker.deadlines.DeadlineView;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * The deadlines of the case shown on {@code /cases/detail.xhtml} (its header and its deadlines section, from
 * {@code WEB-INF/includes/case-deadlines.xhtml}), with the forms to mark one met or waive it. The case is the page's
 * {@code id} parameter, read once per view; the service decides who reads and who closes.
 */
@Named
@ViewScoped
public class CaseDeadlinesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DeadlineService deadlines;

    private Long caseId;
    private List<DeadlineView> all;
    private String note;
    private String reason;

    /** Every deadline of the case, open ones first. */
    public List<DeadlineView> getAll() {
        if (all == null) {
            all = deadlines.ofCase(caseId());
        }
        return all;
    }

    /** The open ones, for the case's header. */
    public List<DeadlineView> getOpen() {
        return getAll().stream().filter(d -> d.deadline().isOpen()).toList();
    }

    public String meet(Long deadlineId, long version) {
        try {
            deadlines.meet(deadlineId, version, note);
            PageMessages.done("deadlines.metDone");
            return back();
        } catch (BusinessException e) {
            PageMessages.show(e, null);
            return null;
        }
    }

    public String waive(Long deadlineId, long version) {
        try {
            deadlines.waive(deadlineId, version, reason);
            PageMessages.done("deadlines.waivedDone");
            return back();
        } catch (BusinessException e) {
            PageMessages.show(new BusinessException(e.messageKey(), null, e.arguments()), null);
            return null;
        }
    }

    private String back() {
        return "/cases/detail?faces-redirect=true&id=" + caseId();
    }

    private Long caseId() {
        if (caseId == null) {
            String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
            try {
                caseId = id == null ? null : Long.valueOf(id.trim());
            } catch (NumberFormatException e) {
                caseId = null;
            }
        }
        return caseId;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
