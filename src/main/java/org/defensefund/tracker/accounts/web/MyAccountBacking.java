package org.defensefund.tracker.accounts.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.accounts.PasswordService;
import org.defensefund.tracker.accounts.TotpCodes;
import org.defensefund.tracker.accounts.TwoFactorService;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /account/index.xhtml}: the signed-in user's own account. Change the password (giving the
 * current one; the user's other sessions end, this one stays); see two-factor sign-in and how many
 * recovery codes are left, make new recovery codes; funders may set two-factor sign-in up or turn it off;
 * choose the language of their pages and e-mails.
 */
@Named
@ViewScoped
public class MyAccountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private PasswordService passwords;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private Settings settings;

    @Inject
    private org.defensefund.tracker.accounts.UserAccountService accounts;

    private String language;

    private String currentPassword;
    private String newPassword;
    private String repeat;
    private String code;
    private String newSecret;
    private List<String> recoveryCodes = List.of();

    @PostConstruct
    void init() {
        newSecret = TotpCodes.newSecret();
    }

    public void changePassword() {
        if (newPassword == null || !newPassword.equals(repeat)) {
            PageMessages.error("changePassword:repeat", "password.repeat.different");
            return;
        }
        try {
            passwords.changeOwn(currentPassword == null ? new char[0] : currentPassword.toCharArray(), newPassword.toCharArray());
            ActiveAccountFilter.confirm(((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getSession());
            PageMessages.note("account.password.changed");
        } catch (BusinessException e) {
            PageMessages.show(e, "changePassword");
        }
    }

    /** Keeps the language chosen on the account (and in this session), then shows the page in it. */
    public String saveLanguage() {
        try {
            String next = LanguageSwitchBacking.choose(accounts, language);
            if (next == null) {
                PageMessages.error("language:language", "account.language.unknown");
                return null;
            }
            PageMessages.done("account.language.saved");
            return next;
        } catch (BusinessException e) {
            PageMessages.show(e, "language");
            return null;
        }
    }

    public void enableTwoFactor() {
        try {
            recoveryCodes = twoFactor.enableOwn(newSecret, code);
            code = null;
            currentUser.reload();
            PageMessages.note("account.twoFactor.enabled");
        } catch (BusinessException e) {
            PageMessages.show(e, "enroll");
        }
    }

    public void newRecoveryCodes() {
        try {
            recoveryCodes = twoFactor.newRecoveryCodes(code);
            code = null;
        } catch (BusinessException e) {
            PageMessages.show(e, "codes");
        }
    }

    public void disableTwoFactor() {
        try {
            twoFactor.disableOwn(code);
            code = null;
            currentUser.reload();
            ActiveAccountFilter.confirm(((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest()).getSession());
            newSecret = TotpCodes.newSecret();
            PageMessages.note("account.twoFactor.disabled");
        } catch (BusinessException e) {
            PageMessages.show(e, "codes");
        }
    }

    public UserAccount getAccount() {
        return currentUser.account(UserAccount.class).orElseThrow();
    }

    public int getRecoveryCodesLeft() {
        return twoFactor.recoveryCodesLeft();
    }

    public String getQrCode() {
        return TotpCodes.qrCode(settings.getFundName(), getAccount().getEmail(), newSecret, PageMessages.text("login.enroll.qrTitle"));
    }

    public String getNewSecret() {
        return TotpCodes.grouped(newSecret);
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeat() {
        return repeat;
    }

    public void setRepeat(String repeat) {
        this.repeat = repeat;
    }

    /** The account's language; before one is chosen, the one shown now (the browser's best match). */
    public String getLanguage() {
        if (language == null) {
            language = java.util.Optional.ofNullable(getAccount().getLanguage())
                    .flatMap(org.defensefund.tracker.shared.Languages.installed()::find)
                    .orElse(org.defensefund.tracker.shared.web.LanguageView.current()).tag();
        }
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    /** Whether the account has a language of its own yet (else the browser's is shown). */
    public boolean isLanguageChosen() {
        return getAccount().getLanguage() != null;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
