package org.defensefund.tracker.accounts.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.defensefund.tracker.accounts.AccountToken;
import org.defensefund.tracker.accounts.PasswordService;
import org.defensefund.tracker.accounts.PasswordService.LinkInfo;
import org.defensefund.tracker.accounts.TotpCodes;
import org.defensefund.tracker.accounts.TwoFactorService;
import org.defensefund.tracker.shared.AccessDeniedException;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.Settings;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * {@code /account/set-password.xhtml?token=...}: the page an e-mailed link opens. A link to set a first
 * password or reset one asks for the new password; an administrator or partner user without an
 * authenticator then sets one up on the same page (QR code, first code, recovery codes shown once). A
 * link to set up two-factor sign-in asks for the account's password with the first code. A used,
 * expired or unknown link says so and offers a new one; nothing tells which of the three it was.
 */
@Named
@ViewScoped
public class SetPasswordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the page shows. */
    public enum Stage { INVALID, PASSWORD, SET_UP, CODES, DONE }

    @Inject
    private PasswordService passwords;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private Settings settings;

    @Inject
    private org.defensefund.tracker.accounts.SignInThrottle throttle;

    @Inject
    private org.defensefund.tracker.shared.FundClock clock;

    private String token;
    private LinkInfo link;
    private Stage stage = Stage.INVALID;
    private String password;
    private String repeat;
    private String code;
    private String newSecret;
    /** After a password set through the link, the proof with which this page sets up two-factor sign-in. */
    private String proof;
    private List<String> recoveryCodes = List.of();

    /**
     * View action: reads the link once. Unknown links opened from one address are slowed down like failed
     * sign-ins: while the delay runs, no link is looked up and the page says to wait.
     */
    public void load() {
        String address = "link:" + ((jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext().getRequest()).getRemoteAddr();
        java.time.Duration wait = throttle.waitForSecret(address, clock.now());
        if (!wait.isZero()) {
            link = null;
            stage = Stage.INVALID;
            org.defensefund.tracker.shared.web.PageMessages.error(null, "login.throttled",
                    org.defensefund.tracker.accounts.SignInThrottle.seconds(wait));
            return;
        }
        Optional<LinkInfo> found = passwords.check(token);
        if (found.isEmpty()) {
            throttle.secretFailed(address, clock.now());
        }
        link = found.orElse(null);
        if (link == null) {
            stage = Stage.INVALID;
        } else if (link.purpose() == AccountToken.Purpose.SET_UP_TWO_FACTOR) {
            stage = Stage.SET_UP;
            newSecret = TotpCodes.newSecret();
        } else {
            stage = Stage.PASSWORD;
        }
    }

    public String save() {
        if (password == null || !password.equals(repeat)) {
            PageMessages.error("form:repeat", "password.repeat.different");
            return null;
        }
        try {
            Optional<String> setUpDue = passwords.setWithLink(token, password.toCharArray());
            password = null;
            repeat = null;
            if (setUpDue.isEmpty()) {
                return "/login?faces-redirect=true&passwordSet=true";
            }
            proof = setUpDue.get();
            newSecret = TotpCodes.newSecret();
            stage = Stage.SET_UP;
            PageMessages.note("setPassword.nowSetUp");
        } catch (BusinessException e) {
            PageMessages.show(e, "form");
        }
        return null;
    }

    /** Sets up two-factor sign-in: with the proof of the password just set, or with the account's password and a set-up link. */
    public void setUp() {
        try {
            recoveryCodes = proof != null ? twoFactor.enableAfterLink(proof, newSecret, code)
                    : twoFactor.enableWithLink(token, password == null ? new char[0] : password.toCharArray(), newSecret, code);
            proof = null;
            password = null;
            code = null;
            stage = Stage.CODES;
        } catch (BusinessException e) {
            PageMessages.show(e, "setUp");
        } catch (AccessDeniedException expired) {
            stage = Stage.INVALID;
        }
    }

    public boolean isFirstPassword() {
        return link != null && link.purpose() == AccountToken.Purpose.SET_PASSWORD;
    }

    /** Whether the set-up form asks for the account's password (a set-up link, not right after setting one). */
    public boolean isPasswordNeeded() {
        return proof == null;
    }

    public String getQrCode() {
        return link == null || newSecret == null ? ""
                : TotpCodes.qrCode(settings.getFundName(), link.email(), newSecret, PageMessages.text("login.enroll.qrTitle"));
    }

    public String getNewSecret() {
        return TotpCodes.grouped(newSecret);
    }

    public Stage getStage() {
        return stage;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
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

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
