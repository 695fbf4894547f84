package org.defensefund.tracker.shared.web;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import jakarta.servlet.ServletContext;
import java.net.URI;
import java.util.Set;

/**
 * The first handler of every request to the application, in Undertow before sign-in, filters and
 * servlets (registered in META-INF/services), so it also covers the sign-in redirect, the container's own
 * error answers and methods no servlet serves:
 * <ul>
 * <li>only GET, HEAD and POST are served; any other method (PUT, DELETE, OPTIONS, TRACE...) gets 405;</li>
 * <li>a GET or HEAD carrying a form's {@code jakarta.faces.ViewState} is refused (400): a form acts only
 * when posted, so a link can't perform it;</li>
 * <li>every response gets the security headers ({@link SecurityHeadersFilter} sets them for pages; here
 * whatever is missing is added as the response is sent), with the full Content-Security-Policy
 * {@link #POLICY} where PrimeFaces didn't send its own, nonce-bearing one;</li>
 * <li>a redirect to this server never repeats the request's Host header: its address becomes a path
 * on the same site, which the browser resolves against the address it actually used.</li>
 * </ul>
 */
public class ExchangeGuard implements ServletExtension {

    static final Set<String> SERVED = Set.of("GET", "HEAD", "POST");
    static final String VIEW_STATE = "jakarta.faces.ViewState";
    /**
     * The policy of every response; pages get the same from PrimeFaces ({@code primefaces.CSP_POLICY} in
     * web.xml, kept equal to this) with their script nonce added to {@code script-src}. Styles allow
     * 'unsafe-inline' because PrimeFaces' components write style attributes; scripts never do.
     */
    public static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "font-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
            + "object-src 'none'; script-src 'self'";

    @Override
    public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
        deploymentInfo.addOuterHandlerChainWrapper(next -> exchange -> guard(exchange, next));
    }

    static void guard(HttpServerExchange exchange, HttpHandler next) throws Exception {
        exchange.addResponseCommitListener(ExchangeGuard::harden);
        String method = exchange.getRequestMethod().toString();
        if (!SERVED.contains(method)) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, HEAD, POST");
            answer(exchange, 405);
            return;
        }
        if (!"POST".equals(method) && exchange.getQueryParameters().containsKey(VIEW_STATE)) {
            answer(exchange, 400);
            return;
        }
        next.handleRequest(exchange);
    }

    private static void answer(HttpServerExchange exchange, int status) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
        exchange.endExchange();
    }

    /** As the response is sent: the headers it lacks, and a redirect made relative. */
    static void harden(HttpServerExchange exchange) {
        HeaderMap headers = exchange.getResponseHeaders();
        putIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        putIfAbsent(headers, "X-Frame-Options", "DENY");
        putIfAbsent(headers, "Referrer-Policy", "same-origin");
        putIfAbsent(headers, "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        putIfAbsent(headers, "Content-Security-Policy", POLICY);
        if ("https".equalsIgnoreCase(exchange.getRequestScheme())) {
            putIfAbsent(headers, "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (!exchange.getRequestPath().startsWith(SecurityHeadersFilter.RESOURCES)) {
            putIfAbsent(headers, "Cache-Control", "no-store");
        }
        String location = headers.getFirst(Headers.LOCATION);
        if (location != null) {
            headers.put(Headers.LOCATION, onThisSite(location, exchange.getHostName()));
        }
    }

    /** An absolute address on the host the request named becomes its path, query and fragment; others stay. */
    static String onThisSite(String location, String requestHost) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return "/";
        }
        if (!uri.isAbsolute() || uri.getRawAuthority() == null || uri.getHost() != null && requestHost != null
                && !uri.getHost().equalsIgnoreCase(requestHost)) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath().replaceFirst("^/+", "/");
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    private static void putIfAbsent(HeaderMap headers, String name, String value) {
        HttpString header = HttpString.tryFromString(name);
        if (!headers.contains(header)) {
            headers.put(header, value);
        }
    }
}
