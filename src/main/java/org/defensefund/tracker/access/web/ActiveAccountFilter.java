package org.defensefund.tracker.access.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;
import org.defensefund.tracker.access.CurrentUser;

/**
 * Ends the session of an account that was disabled (or removed) while signed in, on its very next page
 * request: the account is read afresh on every request, so a disabled user keeps nothing. Static files
 * (styles, scripts) hold no client data and are not checked.
 */
@WebFilter(urlPatterns = "/*")
public class ActiveAccountFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ActiveAccountFilter.class.getName());

    @Inject
    private CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean staticResource = request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
        if (!staticResource && request.getUserPrincipal() != null && currentUser.account().isEmpty()) {
            LOG.warning(() -> "Ended the session of an account that is no longer active: " + request.getUserPrincipal().getName());
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login.xhtml?ended=true");
            return;
        }
        chain.doFilter(request, response);
    }
}
