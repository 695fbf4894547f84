package org.defensefund.tracker.access.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import org.defensefund.tracker.access.PasswordService;
import org.defensefund.tracker.access.PasswordService.LinkInfo;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /account/set-password.xhtml?token=...}: the page the e-mailed link opens, to set a first
 * password or a new one. A used, expired or unknown link says so and offers a new one; nothing tells
 * which of the three it was.
 */
@Named
@ViewScoped
public class SetPasswordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private PasswordService passwords;

    private String token;
    private LinkInfo link;
    private String password;
    private String repeat;

    /** View action: reads the link once. */
    public void load() {
        Optional<LinkInfo> found = passwords.check(token);
        link = found.orElse(null);
    }

    public String save() {
        if (password == null || !password.equals(repeat)) {
            PageMessages.error("form:repeat", "password.repeat.different");
            return null;
        }
        try {
            passwords.setWithLink(token, password.toCharArray());
            return "/login?faces-redirect=true&passwordSet=true";
        } catch (BusinessException e) {
            PageMessages.show(e, "form");
            return null;
        }
    }

    public boolean isValid() {
        return link != null;
    }

    public boolean isFirstPassword() {
        return link != null && link.purpose() == org.defensefund.tracker.access.AccountToken.Purpose.SET_PASSWORD;
    }

    public String getAccountEmail() {
        return link == null ? "" : link.email();
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }
}
