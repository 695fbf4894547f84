package org.defensefund.tracker.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plain HTTP client with its own cookies, outside Gatling: it signs in like a browser (same forms, same
 * nonce, same TOTP codes) for the SQL capture, and signs the virtual users' sessions out at the end.
 */
final class BenchClient {

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    BenchClient(String baseUrl) {
        this.base = URI.create(baseUrl);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                // HTTP/1.1 as browsers speak to the app without TLS (no h2c upgrade, which the server may refuse mid-run).
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client that carries an existing session. */
    static BenchClient withSession(String baseUrl, String sessionId) {
        BenchClient client = new BenchClient(baseUrl);
        HttpCookie cookie = new HttpCookie("JSESSIONID", sessionId);
        cookie.setPath("/");
        cookie.setVersion(0);
        client.cookies.getCookieStore().add(client.base, cookie);
        return client;
    }

    void signIn(BenchAccount account) throws InterruptedException {
        String page = get("login.xhtml").body();
        Map<String, String> form = Html.formFields(page, "login");
        form.put("login", "login");
        form.put("login:email", account.email());
        form.put("login:password", account.password());
        form.put("login:submit", "");
        HttpResponse<String> answer = post(formAction(page, "login"), form);
        if (answer.body().contains(Html.CODE_FORM)) {
            Authenticator.Code code = Authenticator.next(account.email(), account.totpSecret());
            Thread.sleep(code.waitMillis());
            Map<String, String> verify = Html.formFields(answer.body(), "verify");
            verify.put("verify", "verify");
            verify.put("verify:code", code.code());
            verify.put("verify:submit", "");
            answer = post(formAction(answer.body(), "verify"), verify);
        }
        if (answer.statusCode() != 200 || answer.body().contains(Html.SIGN_IN_FORM) || answer.body().contains(Html.CODE_FORM)) {
            throw new IllegalStateException("could not sign in as " + account + " (status " + answer.statusCode() + ")");
        }
    }

    /** Signs out through the layout's sign-out button; false if the session was no longer signed in. */
    boolean signOut() {
        String page = get("index.xhtml").body();
        if (!page.contains("<form id=\"userForm\"")) {
            return false;
        }
        Map<String, String> form = Html.formFields(page, "userForm");
        form.put("userForm", "userForm");
        form.put("userForm:signOut", "Sign out");
        return post(formAction(page, "userForm"), form).statusCode() == 200;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The path a form posts to (its action, relative to the base), as the page rendered it. */
    static String formAction(String html, String formId) {
        Map<String, String> found = new LinkedHashMap<>();
        int start = html.indexOf("<form id=\"" + formId + "\"");
        int end = start < 0 ? -1 : html.indexOf('>', start);
        if (end > 0) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("action=\"([^\"]*)\"").matcher(html.substring(start, end));
            if (m.find()) {
                found.put("action", Html.unescape(m.group(1)));
            }
        }
        String action = found.getOrDefault("action", "login.xhtml");
        return action.startsWith("/") ? action.substring(1) : action;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
