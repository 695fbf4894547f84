package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hardening of the web layer, over HTTP: secrets checked on "My account" are throttled, a form acts
 * only when posted with its page's nonce, request data can't forge or flood the server log, every
 * response carries the security headers and a full policy, redirects never repeat the Host header, and
 * only GET, HEAD and POST are served.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHardeningWebIT {

    private static final String THROTTLED = "Too many failed attempts.";
    private static final Path SERVER_LOG = Path.of("target", "server", "standalone", "log", "server.log");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void wrongCurrentPasswordsOnMyAccountAreThrottled() {
        String email = TestDatabase.user("PARTNER", TestDatabase.partner(TestDatabase.unique("Throttle Legal")), null);
        WebClient client = signedIn(email);
        HttpResponse<String> answer = client.get("account/index.xhtml");
        List<String> bodies = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            answer = client.post("account/index.xhtml", changePassword(answer, "wrong guess " + attempt, "a new long password 1234"));
            assertEquals(200, answer.statusCode());
            bodies.add(answer.body());
        }
        assertTrue(bodies.subList(0, 3).stream().allMatch(b -> b.contains("The current password is not right.")), "three free tries");
        assertTrue(bodies.subList(3, 5).stream().anyMatch(b -> b.contains(THROTTLED)), "then a wrong password in a row waits");
        assertEquals(302, new WebClient(base.toString()).signIn(email, TestDatabase.PASSWORD).statusCode(), "the password is unchanged");
    }

    @Test
    void wrongCodesWhenAskingForNewRecoveryCodesAreThrottled() {
        String email = TestDatabase.user("PARTNER", TestDatabase.partner(TestDatabase.unique("Codes Legal")), null);
        WebClient client = signedIn(email);
        HttpResponse<String> answer = client.get("account/index.xhtml");
        assertTrue(answer.body().contains("id=\"codes\""), "two-factor sign-in is on");
        for (int attempt = 1; attempt <= 5; attempt++) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("codes", "codes");
            form.put("codes:code", String.format("%06d", attempt));
            form.put("codes:newCodes", "");
            form.put("jakarta.faces.ViewState", WebClient.viewState(answer.body()));
            answer = client.post("account/index.xhtml", form);
            assertEquals(200, answer.statusCode());
            if (attempt > 3 && answer.body().contains(THROTTLED)) {
                return;
            }
        }
        org.junit.jupiter.api.Assertions.fail("wrong codes in a row were never made to wait");
    }

    @Test
    void aFormPostedWithoutItsPagesNonceOrWithAnotherIsRefusedAndSavesNothing() {
        String email = TestDatabase.user("PARTNER", TestDatabase.partner(TestDatabase.unique("Nonce Legal")), null);
        WebClient client = signedIn(email);
        HttpResponse<String> page = client.get("account/index.xhtml");
        for (String nonce : List.of("", "made-up", java.util.Base64.getEncoder().encodeToString(
                java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)))) {
            Map<String, String> form = changePassword(page, TestDatabase.PASSWORD, "a forged new password 1234");
            form.put("primefaces.nonce", nonce);
            HttpResponse<String> forged = client.post("account/index.xhtml", form);
            assertEquals(403, forged.statusCode(), "nonce '" + nonce + "'");
            assertFalse(forged.body().contains("\tat "), "no stack trace");
        }
        assertEquals(302, new WebClient(base.toString()).signIn(email, TestDatabase.PASSWORD).statusCode(), "the password is unchanged");
        HttpResponse<String> real = client.post("account/index.xhtml", changePassword(client.get("account/index.xhtml"),
                TestDatabase.PASSWORD, "the real new password 1234"));
        assertTrue(real.statusCode() == 200 || real.statusCode() == 302, "the page's own nonce is accepted: " + real.statusCode());
        assertEquals(302, new WebClient(base.toString()).signIn(email, "the real new password 1234").statusCode(), "the real form saved");
    }

    @Test
    void aFormSentByGetDoesNothing() {
        String email = TestDatabase.user("PARTNER", TestDatabase.partner(TestDatabase.unique("Get Legal")), null);
        WebClient client = signedIn(email);
        HttpResponse<String> page = client.get("account/index.xhtml");
        Map<String, String> form = changePassword(page, TestDatabase.PASSWORD, "a linked new password 1234");
        form.put("primefaces.nonce", nonceOf(page.body()));
        HttpResponse<String> answer = client.get("account/index.xhtml?" + query(form));
        assertEquals(400, answer.statusCode());
        assertHardened(answer);
        assertEquals(302, new WebClient(base.toString()).signIn(email, TestDatabase.PASSWORD).statusCode(), "the password is unchanged");
    }

    @Test
    void requestDataCannotForgeOrFloodALogLine() throws Exception {
        WebClient client = new WebClient(base.toString());
        client.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        String marker = "FORGED" + System.nanoTime();
        assertEquals(404, client.get("cases/detail.xhtml?id=1%0D%0A" + marker + "%20SEVERE%20forged").statusCode());
        String flood = "x" + marker + "y".repeat(100_000);
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> flooded = http11.send(HttpRequest.newBuilder(URI.create(base + "cases/detail.xhtml?id=" + flood))
                .header("Cookie", "JSESSIONID=" + client.sessionId()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, flooded.statusCode());
        List<String> lines = Files.readAllLines(SERVER_LOG, StandardCharsets.UTF_8).stream().filter(l -> l.contains(marker)).toList();
        assertTrue(lines.size() >= 2, "both refusals logged: " + lines.stream().map(l -> l.substring(0, Math.min(300, l.length()))).toList());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith(marker)), "no line starts with the forged text");
        assertTrue(lines.stream().allMatch(l -> l.length() < 2_000), "long values are cut");
    }

    @Test
    void everyResponseCarriesTheHeadersAndAFullPolicy() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> redirect = http.send(HttpRequest.newBuilder(URI.create(base + "index.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, redirect.statusCode());
        assertHardened(redirect);
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(base + "resources/no-such-file.txt")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertHardened(missing);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertHardened(login);
        List<String> policies = login.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), "one policy: " + policies);
        assertTrue(policies.get(0).matches(".*script-src 'self' 'nonce-[^']+'.*"), policies.get(0));
        assertFalse(policies.get(0).contains("unsafe-eval"), policies.get(0));
        for (String method : List.of("PUT", "DELETE", "OPTIONS", "PATCH")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base + "login.xhtml"))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, refused.statusCode(), method);
            assertEquals("GET, HEAD, POST", refused.headers().firstValue("Allow").orElse(""), method);
            assertFalse(refused.body().contains("jakarta.faces") || refused.body().contains("primefaces"), method + " renders no page of the application");
            assertHardened(refused);
        }
        String trace = raw("TRACE /login.xhtml HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort() + "\r\nConnection: close\r\n\r\n");
        assertTrue(trace.startsWith("HTTP/1.1 405"), trace);
        assertTrue(trace.contains("X-Frame-Options: DENY") && trace.contains("default-src 'self'"), trace);
    }

    @Test
    void aRedirectNeverRepeatsTheHostHeader() throws IOException {
        String answer = raw("GET /index.xhtml HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 302"), answer);
        assertFalse(answer.contains("evil.example"), answer);
        assertTrue(answer.contains("Location: /login.xhtml"), answer);
    }

    private WebClient signedIn(String email) {
        WebClient client = new WebClient(base.toString());
        assertEquals(302, client.signIn(email, TestDatabase.PASSWORD).statusCode());
        return client;
    }

    private static Map<String, String> changePassword(HttpResponse<String> page, String current, String newPassword) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("changePassword", "changePassword");
        form.put("changePassword:current", current);
        form.put("changePassword:password", newPassword);
        form.put("changePassword:repeat", newPassword);
        form.put("changePassword:submit", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        return form;
    }

    private static String nonceOf(String html) {
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"").matcher(html);
        return nonce.find() ? nonce.group(1) : "";
    }

    private static String query(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A request written by hand: the Java client won't send TRACE as asked or another Host header. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            return end < 0 ? answer : answer.substring(0, end);
        }
    }

    private static void assertHardened(HttpResponse<String> response) {
        String where = response.request().method() + " " + response.uri() + " (" + response.statusCode() + ")";
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), where);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), where);
        assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""), where);
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        for (String directive : List.of("default-src 'self'", "img-src 'self' data:", "style-src 'self'", "connect-src 'self'",
                "form-action 'self'", "frame-ancestors 'none'", "object-src 'none'", "script-src 'self'")) {
            assertTrue(policy.contains(directive), where + " lacks " + directive + ": " + policy);
        }
    }
}
