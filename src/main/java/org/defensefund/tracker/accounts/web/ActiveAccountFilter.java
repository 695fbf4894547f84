package org.defensefund.tracker.accounts.web;

import org.defensefund.tracker.accounts.UserAccount;
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
 * request: the account is read afresh on every request, so a disabled user keeps nothing. The same
 * happens to sessions older than the account's {@code sessionsValidFrom} (its role or organization
 * changed, or its password was changed or reset elsewhere). Also ends a
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
    /** Since when the session counts as confirmed (sign-in, or its own password change), in epoch milliseconds. */
    static final String VALID_AS_OF = ActiveAccountFilter.class.getName() + ".validAsOf";

    /** Stamps a session that has just signed in. */
    static void markSignedIn(HttpSession session) {
        long now = System.currentTimeMillis();
        session.setAttribute(SIGNED_IN_AT, now);
        session.setAttribute(VALID_AS_OF, now);
    }

    /** Keeps this session when its user has just changed their password (which ends their other sessions). */
    static void confirm(HttpSession session) {
        session.setAttribute(VALID_AS_OF, System.currentTimeMillis() + 1);
    }

    @Inject
    private CurrentUser currentUser;

    @Inject
    private org.defensefund.tracker.shared.Settings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean staticResource = request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
        if (!staticResource && request.getUserPrincipal() != null
                && (currentUser.account(UserAccount.class).isEmpty() || endedSince(request.getSession(false), currentUser.account(UserAccount.class).get().getSessionsValidFrom()))) {
            LOG.warning(() -> "Ended a session of an account that is no longer active or whose sessions were ended: " + org.defensefund.tracker.shared.LogText.of(request.getUserPrincipal().getName()));
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login.xhtml?ended=true");
            return;
        }
        if (!staticResource && request.getUserPrincipal() != null && tooOld(request.getSession(false))) {
            LOG.info(() -> "Ended a session past its absolute limit: " + org.defensefund.tracker.shared.LogText.of(request.getUserPrincipal().getName()));
            request.logout();
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + "/login.xhtml?ended=true");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the account's sessions were ended (disabled, role or password changed) after this one was confirmed. */
    private static boolean endedSince(HttpSession session, java.time.Instant sessionsValidFrom) {
        if (session == null || sessionsValidFrom == null) {
            return false;
        }
        Object stamped = session.getAttribute(VALID_AS_OF);
        long validAsOf = stamped instanceof Long since ? since : 0L;
        return validAsOf < sessionsValidFrom.toEpochMilli();
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
