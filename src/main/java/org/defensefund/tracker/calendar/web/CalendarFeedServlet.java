package org.defensefund.tracker.calendar.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.defensefund.tracker.calendar.CalendarFeedService;
import org.defensefund.tracker.calendar.FeedAnswer;
import org.defensefund.tracker.shared.Languages;
import org.defensefund.tracker.shared.web.ShownLanguage;

/**
 * {@code /calendar/<token>.ics}: a calendar feed, for calendar apps. No session and no sign-in (web.xml lets the path
 * through): the address's token is the credential, checked by {@link CalendarFeedService#read}. A feed is
 * {@code text/calendar}, private and never stored by a browser or a proxy; an address that isn't an active feed's
 * answers 404 whatever the reason (unknown, replaced, turned off, owner disabled), with a line of text; too many unknown
 * addresses from one place answer 429 with the seconds to wait. Only GET and HEAD.
 */
@WebServlet(urlPatterns = "/calendar/*")
public class CalendarFeedServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The path after {@code /calendar}: a token (the service checks its form) and {@code .ics}. */
    private static final Pattern PATH = Pattern.compile("/([^/]{1,100})\\.ics");

    @Inject
    private CalendarFeedService feeds;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        FeedAnswer answer = feeds.read(path.matches() ? path.group(1) : null, request.getRemoteAddr());
        response.setHeader("Cache-Control", "private, no-store, max-age=0");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        switch (answer.kind()) {
            case FEED -> {
                byte[] body = answer.text().getBytes(StandardCharsets.UTF_8);
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType("text/calendar; charset=UTF-8");
                response.setHeader("Content-Disposition", "inline; filename=\"calendar.ics\"");
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
            case WAIT -> {
                response.setHeader("Retry-After", String.valueOf(answer.retryAfterSeconds()));
                plain(request, response, 429, "calendar.feed.wait");
            }
            case NOT_FOUND -> plain(request, response, HttpServletResponse.SC_NOT_FOUND, "calendar.feed.notFound");
        }
    }

    /** A refusal in a line of text in the request's language (a calendar app shows no page). */
    private static void plain(HttpServletRequest request, HttpServletResponse response, int status, String key) throws IOException {
        ResourceBundle texts = ResourceBundle.getBundle(Languages.BUNDLE, ShownLanguage.of(request).locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        response.setStatus(status);
        response.setContentType("text/plain; charset=UTF-8");
        response.getWriter().write(texts.getString(key));
    }
}
