package org.defensefund.tracker.funding.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.defensefund.tracker.funding.BudgetFigures;
import org.defensefund.tracker.funding.BudgetService;
import org.defensefund.tracker.funding.Grant;
import org.defensefund.tracker.funding.GrantService;
import org.defensefund.tracker.shared.web.ServiceLazyModel;

/**
 * {@code /admin/grants/list.xhtml}: every grant, paged and sorted by the database, with its money
 * (allocated, approved, remaining) from one aggregate query.
 */
@Named
@ViewScoped
public class GrantListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private GrantService grants;

    @Inject
    private BudgetService budget;

    private ServiceLazyModel<Grant> model;
    private Map<Long, BudgetFigures> figures;

    @PostConstruct
    void init() {
        model = ServiceLazyModel.of(grants::count, grants::list, grants::find, Grant::getId);
    }

    public ServiceLazyModel<Grant> getModel() {
        return model;
    }

    public BudgetFigures figures(Long grantId) {
        if (figures == null) {
            figures = budget.grants();
        }
        return figures.get(grantId);
    }
}
