package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
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

/** Security headers on pages, error pages and static resources; pages with client data are never cached. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void everyKindOfResponseCarriesTheHeaders() {
        WebClient client = new WebClient(base.toString());
        client.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        assertHardened(client.get("login.xhtml"), true);
        assertHardened(client.get("index.xhtml"), true);
        assertHardened(client.get("no-such-page.xhtml"), true);
        HttpResponse<String> dashboard = client.get("dashboard/index.xhtml");
        String scripts = dashboard.headers().allValues("Content-Security-Policy").stream()
                .filter(p -> p.contains("script-src")).findFirst().orElse("");
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("'nonce-([^']+)'").matcher(scripts);
        assertTrue(nonce.find(), "scripts are limited to the response's nonce: " + dashboard.headers().allValues("Content-Security-Policy"));
        assertTrue(dashboard.body().contains("nonce=\"" + nonce.group(1) + "\""), "PrimeFaces' scripts carry that nonce");
        assertTrue(!dashboard.body().matches("(?s).*<script(?![^>]*nonce=)[^>]*>[^<]+</script>.*"), "no inline script without the nonce");
        HttpResponse<String> css = client.get("jakarta.faces.resource/css/tracker.css.xhtml");
        assertEquals(200, css.statusCode());
        assertHardened(css, false);
    }

    @Test
    void aFormPostedWithoutItsPagesNonceIsRefused() {
        WebClient client = new WebClient(base.toString());
        HttpResponse<String> page = client.get("login.xhtml");
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("login", "login");
        form.put("login:email", "someone@fund.test");
        form.put("login:password", "whatever it is");
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        form.put("primefaces.nonce", "made-up");
        HttpResponse<String> forged = client.post("login.xhtml", form);
        assertEquals(403, forged.statusCode());
        assertTrue(!forged.body().contains("CspException") && !forged.body().contains("\tat "), "no stack trace");
    }

    private static void assertHardened(HttpResponse<String> response, boolean page) {
        String where = response.uri() + " (" + response.statusCode() + ")";
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), where);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), where);
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), where);
        assertEquals("same-origin", response.headers().firstValue("Referrer-Policy").orElse(""), where);
        if (page) {
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""), where);
        }
    }
}
