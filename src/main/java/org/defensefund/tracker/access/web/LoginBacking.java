package org.defensefund.tracker.access.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import org.defensefund.tracker.access.SignInThrottle;
import org.defensefund.tracker.shared.web.PageMessages;

/** The sign-in page. A new session id is issued on every attempt, so a planted session id is worthless. */
@Named
@RequestScoped
public class LoginBacking {

    @NotBlank(message = "{login.email.required}")
    @Size(max = 254, message = "{field.tooLong}")
    private String email;

    @NotBlank(message = "{login.password.required}")
    @Size(max = 128, message = "{field.tooLong}")
    private String password;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext facesContext;

    @Inject
    private SignInThrottle throttle;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(LoginBacking.class.getName());

    public void signIn() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        String address = request.getRemoteAddr();
        String who = email == null ? "" : email.replaceAll("[\\r\\n\\t]", "_");
        java.time.Duration wait = throttle.waitFor(email, address, java.time.Instant.now());
        if (!wait.isZero()) {
            LOG.warning(() -> "sign-in throttled for " + who + " from " + address + ": " + wait.toSeconds() + " s to wait");
            PageMessages.error("login:email", "login.throttled", Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0)));
            return;
        }
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = securityContext.authenticate(request, response,
                withParams().credential(new UsernamePasswordCredential(email, new Password(password))));
        switch (status) {
            case SEND_CONTINUE -> facesContext.responseComplete();
            case SUCCESS -> {
                throttle.succeeded(email, address);
                LOG.info(() -> "signed in: " + who + " from " + address);
                external.redirect(external.getRequestContextPath() + landingPage(request));
            }
            default -> {
                throttle.failed(email, address, java.time.Instant.now());
                LOG.warning(() -> "sign-in failed for " + who + " from " + address);
                PageMessages.error("login:email", "login.failed");
            }
        }
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
}
