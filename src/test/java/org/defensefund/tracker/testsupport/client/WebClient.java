package org.defensefund.tracker.testsupport.client;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plain HTTP client with its own cookies, for tests that craft requests a page would never send. */
public final class WebClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern SECRET = Pattern.compile("<code id=\"secret\">([A-Z2-7 ]+)</code>");
    private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");

    /**
     * The script nonce of the last page read. PrimeFaces' script adds it to every form in the browser,
     * and the server refuses a form without it; forms posted here without one get it the same way.
     */
    private String nonce;

    private String acceptLanguage;

    private final URI base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    public WebClient(String baseUrl) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The browser's languages this client says it prefers ({@code Accept-Language}) from now on; null for none. */
    public WebClient acceptLanguage(String header) {
        this.acceptLanguage = header;
        return this;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
        return acceptLanguage == null ? builder : builder.header("Accept-Language", acceptLanguage);
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> page = send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = NONCE.matcher(page.body());
        if (matcher.find()) {
            nonce = matcher.group(1);
        }
        return page;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return send(formPost(path, form), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form and keeps the answer as bytes (a downloaded workbook). */
    public HttpResponse<byte[]> postForBytes(String path, Map<String, String> form) {
        return send(formPost(path, form), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest formPost(String path, Map<String, String> given) {
        Map<String, String> form = new LinkedHashMap<>(given);
        if (nonce != null) {
            form.putIfAbsent("primefaces.nonce", nonce);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * Signs in through the real sign-in form, with the second step where the account has one: the code of
     * the test authenticator ({@link SecondFactor#TEST_SECRET}). Returns the response to the last POST (a
     * redirect when signed in).
     */
    public HttpResponse<String> signIn(String email, String password) {
        return signIn(email, password, SecondFactor.TEST_SECRET);
    }

    /** Signs in with the code of the given authenticator secret where a code is asked for. */
    public HttpResponse<String> signIn(String email, String password, String secret) {
        HttpResponse<String> answer = signInWithPassword(email, password);
        if (answer.statusCode() == 200 && answer.body().contains("id=\"verify:code\"")) {
            return submitCode(answer, SecondFactor.nextCode(email, secret));
        }
        return answer;
    }

    /** The secret shown on a two-factor set-up page, without its spaces. */
    public static String shownSecret(String html) {
        Matcher secret = SECRET.matcher(html);
        if (!secret.find()) {
            throw new IllegalStateException("no secret on the two-factor set-up page");
        }
        return secret.group(1).replace(" ", "");
    }

    /** Only the first step: e-mail and password. */
    public HttpResponse<String> signInWithPassword(String email, String password) {
        HttpResponse<String> page = get("login.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", email);
        form.put("login:password", password);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return post("login.xhtml", form);
    }

    /** The second step: posts a code into the code form of the page. */
    public HttpResponse<String> submitCode(HttpResponse<String> codePage, String code) {
        return submitForm(codePage, "verify", Map.of("verify:code", code, "verify:submit", ""));
    }

    private HttpResponse<String> submitForm(HttpResponse<String> page, String formId, Map<String, String> fields) {
        Matcher matcher = NONCE.matcher(page.body());
        if (matcher.find()) {
            nonce = matcher.group(1);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(fields);
        form.put("jakarta.faces.ViewState", viewState(page.body()));
        return post("login.xhtml", form);
    }

    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public static String viewState(String html) {
        Matcher matcher = VIEW_STATE.matcher(html);
        return matcher.find() ? matcher.group(1) : "";
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
