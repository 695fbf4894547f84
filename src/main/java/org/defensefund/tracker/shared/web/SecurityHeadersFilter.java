package org.defensefund.tracker.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every response carries, pages, error pages and static files alike: no framing by other sites,
 * no MIME sniffing, no referrer sent elsewhere, no browser features the app doesn't use, HSTS on https,
 * and pages (which hold client data) never stored by the browser or a proxy. Static resources keep
 * their caching. The Content-Security-Policy comes from PrimeFaces on pages (with their script nonce)
 * and from {@link ExchangeGuard} on every other response, which also adds these headers to the answers
 * no filter sees (the sign-in redirect, refused methods).
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String RESOURCES = "/jakarta.faces.resource/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + RESOURCES)) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!forgedForm(e) || response.isCommitted()) {
                throw e;
            }
            java.util.logging.Logger.getLogger(SecurityHeadersFilter.class.getName())
                    .warning(() -> "Refused a form posted without this page's script nonce: " + org.defensefund.tracker.shared.LogText.of(request.getRequestURI()));
            refuse(request, response);
        }
    }

    /**
     * The refusal, written here rather than by the Faces error page: that page would read the same forged
     * nonce again. Its texts come from the bundle like every page's.
     */
    static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        org.defensefund.tracker.shared.UiLanguage language = ShownLanguage.of(request);
        java.util.ResourceBundle texts = java.util.ResourceBundle.getBundle(org.defensefund.tracker.shared.Languages.BUNDLE, language.locale(),
                java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html; charset=UTF-8");
        String title = html(texts.getString("error.forgedForm.title"));
        String text = html(texts.getString("error.forgedForm.text"));
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + language.tag() + "\" dir=\"" + language.direction() + "\"><head><meta charset=\"UTF-8\"><title>" + title + "</title></head><body><main><h1>"
                + title + "</h1><p>" + text + "</p><p><a href=\"" + request.getContextPath() + "/index.xhtml\">"
                + html(texts.getString("layout.home")) + "</a></p></main></body></html>");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A form posted without the nonce PrimeFaces gave its page did not come from that page: refused as forged. */
    private static boolean forgedForm(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.primefaces.csp.CspException) {
                return true;
            }
        }
        return false;
    }
}
