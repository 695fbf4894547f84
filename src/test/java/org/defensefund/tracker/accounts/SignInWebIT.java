package org.defensefund.tracker.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.Pages;
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
 * Sign-in, sessions and refusals over plain HTTP, including requests no page would send: a partner
 * user typing an admin URL, posting to an admin form, or naming another organization's id.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void anonymousRequestsGoToTheSignInPage() {
        WebClient anonymous = new WebClient(base.toString());
        for (String path : new String[] {"", "index.xhtml", "admin/partners/list.xhtml", "admin/partners/edit.xhtml?id=1"}) {
            HttpResponse<String> response = anonymous.get(path);
            assertEquals(302, response.statusCode(), path);
            assertTrue(response.headers().firstValue("Location").orElse("").contains("/login.xhtml"), path);
        }
    }

    @Test
    void signingInIssuesANewSessionIdAndAWrongPasswordIsRefused() {
        String email = TestDatabase.user("ADMIN", null, null);
        WebClient client = new WebClient(base.toString());
        client.get("login.xhtml");
        String before = client.sessionId();
        assertNotNull(before);

        HttpResponse<String> wrong = client.signIn(email, "not the right password");
        assertEquals(200, wrong.statusCode());
        assertTrue(wrong.body().contains("The e-mail or password is not right."));

        HttpResponse<String> right = client.signIn(email, TestDatabase.PASSWORD);
        assertEquals(302, right.statusCode());
        assertNotEquals(before, client.sessionId(), "session id changes at sign-in");
        HttpResponse<String> home = client.get("index.xhtml");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Web ADMIN"), "signed-in user's name in the header");
        assertTrue(home.body().contains("Fund administrator"), "role in the header");
    }

    @Test
    void signingOutEndsTheSession() {
        String email = TestDatabase.user("ADMIN", null, null);
        WebClient client = new WebClient(base.toString());
        client.signIn(email, TestDatabase.PASSWORD);
        HttpResponse<String> home = client.get("index.xhtml");
        HttpResponse<String> out = client.post("index.xhtml", Map.of(
                "userForm", "userForm", "userForm:signOut", "Sign out",
                "jakarta.faces.ViewState", WebClient.viewState(home.body())));
        assertEquals(302, out.statusCode());
        assertTrue(out.headers().firstValue("Location").orElse("").contains("login.xhtml?signedOut=true"));
        assertEquals(302, client.get("index.xhtml").statusCode(), "back to sign-in after sign-out");
    }

    @Test
    void aDisabledAccountsOpenSessionEndsOnItsNextRequest() {
        String email = TestDatabase.user("ADMIN", null, null);
        WebClient client = new WebClient(base.toString());
        client.signIn(email, TestDatabase.PASSWORD);
        assertEquals(200, client.get("admin/partners/list.xhtml").statusCode());

        TestDatabase.update("update user_account set active = false where email = ?", email);
        HttpResponse<String> next = client.get("admin/partners/list.xhtml");
        assertEquals(302, next.statusCode());
        assertTrue(next.headers().firstValue("Location").orElse("").contains("login.xhtml?ended=true"));
        assertEquals(302, client.get("index.xhtml").statusCode(), "the session is gone");
        assertTrue(client.get("login.xhtml?ended=true").body().contains("your account was disabled or changed"));
        assertEquals(200, client.signIn(email, TestDatabase.PASSWORD).statusCode(), "a disabled account can't sign in again");
    }

    @Test
    void partnerStaffAreRefusedAdministrationPagesAndPostsWithAFriendlyPage() {
        long own = TestDatabase.partner(TestDatabase.unique("Web Own Org"));
        long other = TestDatabase.partner(TestDatabase.unique("Web Other Org"));
        String email = TestDatabase.user("PARTNER", own, null);
        WebClient partner = new WebClient(base.toString());
        partner.signIn(email, TestDatabase.PASSWORD);

        for (String path : new String[] {"admin/partners/list.xhtml", "admin/partners/edit.xhtml",
                "admin/partners/edit.xhtml?id=" + other, "admin/partners/edit.xhtml?id=" + own}) {
            HttpResponse<String> response = partner.get(path);
            assertEquals(403, response.statusCode(), path);
            assertTrue(response.body().contains("Not allowed"), "friendly 403 page for " + path);
            Pages.assertNoStackTrace(response.body());
        }
        HttpResponse<String> forged = partner.post("admin/partners/edit.xhtml?id=" + other, Map.of(
                "form", "form", "form:name", "Taken Over", "form:caseCapacity", "999", "form:save", "",
                "jakarta.faces.ViewState", "stateless"));
        assertEquals(403, forged.statusCode());
        assertEquals(0, TestDatabase.count("select count(*) from partner_organization where name = 'Taken Over'"));

        HttpResponse<String> home = partner.get("index.xhtml");
        assertEquals(200, home.statusCode());
        assertFalse(home.body().contains("admin/partners/list.xhtml"), "no link to the administration pages");
    }

    @Test
    void fundersAreRefusedAdministrationPages() {
        long funder = TestDatabase.funder(TestDatabase.unique("Web Foundation"));
        WebClient client = new WebClient(base.toString());
        client.signIn(TestDatabase.user("FUNDER", null, funder), TestDatabase.PASSWORD);
        assertEquals(403, client.get("admin/partners/list.xhtml").statusCode());
        assertTrue(client.get("index.xhtml").body().contains("Web Foundation"), "funder's welcome names their funder");
    }

    @Test
    void unknownPagesAndRecordsGetFriendly404Pages() {
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        HttpResponse<String> noPage = admin.get("no-such-page.xhtml");
        assertEquals(404, noPage.statusCode());
        assertTrue(noPage.body().contains("Not found"));
        HttpResponse<String> noRecord = admin.get("admin/partners/edit.xhtml?id=99999999");
        assertEquals(404, noRecord.statusCode());
        assertTrue(noRecord.body().contains("Not found"));
        Pages.assertNoStackTrace(noRecord.body());
        HttpResponse<String> badId = admin.get("admin/partners/edit.xhtml?id=abc");
        assertTrue(badId.statusCode() < 500, "a malformed id is not a server error: " + badId.statusCode());
        Pages.assertNoStackTrace(badId.body());
    }

    @Test
    void anExpiredViewGetsAFriendlyPage() {
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        HttpResponse<String> response = admin.post("admin/partners/edit.xhtml", Map.of(
                "form", "form", "form:name", "Expired", "form:caseCapacity", "1", "form:save", "",
                "jakarta.faces.ViewState", "-1:-1"));
        assertTrue(response.body().contains("Page expired"), "view-expired page, got " + response.statusCode());
        Pages.assertNoStackTrace(response.body());
    }
}
