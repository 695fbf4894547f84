package org.defensefund.tracker.partners.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.web.ServiceLazyModel;

/** {@code /admin/partners/list.xhtml}: every partner organization, paged, sorted and filtered by the database. */
@Named
@ViewScoped
public class PartnerListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PartnerService partners;

    private ServiceLazyModel<PartnerOrganization> model;

    @PostConstruct
    void init() {
        PartnerService service = partners;
        model = new ServiceLazyModel<>(new ServiceLazyModel.Source<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public long count(ListQuery query) {
                return service.count(query);
            }

            @Override
            public List<PartnerOrganization> rows(ListQuery query) {
                return service.list(query);
            }

            @Override
            public PartnerOrganization find(Long id) {
                return service.find(id);
            }

            @Override
            public Long idOf(PartnerOrganization row) {
                return row.getId();
            }
        });
    }

    public ServiceLazyModel<PartnerOrganization> getModel() {
        return model;
    }
}
