package org.defensefund.tracker.accounts;

import org.defensefund.tracker.access.Role;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.Pages;
import org.defensefund.tracker.testsupport.client.SecondFactor;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.defensefund.tracker.testsupport.client.TestMail;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * User administration and e-mailed links through the real pages, with a real SMTP server (GreenMail)
 * in the test JVM receiving what the server's mail session sends: a new user's link, the forgotten
 * password flow, the first sign-in that forces two-factor set-up, disabling and role changes ending
 * open sessions, and a user's own password change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountLinksWebIT {

    private static final String NEW_PASSWORD = "lantern orchard pebble violin";

    @RegisterExtension
    static final GreenMailExtension MAIL = TestMail.server();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void anAdministratorOpensAnAccountAndTheNewUserSetsAPasswordAndTwoFactorSignIn() throws Exception {
        long partner = TestDatabase.partner(TestDatabase.unique("Welcome Legal"));
        WebClient admin = new WebClient(base.toString());
        assertEquals(302, admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD).statusCode());
        String email = "new-" + TestDatabase.unique("staff").replace(' ', '-') + "@web.test";

        HttpResponse<String> missingName = createUser(admin, email, "", "PARTNER", partner);
        assertTrue(missingName.body().contains("Enter the person&#39;s name.") || missingName.body().contains("Enter the person's name."), "message beside the field");
        assertEquals(0, TestDatabase.count("select count(*) from user_account where email = ?", email), "nothing saved");

        HttpResponse<String> created = createUser(admin, email, "Nadia New", "PARTNER", partner);
        assertEquals(302, created.statusCode(), created.body());
        assertEquals(1, TestDatabase.count("select count(*) from user_account where email = ? and password_hash is null", email));

        MimeMessage welcome = onlyMailTo(email);
        assertTrue(welcome.getSubject().contains("your new account"), welcome.getSubject());
        String link = link(welcome);
        assertTrue(link.startsWith(base.toString().replace("127.0.0.1", "localhost")) || link.startsWith(base.toString()), link + " vs " + base);
        assertEquals(0, TestDatabase.count("select count(*) from account_token where token_hash = ?", link.substring(link.indexOf("token=") + 6)),
                "the token itself is not stored");

        WebClient newcomer = new WebClient(base.toString());
        String path = link.substring(link.indexOf("account/"));
        HttpResponse<String> page = newcomer.get(path);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(email));

        HttpResponse<String> different = setPassword(newcomer, path, page, NEW_PASSWORD, NEW_PASSWORD + "x");
        assertTrue(different.body().contains("The two passwords are not the same."));
        HttpResponse<String> weak = setPassword(newcomer, path, different, "password1234", "password1234");
        assertTrue(weak.body().contains("too common or too easy to guess"));
        HttpResponse<String> saved = setPassword(newcomer, path, weak, NEW_PASSWORD, NEW_PASSWORD);
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("id=\"setUp:code\"") && saved.body().contains("<svg"),
                "partner staff set up two-factor sign-in on the same page (QR code, first code)");
        assertFalse(saved.body().contains("id=\"setUp:password\""), "the password was just set: not asked again");

        HttpResponse<String> again = new WebClient(base.toString()).get(path);
        assertTrue(again.body().contains("This link can't be used") || again.body().contains("This link can&#39;t be used"), "a link works once");

        String secret = WebClient.shownSecret(saved.body());
        HttpResponse<String> codes = newcomer.post(path, Map.of("setUp", "setUp", "setUp:code", SecondFactor.nextCode(email, secret),
                "setUp:submit", "", "jakarta.faces.ViewState", WebClient.viewState(saved.body())));
        assertEquals(10, Pattern.compile("<li><code>[a-z2-7-]{27}</code></li>").matcher(codes.body()).results().count(), "ten recovery codes shown once");
        assertEquals(1, TestDatabase.count("select count(*) from user_account where email = ? and totp_secret like 'v1:%'", email));
        assertEquals(10, TestDatabase.count("select count(*) from recovery_code r join user_account u on u.id = r.user_id where u.email = ?", email));

        HttpResponse<String> codeStep = newcomer.signInWithPassword(email, NEW_PASSWORD);
        assertTrue(codeStep.body().contains("id=\"verify:code\""), "the next sign-in asks for the app's code");
        assertEquals(302, newcomer.get("index.xhtml").statusCode(), "not signed in before the second factor");
        assertEquals(302, newcomer.signIn(email, NEW_PASSWORD, secret).statusCode());
        assertEquals(200, newcomer.get("index.xhtml").statusCode());
        Pages.assertNoStackTrace(newcomer.get("account/index.xhtml").body());
    }

    @Test
    void aPasswordAloneNeverSetsUpTwoFactorSignInTheLinkSentToTheMailboxDoes() throws Exception {
        String email = TestDatabase.user("PARTNER", TestDatabase.partner(TestDatabase.unique("Enrol Legal")), null);
        TestDatabase.update("update user_account set totp_secret = null, totp_enabled_at = null where email = ?", email);
        WebClient someone = new WebClient(base.toString());
        HttpResponse<String> answer = someone.signInWithPassword(email, TestDatabase.PASSWORD);
        assertTrue(answer.body().contains("We have e-mailed you a link to set it up"), "told to look in the mailbox");
        assertFalse(answer.body().contains("<svg"), "no QR code for a password alone");
        assertEquals(302, someone.get("index.xhtml").statusCode(), "not signed in");

        String path = TestMail.linkPath(onlyMailTo(email));
        WebClient owner = new WebClient(base.toString());
        HttpResponse<String> page = owner.get(path);
        assertTrue(page.body().contains("id=\"setUp:password\""), "the link's page asks for the password too");
        String secret = WebClient.shownSecret(page.body());
        String firstCode = SecondFactor.nextCode(email, secret);
        HttpResponse<String> wrongPassword = owner.post(path, Map.of("setUp", "setUp", "setUp:password", "not the password at all",
                "setUp:code", firstCode, "setUp:submit", "", "jakarta.faces.ViewState", WebClient.viewState(page.body())));
        assertTrue(wrongPassword.body().contains("The current password is not right."), "mailbox alone is not enough");
        assertEquals(0, TestDatabase.count("select count(*) from user_account where email = ? and totp_secret is not null", email));
        HttpResponse<String> codes = owner.post(path, Map.of("setUp", "setUp", "setUp:password", TestDatabase.PASSWORD,
                "setUp:code", firstCode, "setUp:submit", "", "jakarta.faces.ViewState", WebClient.viewState(wrongPassword.body())));
        assertTrue(codes.body().contains("id=\"recoveryCodes\""), "set up: recovery codes shown");
        assertEquals(302, new WebClient(base.toString()).signIn(email, TestDatabase.PASSWORD, secret).statusCode());
    }

    @Test
    void aForgottenPasswordIsResetByAnEmailedLinkAndOtherSessionsEnd() throws Exception {
        String email = TestDatabase.user("PARTNER", TestDatabase.partner(TestDatabase.unique("Reset Legal")), null);
        WebClient elsewhere = new WebClient(base.toString());
        elsewhere.signIn(email, TestDatabase.PASSWORD);
        assertEquals(200, elsewhere.get("index.xhtml").statusCode());

        WebClient forgetful = new WebClient(base.toString());
        HttpResponse<String> unknown = askReset(forgetful, "nobody-" + email);
        HttpResponse<String> known = askReset(forgetful, email);
        assertEquals(textOfNotice(unknown), textOfNotice(known), "the answer doesn't tell whether the address has an account");
        MimeMessage reset = onlyMailTo(email);
        assertEquals(1, MAIL.getReceivedMessages().length, "no e-mail for the unknown address");
        askReset(forgetful, email);
        assertFalse(MAIL.waitForIncomingEmail(3_000, 2), "a second request within minutes sends nothing");

        String path = link(reset).substring(link(reset).indexOf("account/"));
        HttpResponse<String> page = forgetful.get(path);
        assertEquals(302, setPassword(forgetful, path, page, NEW_PASSWORD, NEW_PASSWORD).statusCode());

        HttpResponse<String> ended = elsewhere.get("index.xhtml");
        assertEquals(302, ended.statusCode(), "the session opened before the reset ends");
        assertTrue(ended.headers().firstValue("Location").orElse("").contains("ended=true"));
        assertEquals(200, new WebClient(base.toString()).signInWithPassword(email, TestDatabase.PASSWORD).statusCode());
        assertTrue(new WebClient(base.toString()).signInWithPassword(email, TestDatabase.PASSWORD).body().contains("The e-mail or password is not right."),
                "the old password is refused");
        assertEquals(302, new WebClient(base.toString()).signIn(email, NEW_PASSWORD).statusCode());
    }

    @Test
    void disablingOrChangingTheRoleOfAUserEndsTheirOpenSessionAtTheNextRequest() {
        long partner = TestDatabase.partner(TestDatabase.unique("Ended Legal"));
        String staffEmail = TestDatabase.user("PARTNER", partner, null);
        String otherEmail = TestDatabase.user("PARTNER", partner, null);
        WebClient staff = new WebClient(base.toString());
        WebClient other = new WebClient(base.toString());
        staff.signIn(staffEmail, TestDatabase.PASSWORD);
        other.signIn(otherEmail, TestDatabase.PASSWORD);
        assertEquals(200, staff.get("cases/list.xhtml").statusCode());
        assertEquals(200, other.get("cases/list.xhtml").statusCode());

        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        long staffId = TestDatabase.count("select id from user_account where email = ?", staffEmail);
        HttpResponse<String> edit = admin.get("admin/users/edit.xhtml?id=" + staffId);
        assertTrue(edit.body().contains(staffEmail));
        HttpResponse<String> disabled = admin.post("admin/users/edit.xhtml?id=" + staffId, Map.of(
                "form", "form", "form:disable", "", "jakarta.faces.ViewState", WebClient.viewState(edit.body())));
        assertEquals(302, disabled.statusCode(), disabled.body());
        HttpResponse<String> next = staff.get("cases/list.xhtml");
        assertEquals(302, next.statusCode(), "the disabled user's session ends");
        assertTrue(next.headers().firstValue("Location").orElse("").contains("ended=true"));
        assertEquals(302, staff.get("index.xhtml").statusCode(), "and stays ended");

        long otherId = TestDatabase.count("select id from user_account where email = ?", otherEmail);
        long funder = TestDatabase.funder(TestDatabase.unique("Role Change Funder"));
        HttpResponse<String> otherEdit = admin.get("admin/users/edit.xhtml?id=" + otherId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("form", "form");
        form.put("form:displayName", "Now A Funder");
        form.put("form:role_input", "FUNDER");
        form.put("form:partner_input", "");
        form.put("form:funder_input", Long.toString(funder));
        form.put("form:save", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(otherEdit.body()));
        assertEquals(302, admin.post("admin/users/edit.xhtml?id=" + otherId, form).statusCode());
        assertEquals(302, other.get("cases/list.xhtml").statusCode(), "a role change ends the session too");
        assertEquals("FUNDER", TestDatabase.text("select role from user_account where id = ?", otherId));
    }

    @Test
    void aUserChangesTheirOwnPasswordKeepsThisSessionAndIsToldByEmail() throws Exception {
        String email = TestDatabase.user("FUNDER", null, TestDatabase.funder(TestDatabase.unique("Own Password Funder")));
        WebClient here = new WebClient(base.toString());
        WebClient there = new WebClient(base.toString());
        here.signIn(email, TestDatabase.PASSWORD);
        there.signIn(email, TestDatabase.PASSWORD);

        HttpResponse<String> wrong = changeOwnPassword(here, "not my password at all", NEW_PASSWORD);
        assertTrue(wrong.body().contains("The current password is not right."));
        HttpResponse<String> changed = changeOwnPassword(here, TestDatabase.PASSWORD, NEW_PASSWORD);
        assertTrue(changed.body().contains("Your password is changed."), changed.body());
        assertEquals(200, here.get("index.xhtml").statusCode(), "this session stays");
        assertEquals(302, there.get("index.xhtml").statusCode(), "the other session ends");
        assertTrue(onlyMailTo(email).getSubject().contains("your password was changed"));
    }

    @Test
    void aRecoveryCodeSignsInOnceAndAWrongCodeIsRefused() throws Exception {
        String email = TestDatabase.user("ADMIN", null, null);
        String recovery = "abcdef-ghijkl-mnopqr-stuvwx";
        String salt = "00112233445566778899aabbccddeeff";
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest((salt + recovery.replace("-", "")).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        TestDatabase.update("insert into recovery_code (user_id, code_hash, salt) select id, ?, ? from user_account where email = ?", hash, salt, email);

        WebClient client = new WebClient(base.toString());
        HttpResponse<String> codeStep = client.signInWithPassword(email, TestDatabase.PASSWORD);
        assertTrue(codeStep.body().contains("id=\"verify:code\""));
        assertEquals(302, client.get("index.xhtml").statusCode(), "the password alone signs nobody in");
        codeStep = client.get("login.xhtml");
        HttpResponse<String> wrong = client.submitCode(codeStep, "000000".equals(SecondFactor.nextCode(email + "-probe", SecondFactor.TEST_SECRET)) ? "111111" : "000000");
        assertTrue(wrong.body().contains("That code is not right"), "message beside the code: " + wrong.statusCode());
        assertEquals(302, client.get("index.xhtml").statusCode(), "still not signed in");

        HttpResponse<String> recovered = recover(client, client.get("login.xhtml"), recovery.toUpperCase());
        assertEquals(302, recovered.statusCode(), "a recovery code in place of the app's code");
        assertEquals(200, client.get("index.xhtml").statusCode());

        WebClient again = new WebClient(base.toString());
        again.signInWithPassword(email, TestDatabase.PASSWORD);
        HttpResponse<String> reused = recover(again, again.get("login.xhtml"), recovery);
        assertTrue(reused.body().contains("That recovery code is not right, or was used already."), "a recovery code works once");
        assertEquals(302, again.get("index.xhtml").statusCode());
    }

    private HttpResponse<String> recover(WebClient client, HttpResponse<String> codePage, String code) {
        return client.post("login.xhtml", Map.of("verify", "verify", "verify:code", code, "verify:recovery_input", "on", "verify:submit", "",
                "jakarta.faces.ViewState", WebClient.viewState(codePage.body())));
    }

    private HttpResponse<String> createUser(WebClient admin, String email, String name, String role, long partner) {
        HttpResponse<String> page = admin.get("admin/users/edit.xhtml");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("form", "form");
        form.put("form:email", email);
        form.put("form:displayName", name);
        form.put("form:role_input", role);
        form.put("form:partner_input", Long.toString(partner));
        form.put("form:funder_input", "");
        form.put("form:save", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(page.body()));
        return admin.post("admin/users/edit.xhtml", form);
    }

    private HttpResponse<String> setPassword(WebClient client, String path, HttpResponse<String> page, String password, String repeat) {
        return client.post(path, Map.of("form", "form", "form:password", password, "form:repeat", repeat, "form:submit", "",
                "jakarta.faces.ViewState", WebClient.viewState(page.body())));
    }

    private HttpResponse<String> askReset(WebClient client, String email) {
        HttpResponse<String> page = client.get("account/forgot-password.xhtml");
        return client.post("account/forgot-password.xhtml", Map.of("forgot", "forgot", "forgot:email", email, "forgot:submit", "",
                "jakarta.faces.ViewState", WebClient.viewState(page.body())));
    }

    private HttpResponse<String> changeOwnPassword(WebClient client, String current, String password) {
        HttpResponse<String> page = client.get("account/index.xhtml");
        return client.post("account/index.xhtml", Map.of("changePassword", "changePassword", "changePassword:current", current, "changePassword:password", password,
                "changePassword:repeat", password, "changePassword:submit", "", "jakarta.faces.ViewState", WebClient.viewState(page.body())));
    }

    private static String textOfNotice(HttpResponse<String> page) {
        Matcher notice = Pattern.compile("id=\"sent\"[^>]*>([^<]*)<").matcher(page.body());
        return notice.find() ? notice.group(1).trim() : "(no notice) " + page.statusCode();
    }

    private static MimeMessage onlyMailTo(String email) throws Exception {
        MAIL.waitForIncomingEmail(10_000, 1);
        List<MimeMessage> mine = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(email));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
        assertEquals(1, mine.size(), "one e-mail to " + email);
        return mine.get(0);
    }

    private static String link(MimeMessage message) {
        return TestMail.link(message);
    }
}
