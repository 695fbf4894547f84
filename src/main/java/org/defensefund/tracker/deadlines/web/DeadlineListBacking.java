package org.defensefund.tracker.deadlines.web;

import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import org.defensefund.tracker.deadlines.DeadlineService;
import org.defensefund.tracker.deadlines.DeadlineView;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * The deadlines shown on a page ({@code WEB-INF/includes/deadline-list.xhtml}) with the forms to mark one met or waive
 * it: a case's ({@link CaseDeadlinesBacking}) or a grant's reports ({@link GrantDeadlinesBacking}). Whose they are is
 * the page's {@code id} parameter, read once per view; the service decides who reads and who closes.
 */
public abstract class DeadlineListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    protected DeadlineService deadlines;

    private Long id;
    private List<DeadlineView> all;
    private String note;
    private String reason;

    /** The deadlines of the case or grant {@code id}. */
    protected abstract List<DeadlineView> load(Long id);

    /** The page to go back to once one is closed (a redirect to the case or grant {@code id}). */
    protected abstract String back(Long id);

    /** Every deadline, open ones first. */
    public List<DeadlineView> getAll() {
        if (all == null) {
            all = load(id());
        }
        return all;
    }

    /** The open ones. */
    public List<DeadlineView> getOpen() {
        return getAll().stream().filter(d -> d.deadline().isOpen()).toList();
    }

    public String meet(Long deadlineId, long version) {
        try {
            deadlines.meet(deadlineId, version, note);
            PageMessages.done("deadlines.metDone");
            return back(id());
        } catch (BusinessException e) {
            PageMessages.show(e, null);
            return null;
        }
    }

    public String waive(Long deadlineId, long version) {
        try {
            deadlines.waive(deadlineId, version, reason);
            PageMessages.done("deadlines.waivedDone");
            return back(id());
        } catch (BusinessException e) {
            PageMessages.show(new BusinessException(e.messageKey(), null, e.arguments()), null);
            return null;
        }
    }

    private Long id() {
        if (id == null) {
            String given = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
            try {
                id = given == null ? null : Long.valueOf(given.trim());
            } catch (NumberFormatException e) {
                id = null;
            }
        }
        return id;
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
