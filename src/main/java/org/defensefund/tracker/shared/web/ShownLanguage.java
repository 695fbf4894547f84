package org.defensefund.tracker.shared.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.defensefund.tracker.shared.Languages;
import org.defensefund.tracker.shared.UiLanguage;

/**
 * The language a request is shown in ({@link Languages#shown}): the choice kept in the session (the account's
 * language, put there when its owner signs in or chooses, or the choice of someone not signed in), else the
 * choice kept in a cookie for the next visit, else the browser's {@code Accept-Language}. Nothing here reads
 * the database, so an error page shown while the database is down has its language too.
 */
public final class ShownLanguage {

    /** The session attribute holding the chosen tag. */
    public static final String SESSION_ATTRIBUTE = ShownLanguage.class.getName() + ".chosen";
    /** The cookie that keeps a choice made without signing in, for the next visit. */
    public static final String COOKIE = "tracker-language";
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

    private ShownLanguage() {
    }

    /** The language of this request. */
    public static UiLanguage of(HttpServletRequest request) {
        return Languages.installed().shown(chosen(request).orElse(null), request.getHeader("Accept-Language"));
    }

    /** The choice this request carries (session, then cookie), offered or not. */
    static Optional<String> chosen(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object kept = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        if (kept instanceof String tag && Languages.installed().find(tag).isPresent()) {
            return Optional.of(tag);
        }
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies).filter(c -> COOKIE.equals(c.getName()))
                .map(Cookie::getValue).filter(v -> Languages.installed().find(v).isPresent()).findFirst();
    }

    /** Keeps a language in the session (for this visit) and a cookie (for the next, before signing in). */
    public static void remember(HttpServletRequest request, HttpServletResponse response, UiLanguage language) {
        keepInSession(request.getSession(), language.tag());
        Cookie cookie = new Cookie(COOKIE, language.tag());
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) COOKIE_LIFETIME.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    /** Keeps an account's language in its session; null leaves the session's choice as it is. */
    public static void keepInSession(HttpSession session, String tag) {
        if (tag != null) {
            session.setAttribute(SESSION_ATTRIBUTE, tag);
        }
    }
}
