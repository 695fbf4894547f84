package org.defensefund.tracker.accounts.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** Sign-out, a POST from the layout's header: ends the authentication and the session. */
@Named
@RequestScoped
public class SignOutBacking {

    @Inject
    private FacesContext facesContext;

    public void signOut() throws ServletException, IOException {
        ExternalContext external = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        java.util.logging.Logger.getLogger(SignOutBacking.class.getName())
                .info(() -> "signed out: " + (request.getUserPrincipal() == null ? "?" : request.getUserPrincipal().getName()));
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=true");
    }
}
