package org.defensefund.tracker.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.InContainer;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Session limits: the session cookie is HttpOnly and SameSite=Lax (Secure is added by the server on
 * https); a session past its absolute limit ends on its next request however busy it was. The test runs
 * in the server to shorten the limit for a moment, and talks to it over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class SessionLimitsIT {

    private static final String LIMIT = "tracker.session.absolute.minutes";

    @Deployment
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @jakarta.inject.Inject
    private InContainer given;

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        WebClient client = new WebClient(base.toString());
        HttpResponse<String> login = client.get("login.xhtml");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain http in the test: the Secure flag comes with https only");
    }

    @Test
    void aSessionPastItsAbsoluteLimitEndsOnItsNextRequest() {
        WebClient client = new WebClient(base.toString());
        client.signIn(given.funderUser(given.funder(InContainer.unique("Session Funder"))).getEmail(), InContainer.PASSWORD);
        assertEquals(200, client.get("index.xhtml").statusCode(), "the first page after sign-in starts the clock");
        String before = System.getProperty(LIMIT);
        System.setProperty(LIMIT, "0");
        try {
            HttpResponse<String> ended = client.get("index.xhtml");
            assertEquals(302, ended.statusCode());
            assertTrue(ended.headers().firstValue("Location").orElse("").contains("login.xhtml?ended=true"));
        } finally {
            if (before == null) {
                System.clearProperty(LIMIT);
            } else {
                System.setProperty(LIMIT, before);
            }
        }
        assertEquals(302, client.get("index.xhtml").statusCode(), "signed out: back to the sign-in page");
    }
}
