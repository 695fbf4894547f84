package org.defensefund.tracker.partners.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.web.ServiceLazyModel;

/** {@code /admin/partners/list.xhtml}: every partner organization, paged, sorted and filtered by the database. */
@Named
@ViewScoped
public class PartnerListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PartnerService partners;

    private ServiceLazyModel<PartnerOrganization> model;
    private String name;
    private String city;
    private String status = "active";

    @PostConstruct
    void init() {
        model = ServiceLazyModel.of(partners::count, partners::list, partners::find, PartnerOrganization::getId);
        applyFilters();
    }

    /** Applies the filter form: text matches anywhere, accents and case ignored. */
    public void applyFilters() {
        Map<String, Object> filters = new HashMap<>();
        filters.put("name", name);
        filters.put("address.city", city);
        if (!"all".equals(status)) {
            filters.put("active", "active".equals(status));
        }
        model.setFilters(filters);
    }

    public void clearFilters() {
        name = null;
        city = null;
        status = "active";
        applyFilters();
    }

    public ServiceLazyModel<PartnerOrganization> getModel() {
        return model;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
