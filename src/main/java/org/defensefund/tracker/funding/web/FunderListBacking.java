package org.defensefund.tracker.funding.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.shared.web.ServiceLazyModel;

/** {@code /admin/funders/list.xhtml}: every funder, paged and sorted by the database. */
@Named
@ViewScoped
public class FunderListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private FunderService funders;

    private ServiceLazyModel<Funder> model;

    @PostConstruct
    void init() {
        model = ServiceLazyModel.of(funders::count, funders::list, funders::find, Funder::getId);
    }

    public ServiceLazyModel<Funder> getModel() {
        return model;
    }
}
