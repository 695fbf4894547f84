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
 * request: the account is read afresh on every request, so a disabled user keeps nothing. Also ends a
 * session that has lasted longer than the absolute limit (default 8 hours, setting
 * {@code tracker.session.absolute.minutes}) however active it was; the idle limit (30 minutes) is the
 * container's. Static files (styles, scripts) hold no client data and are not checked.
 */
@WebFilter(urlPatterns = "/*")
public class ActiveAccountFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ActiveAccountFilter.class.getName());

    /** When the session's sign-in was first seen, in epoch milliseconds. */
    static final String SIGNED_IN_AT = ActiveAccountFilter.class.getName() + ".signedInAt";

    @Inject
    private CurrentUser currentUser;

    @Inject
    private org.defensefund.tracker.shared.Settings settings;

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
        if (!staticResource && request.getUserPrincipal() != null && tooOld(request.getSession(false))) {
            LOG.info(() -> "Ended a session past its absolute limit: " + request.getUserPrincipal().getName());
            request.logout();
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + "/login.xhtml?ended=true");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the session has lasted past the absolute limit since its sign-in (stamping it the first time). */
    private boolean tooOld(HttpSession session) {
        if (session == null) {
            return false;
        }
        Object stamped = session.getAttribute(SIGNED_IN_AT);
        long now = System.currentTimeMillis();
        if (!(stamped instanceof Long since)) {
            session.setAttribute(SIGNED_IN_AT, now);
            return false;
        }
        return now - since >= settings.absoluteSessionLimit().toMillis();
    }
}
