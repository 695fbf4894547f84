package org.defensefund.tracker.accounts.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.defensefund.tracker.accounts.FirstFactor;
import org.defensefund.tracker.accounts.SignInThrottle;
import org.defensefund.tracker.accounts.SignInTicket;
import org.defensefund.tracker.accounts.SignInTickets;
import org.defensefund.tracker.accounts.TwoFactorService;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.accounts.UserAccountService;
import org.defensefund.tracker.operations.FundMeters;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.web.PageMessages;

/**
 * The sign-in page, in two steps: the password; then, for an account with two-factor sign-in, the
 * authenticator's code (or a recovery code). An administrator or partner user who has no authenticator
 * yet is e-mailed a link to set one up (the password alone never enrols a phone). What the steps know
 * between requests is kept in the session, on the server. Only when every step passed does
 * Jakarta Security sign the user in ({@link SignInTickets}). A new session id is issued at the password
 * step and again at the end, so a planted session id is worthless. Wrong passwords and wrong codes
 * both count for the throttle.
 */
@Named
@RequestScoped
public class LoginBacking {

    private static final Logger LOG = Logger.getLogger(LoginBacking.class.getName());

    /** The session attribute of a sign-in whose password was right and whose second step is due. */
    static final String PENDING = LoginBacking.class.getName() + ".pending";
    /** How long the second step may take. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);
    static final int MAX_CODE_ATTEMPTS = 5;

    static final class Pending implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The proof that the password was given ({@link SignInTickets}); the two-factor steps need it. */
        final String proof;
        final String email;
        final Instant started = Instant.now(FundClock.current());
        int attempts;

