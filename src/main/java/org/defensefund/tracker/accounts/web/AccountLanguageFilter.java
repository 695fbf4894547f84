package org.defensefund.tracker.accounts.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.defensefund.tracker.access.CurrentUser;
import org.defensefund.tracker.accounts.UserAccount;
import org.defensefund.tracker.shared.web.ShownLanguage;

/**
 * Puts the language on a signed-in account into its session, once per sign-in, however the sign-in happened:
 * from then on the pages ({@link ShownLanguage}) are in it without reading the database again. An account
 * that never chose a language keeps the session's choice (made on the sign-in page) or the browser's.
 */
@WebFilter(urlPatterns = "/*")
public class AccountLanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The caller name whose account's language the session holds. */
    static final String TAKEN_FOR = AccountLanguageFilter.class.getName() + ".takenFor";

    @Inject
    private CurrentUser currentUser;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean staticResource = request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
        HttpSession session = request.getSession(false);
        if (!staticResource && session != null && request.getUserPrincipal() != null
                && !request.getUserPrincipal().getName().equals(session.getAttribute(TAKEN_FOR))) {
            try {
                currentUser.account(UserAccount.class).ifPresent(account -> {
                    ShownLanguage.keepInSession(session, account.getLanguage());
                    session.setAttribute(TAKEN_FOR, request.getUserPrincipal().getName());
                });
            } catch (RuntimeException databaseUnavailable) {
                // The language is taken on the next request; this one is answered as the outage filter decides.
            }
        }
        chain.doFilter(request, response);
    }
}
