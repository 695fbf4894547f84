package org.defensefund.tracker.accounts.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.accounts.UserAccountService;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.list.ListQuery;
import org.defensefund.tracker.shared.web.ServiceLazyModel;

/** {@code /admin/users/list.xhtml}: every account, paged, sorted and filtered by the database. */
@Named
@ViewScoped
public class UserListBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserAccountService accounts;

    @Inject
    private PartnerService partners;

    @Inject
    private FunderService funders;

    private ServiceLazyModel<UserAccount> model;
    private Map<Long, String> partnerNames;
    private Map<Long, String> funderNames;
    private String text;
    private Role role;
    private String status = "active";

    @PostConstruct
    void init() {
        model = ServiceLazyModel.of(accounts::count, accounts::list, accounts::find, UserAccount::getId);
        partnerNames = partners.names();
        funderNames = new HashMap<>();
        funders.list(new ListQuery(0, ListQuery.MAX_PAGE_SIZE, "name", true, Map.of()))
                .forEach(f -> funderNames.put(f.getId(), f.getName()));
        applyFilters();
    }

    /** Applies the filter form: the text matches the e-mail (anywhere); role and status exactly. */
    public void applyFilters() {
        Map<String, Object> filters = new HashMap<>();
        filters.put("email", text);
        filters.put("role", role);
        if (!"all".equals(status)) {
            filters.put("active", "active".equals(status));
        }
        model.setFilters(filters);
    }

    public void clearFilters() {
        text = null;
        role = null;
        status = "active";
        applyFilters();
    }

    /** The partner organization or funder the account belongs to, by name; empty for administrators. */
    public String organizationOf(UserAccount account) {
        if (account.getPartnerId() != null) {
            return partnerNames.getOrDefault(account.getPartnerId(), "");
        }
        return account.getFunderId() == null ? "" : funderNames.getOrDefault(account.getFunderId(), "");
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public ServiceLazyModel<UserAccount> getModel() {
        return model;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