        Pending(String proof, String email) {
            this.proof = proof;
            this.email = email;
        }
    }

    @NotBlank(message = "{login.email.required}")
    @Size(max = 254, message = "{field.tooLong}")
    private String email;

    @NotBlank(message = "{login.password.required}")
    @Size(max = 128, message = "{field.tooLong}")
    private String password;

    @Size(max = 64, message = "{field.tooLong}")
    private String code;

    private boolean useRecoveryCode;

    /** The demo code of this request, read once (the page asks for it twice). */
    private Optional<String> demoCode;

    @Inject
    private FundClock clock;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext facesContext;

    @Inject
    private SignInThrottle throttle;

    @Inject
    private FundMeters meters;

    @Inject
    private UserAccountService accounts;

    @Inject
    private TwoFactorService twoFactor;

    @Inject
    private SignInTickets tickets;

    @Inject
    private org.defensefund.tracker.accounts.PasswordService passwords;

    /** Step one: the e-mail and password. */
    public void signIn() throws IOException {
        HttpServletRequest request = request();
        session(false).ifPresent(s -> s.removeAttribute(PENDING));
        if (throttled("login:email")) {
            return;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        Optional<FirstFactor> first = accounts.checkPassword(email, password.toCharArray());
        if (first.isEmpty()) {
            failed(email, "login:email", "login.failed");
            return;
        }
        UserAccount found = first.get().account();
        if (found.isTwoFactorEnabled()) {
            request.getSession().setAttribute(PENDING, new Pending(first.get().proof(), found.getEmail()));
        } else if (found.isTwoFactorRequired()) {
            try {
                passwords.sendSetUpLink(first.get().proof());
                PageMessages.note("login.setUp.sent");
            } catch (BusinessException notSent) {
                PageMessages.show(notSent, "login");
            } finally {
                tickets.forget(first.get().proof());
            }
        } else {
            complete(first.get().proof(), found.getEmail());
        }
    }

    /** Step two: the authenticator's code, or a recovery code. */
    public void verifyCode() throws IOException {
        Pending pending = pending();
        if (pending == null || throttled("verify:code")) {
            return;
        }
        boolean good = useRecoveryCode ? twoFactor.recoverAtSignIn(pending.proof, code) : twoFactor.verifyAtSignIn(pending.proof, code);
        if (good) {
            complete(pending.proof, pending.email);
            return;
        }
        wrongCode(pending, useRecoveryCode ? "login.recovery.wrong" : "login.code.wrong");
    }

    /** Leaves a half-done sign-in and starts again. */
    public void cancel() {
        Pending pending = pending();
        if (pending != null) {
            tickets.forget(pending.proof);
        }
        session(false).ifPresent(s -> s.removeAttribute(PENDING));
    }

    /** Which form the page shows: password or code. */
    public String getStep() {
        Pending pending = pending();
        return pending == null ? "password" : "code";
    }

    public String getPendingEmail() {
        Pending pending = pending();
        return pending == null ? "" : pending.email;
    }

    /** In demo mode only, the current code of a demo account, so a visitor can try the product without an app. */
    public String getDemoCode() {
        if (demoCode == null) {
            Pending pending = pending();
            demoCode = pending == null ? Optional.<String>empty() : twoFactor.demoCode(pending.proof);
        }
        return demoCode.orElse(null);
    }

    private void complete(String proof, String accountEmail) throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        HttpServletRequest request = request();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String address = request.getRemoteAddr();
        session(false).ifPresent(s -> s.removeAttribute(PENDING));
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        Optional<String> ticket = tickets.ticket(proof);
        if (ticket.isEmpty()) {
            failed(accountEmail, "login:email", "login.failed");
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response, withParams().credential(new SignInTicket(ticket.get())));
        if (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE) {
            throttle.succeeded(accountEmail, address);
            ActiveAccountFilter.markSignedIn(request.getSession());
            LOG.info(() -> "signed in: " + safe(accountEmail) + " from " + address);
            if (status == AuthenticationStatus.SUCCESS) {
                external.redirect(external.getRequestContextPath() + landingPage(request));
            } else {
                // Jakarta Security is taking the user back to the page they first asked for.
                facesContext.responseComplete();
            }
        } else {
            failed(accountEmail, "login:email", "login.failed");
        }
    }

    private void wrongCode(Pending pending, String key) {
        String field = "verify:code";
        throttle.failed(pending.email, request().getRemoteAddr(), clock.now());
        meters.signInFailed();
        pending.attempts++;
        LOG.warning(() -> "wrong two-factor code for " + safe(pending.email) + " from " + request().getRemoteAddr());
        if (pending.attempts >= MAX_CODE_ATTEMPTS) {
            cancel();
            PageMessages.error("login:email", "login.code.tooMany");
            return;
        }
        session(false).ifPresent(s -> s.setAttribute(PENDING, pending));
        PageMessages.error(field, key);
    }

    private boolean throttled(String field) {
        Pending pending = pending();
        String who = pending == null ? email : pending.email;
        Duration wait = throttle.waitFor(who, request().getRemoteAddr(), clock.now());
        if (wait.isZero()) {
            return false;
        }
        LOG.warning(() -> "sign-in throttled for " + safe(who) + " from " + request().getRemoteAddr() + ": " + wait.toSeconds() + " s to wait");
        PageMessages.error(field, "login.throttled", Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0)));
        return true;
    }

    private void failed(String who, String field, String key) {
        throttle.failed(who, request().getRemoteAddr(), clock.now());
        meters.signInFailed();
        LOG.warning(() -> "sign-in failed for " + safe(who) + " from " + request().getRemoteAddr());
        PageMessages.error(field, key);
    }

    /** The sign-in waiting for its code, unless there is none or it is too old. */
    private Pending pending() {
        Optional<HttpSession> session = session(false);
        Object found = session.map(s -> s.getAttribute(PENDING)).orElse(null);
        if (!(found instanceof Pending pending)) {
            return null;
        }
        if (clock.now().isAfter(pending.started.plus(PENDING_LIFETIME))) {
            session.get().removeAttribute(PENDING);
            return null;
        }
        return pending;
    }

    private Optional<HttpSession> session(boolean create) {
        return Optional.ofNullable(request().getSession(create));
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) facesContext.getExternalContext().getRequest();
    }

    private static String safe(String text) {
        return org.defensefund.tracker.shared.LogText.of(text);
    }

    /** Where a user lands after signing in: funders on their dashboard, everyone else on the home page. */
    private static String landingPage(HttpServletRequest request) {
        return request.isUserInRole("FUNDER") ? "/dashboard/index.xhtml" : "/index.xhtml";
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public boolean isUseRecoveryCode() {
        return useRecoveryCode;
    }

    public void setUseRecoveryCode(boolean useRecoveryCode) {
        this.useRecoveryCode = useRecoveryCode;
    }
}
