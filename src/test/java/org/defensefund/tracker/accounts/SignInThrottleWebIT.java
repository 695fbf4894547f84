package org.defensefund.tracker.accounts;

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

/**
 * Three rapid wrong passwords make the next attempt wait, even with the right password; after the delay
 * the right password signs in from the same address.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInThrottleWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void wrongPasswordsSlowTheAccountWithoutLockingItsOwnerOut() throws Exception {
        String email = TestDatabase.user("ADMIN", null, null);
        WebClient client = new WebClient(base.toString());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> wrong = client.signIn(email, "not the password at all");
            assertEquals(200, wrong.statusCode());
            assertTrue(wrong.body().contains("is not right"), "told the usual way: " + i);
        }
        HttpResponse<String> throttled = client.signIn(email, TestDatabase.PASSWORD);
        assertEquals(200, throttled.statusCode(), "the right password is not even checked while the delay runs");
        assertTrue(throttled.body().contains("Too many failed attempts"), "told to wait");

        Thread.sleep(2_500);
        HttpResponse<String> signedIn = client.signIn(email, TestDatabase.PASSWORD);
        assertEquals(302, signedIn.statusCode(), "after the delay the owner signs in");
        assertEquals(200, client.get("index.xhtml").statusCode());
    }
}
