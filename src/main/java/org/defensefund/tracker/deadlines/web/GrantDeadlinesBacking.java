package org.defensefund.tracker.deadlines.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import org.defensefund.tracker.deadlines.DeadlineView;

/**
 * The reports due to the funder on the grant shown on {@code /budget/grant.xhtml} (administrators), from
 * {@code WEB-INF/includes/deadline-list.xhtml}: marked met when the report is sent.
 */
@Named
@ViewScoped
public class GrantDeadlinesBacking extends DeadlineListBacking {

    private static final long serialVersionUID = 1L;

    @Override
    protected List<DeadlineView> load(Long grantId) {
        return deadlines.ofGrant(grantId);
    }

    @Override
    protected String back(Long grantId) {
        return "/budget/grant?faces-redirect=true&id=" + grantId;
    }
}
