package org.defensefund.tracker.deadlines.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.defensefund.tracker.deadlines.DeadlineView;

/**
 * The deadlines of the case shown on {@code /cases/detail.xhtml} (its header and its deadlines section, from
 * {@code WEB-INF/includes/deadline-list.xhtml}).
 */
@Named
@ViewScoped
public class CaseDeadlinesBacking extends DeadlineListBacking {

    private static final long serialVersionUID = 1L;

    @Override
    protected List<DeadlineView> load(Long caseId) {
        return deadlines.ofCase(caseId);
    }

    @Override
    protected String back(Long caseId) {
        return "/cases/detail?faces-redirect=true&id=" + caseId;
    }
}
