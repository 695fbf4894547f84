package org.defensefund.tracker.accounts.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.defensefund.tracker.accounts.NewAccount;
import org.defensefund.tracker.access.Role;
import org.defensefund.tracker.accounts.TwoFactorService;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.accounts.UserAccountService;
import org.defensefund.tracker.funding.Funder;
import org.defensefund.tracker.funding.FunderService;
import org.defensefund.tracker.partners.PartnerOrganization;
import org.defensefund.tracker.partners.PartnerService;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.ConcurrentEditException;
import org.defensefund.tracker.shared.web.PageIds;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /admin/users/edit.xhtml}: opens an account ({@code ?id} absent; the user is e-mailed a link
 * to set their password) or changes one: name, role and organization, disable or enable, send a new
 * link, reset two-factor sign-in. The e-mail is the sign-in name and is not changed here. A stale form
 * is refused and keeps what was typed.
 */
@Named
@ViewScoped
public class UserEditBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String FORM = "form";

    @Inject
    private UserAccountService accounts;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private PartnerService partners;

    @Inject
    private FunderService funders;

    private String id;
    private UserAccount account;
    private String email;
    private String displayName;
    private Role role;
    private Long partnerId;
    private Long funderId;
    private String language;
    private List<PartnerOrganization> partnerOptions;
    private List<Funder> funderOptions;
    private boolean conflict;

    /** View action on the first GET: loads the account, or starts a new one. A malformed id is not found. */
    public void load() {
        partnerOptions = partners.active();
        funderOptions = funders.active();
        if (id == null || id.isBlank()) {
            return;
        }
        show(accounts.find(PageIds.required(id, "Account")));
    }

    private void show(UserAccount loaded) {
        account = loaded;
        email = loaded.getEmail();
        displayName = loaded.getDisplayName();
        role = loaded.getRole();
        partnerId = loaded.getPartnerId();
        funderId = loaded.getFunderId();
        language = loaded.getLanguage();
    }

    public String save() {
        if (account == null) {
            return attempt(() -> PageMessages.done("users_edit.created",
                    accounts.create(new NewAccount(email, displayName, role, partnerId, funderId, null, language)).getEmail()), "list?faces-redirect=true");
        }
        String chosen = language;
        return attempt(() -> {
            UserAccount updated = accounts.update(account.getId(), account.getVersion(), displayName, role, partnerId, funderId);
            if (!java.util.Objects.equals(chosen == null || chosen.isBlank() ? null : chosen, updated.getLanguage())) {
                updated = accounts.setLanguage(updated.getId(), chosen);
            }
            show(updated);
            PageMessages.done("users_edit.saved", account.getEmail());
        }, "list?faces-redirect=true");
    }

    public String disable() {
        return act(() -> show(accounts.disable(account.getId(), account.getVersion())), "users_edit.disabled");
    }

    public String enable() {
        return act(() -> show(accounts.enable(account.getId(), account.getVersion())), "users_edit.enabled");
    }

    public String sendLink() {
        return act(() -> accounts.sendLink(account.getId()), "users_edit.linkSent");
    }

    public String resetTwoFactor() {
        return act(() -> {
            twoFactor.reset(account.getId());
            show(accounts.find(account.getId()));
        }, "users_edit.twoFactorReset");
    }

    /** Runs an account action, then says it is done and shows the account again. */
    private String act(Runnable action, String doneKey) {
        return attempt(() -> {
            action.run();
            PageMessages.done(doneKey, account.getEmail());
        }, "edit?faces-redirect=true&id=" + account.getId());
    }

    /** Runs the work and goes to the outcome; a broken rule or a stale form is shown on the page instead, and what was typed stays. */
    private String attempt(Runnable work, String outcome) {
        try {
            work.run();
            return outcome;
        } catch (ConcurrentEditException e) {
            conflict = true;
            PageMessages.show(e, FORM);
        } catch (BusinessException e) {
            PageMessages.show(e, FORM);
        }
        return null;
    }

    /** After a conflict: drops what was typed and shows the newest saved version. */
    public void loadLatest() {
        show(accounts.find(account.getId()));
        conflict = false;
        PageMessages.error(null, "users_edit.reloaded");
    }

    /** The language of the account's e-mails and pages; null: its owner's choice, English e-mails until then. */
    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public boolean isNew() {
        return account == null;
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public UserAccount getAccount() {
        return account;
    }

    public boolean isConflict() {
        return conflict;
    }

    public List<PartnerOrganization> getPartnerOptions() {
        return partnerOptions;
    }

    public List<Funder> getFunderOptions() {
        return funderOptions;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(Long partnerId) {
        this.partnerId = partnerId;
    }

    public Long getFunderId() {
        return funderId;
    }

    public void setFunderId(Long funderId) {
        this.funderId = funderId;
    }
}
