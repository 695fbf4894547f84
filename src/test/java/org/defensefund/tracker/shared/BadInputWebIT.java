package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Bad input, typed or crafted, gets a message beside its field or a plain refusal, never an error page, and is
 * never stored changed: the requests here are the ones a page would never send.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadInputWebIT {

    private static final String ERROR_PAGE = "id=\"errorText\"";
    private static final Path SERVER_LOG = Path.of("target", "server", "standalone", "log", "server.log");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void aReliefWithoutADecisionOrWithAnUnknownOneIsRefusedBesideTheFieldAndNothingIsSaved() {
        long assigned = assignedCase("Relief Org");
        WebClient admin = admin();
        String page = "cases/detail.xhtml?id=" + assigned + "&tab=relief";
        for (String decision : new String[] {"", "MAYBE"}) {
            HttpResponse<String> form = admin.get(page);
            HttpResponse<String> answer = admin.post(page, Map.of("relief", "relief",
                    "relief:reliefType_input", firstChoice(form.body(), "relief:reliefType_input"),
                    "relief:filedOn_input", "", "relief:decidedOn_input", "", "relief:decision_input", decision,
                    "relief:submit", "", "jakarta.faces.ViewState", WebClient.viewState(form.body())));
            assertRefusedBeside(answer, "relief", "decision “" + decision + "”");
            assertTrue(Pattern.compile("<details id=\"reliefAction\"[^>]*open=\"open\"").matcher(answer.body()).find(), "the relief form open");
        }
        assertEquals(0, TestDatabase.count("select count(*) from relief_application where case_id = ?", assigned));
    }

    @Test
    void anImpossibleOrImplausibleDateIsRefusedNotMovedToAnotherDay() {
        long assigned = assignedCase("Dates Org");
        WebClient admin = admin();
        String page = "cases/detail.xhtml?id=" + assigned + "&tab=relief";
        for (String date : new String[] {"02/30/2026", "13/01/2026", "01/01/0001", "12/31/9999", "０１/０２/２０２６"}) {
            HttpResponse<String> form = admin.get(page);
            HttpResponse<String> answer = admin.post(page, Map.of("relief", "relief",
                    "relief:reliefType_input", firstChoice(form.body(), "relief:reliefType_input"),
                    "relief:filedOn_input", date, "relief:decidedOn_input", "", "relief:decision_input", "PENDING",
                    "relief:submit", "", "jakarta.faces.ViewState", WebClient.viewState(form.body())));
            assertRefusedBeside(answer, "relief", "filed on " + date);
        }
        assertEquals(0, TestDatabase.count("select count(*) from relief_application where case_id = ?", assigned));
    }

    @Test
    void aNewAccountsEmailThatIsNotOneAddressGetsAMessageBesideTheField() {
        WebClient admin = admin();
        List<String> wrong = List.of("plainaddress", "one@web.test, two@web.test", "one@web.test two@web.test",
                "one@web.test\r\nBcc: two@web.test", "one@web.test\u0000", "a".repeat(300) + "@web.test");
        for (String email : wrong) {
            String name = TestDatabase.unique("Bad Mail");
            HttpResponse<String> form = admin.get("admin/users/edit.xhtml");
            HttpResponse<String> answer = admin.post("admin/users/edit.xhtml", Map.of("form", "form", "form:email", email,
                    "form:displayName", name, "form:role_input", "ADMIN", "form:partner_input", "", "form:funder_input", "",
                    "form:save", "", "jakarta.faces.ViewState", WebClient.viewState(form.body())));
            assertRefusedBeside(answer, "form", "e-mail " + email.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0"));
            assertEquals(0, TestDatabase.count("select count(*) from user_account where display_name = ?", name), "no account opened");
        }
    }

    @Test
    void aPartnersContactEmailOrACapacityInOtherDigitsIsRefusedBesideTheField() {
        WebClient admin = admin();
        String[][] wrong = {{"plainaddress", "1"}, {"one@web.test, two@web.test", "1"}, {"", "١٢"}, {"", "１２"}};
        for (String[] typed : wrong) {
            String name = TestDatabase.unique("Bad Input Org");
            HttpResponse<String> form = admin.get("admin/partners/edit.xhtml");
            HttpResponse<String> answer = admin.post("admin/partners/edit.xhtml", Map.of("form", "form", "form:name", name,
                    "form:email", typed[0], "form:caseCapacity", typed[1], "form:save", "",
                    "jakarta.faces.ViewState", WebClient.viewState(form.body())));
            assertRefusedBeside(answer, "form", "e-mail " + typed[0] + ", capacity " + typed[1]);
            assertEquals(0, TestDatabase.count("select count(*) from partner_organization where name = ?", name), "no partner saved");
        }
    }

    @Test
    void aForgottenPasswordRequestWithAMalformedEmailGetsAMessage() {
        WebClient anyone = new WebClient(base.toString());
        for (String email : List.of("plainaddress", "one@web.test\r\nBcc: two@web.test", "a".repeat(300) + "@web.test")) {
            HttpResponse<String> form = anyone.get("account/forgot-password.xhtml");
            HttpResponse<String> answer = anyone.post("account/forgot-password.xhtml", Map.of("forgot", "forgot", "forgot:email", email,
                    "forgot:submit", "", "jakarta.faces.ViewState", WebClient.viewState(form.body())));
            assertRefusedBeside(answer, "forgot", "e-mail " + email.replace("\r\n", "\\r\\n"));
        }
    }

    @Test
    void aMadeUpViewStateOnAPublicFormIsABadRequestWithOneShortLogLine() {
        for (String path : new String[] {"login.xhtml", "account/forgot-password.xhtml"}) {
            WebClient anyone = new WebClient(base.toString());
            anyone.get(path);
            long before = logSize();
            HttpResponse<String> answer = anyone.post(path, Map.of("login", "login", "login:email", "x@web.test", "login:password", "x",
                    "forgot", "forgot", "forgot:email", "x@web.test", "jakarta.faces.ViewState", "-1234567890123456789:987654321"));
            assertEquals(400, answer.statusCode(), path);
            Pages.assertNoStackTrace(answer.body());
            String logged = logSince(before);
            assertFalse(logged.contains("\tat ") || logged.contains("Caused by"), "no stack trace logged for " + path + ":\n" + logged);
            assertTrue(logged.lines().count() <= 2 && logged.length() < 1000, "one short line logged for " + path + ":\n" + logged);
        }
    }

    @Test
    void aTamperedPagingRequestIsClampedToAPageTheTableOffers() {
        for (int i = 0; i < 3; i++) {
            TestDatabase.user("FUNDER", null, TestDatabase.funder(TestDatabase.unique("Paging Foundation")));
        }
        WebClient admin = admin();
        String[][] tampered = {{"-5", "20"}, {"2147483647", "20"}, {"999999999999", "20"}, {"0", "100000"}, {"0", "0"}, {"0", "-3"}, {"abc", "x"}};
        for (String[] paging : tampered) {
            HttpResponse<String> list = admin.get("admin/users/list.xhtml");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("jakarta.faces.partial.ajax", "true");
            form.put("jakarta.faces.source", "users:table");
            form.put("jakarta.faces.partial.execute", "users:table");
            form.put("jakarta.faces.partial.render", "users:table");
            form.put("jakarta.faces.behavior.event", "page");
            form.put("jakarta.faces.partial.event", "page");
            form.put("users:table", "users:table");
            form.put("users:table_pagination", "true");
            form.put("users:table_skipChildren", "true");
            form.put("users:table_encodeFeature", "true");
            form.put("users:table_first", paging[0]);
            form.put("users:table_rows", paging[1]);
            form.put("users", "users");
            form.put("jakarta.faces.ViewState", WebClient.viewState(list.body()));
            HttpResponse<String> answer = admin.post("admin/users/list.xhtml", form);
            String what = "first " + paging[0] + ", rows " + paging[1];
            assertEquals(200, answer.statusCode(), what);
            assertFalse(answer.body().contains(ERROR_PAGE) || answer.body().contains("<error>"), what + ": " + answer.body());
            Pages.assertNoStackTrace(answer.body());
            assertTrue(answer.body().contains("<tr"), what + ": rows shown");
        }
    }

    @Test
    void theDatabaseRefusesAValueNoEnumHas() {
        long offered = TestDatabase.offeredCase(TestDatabase.partner(TestDatabase.unique("Check Org")));
        assertThrows(IllegalStateException.class, () -> TestDatabase.update("update legal_case set priority = 'SOMEDAY' where id = ?", offered));
        assertThrows(IllegalStateException.class, () -> TestDatabase.update("update legal_case set priority = 'normal' where id = ?", offered));
        assertThrows(IllegalStateException.class, () -> TestDatabase.update("insert into case_event (case_id, occurred_at, actor, kind, summary)"
                + " values (?, now(6), 'test', 'GOSSIP', 'x')", offered));
        assertThrows(IllegalStateException.class, () -> TestDatabase.update("insert into case_event (case_id, occurred_at, actor, kind, to_status, summary)"
                + " values (?, now(6), 'test', 'NOTE', 'LIMBO', 'x')", offered));
        assertThrows(IllegalStateException.class, () -> TestDatabase.update("update funder set kind = 'ALIEN' where id = ?",
                TestDatabase.funder(TestDatabase.unique("Check Foundation"))));
        assertEquals(1, TestDatabase.update("update legal_case set priority = 'URGENT' where id = ?", offered), "a value the enum has");
        assertEquals("URGENT", TestDatabase.text("select priority from legal_case where id = ?", offered));
    }

    private void assertRefusedBeside(HttpResponse<String> answer, String form, String what) {
        assertEquals(200, answer.statusCode(), what + " (" + answer.headers().firstValue("Location").orElse("") + ")");
        assertFalse(answer.body().contains(ERROR_PAGE), what + ": an error page");
        Pages.assertNoStackTrace(answer.body());
        assertTrue(Pattern.compile("<form id=\"" + form + "\"[\\s\\S]*ui-message-error").matcher(answer.body()).find(),
                what + ": a message in the form");
    }

    private WebClient admin() {
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        return admin;
    }

    private static long assignedCase(String organization) {
        long partner = TestDatabase.partner(TestDatabase.unique(organization));
        long assigned = TestDatabase.offeredCase(partner);
        TestDatabase.update("update case_offer set status = 'ACCEPTED', responded_at = now(6) where case_id = ?", assigned);
        TestDatabase.update("update legal_case set status = 'ASSIGNED', attorney_name = 'Attorney', assigned_at = now(6), screened_at = now(6)"
                + " where id = ?", assigned);
        return assigned;
    }

    private static String firstChoice(String html, String select) {
        Matcher choices = Pattern.compile("<select[^>]*name=\"" + Pattern.quote(select) + "\"[^>]*>([\\s\\S]*?)</select>").matcher(html);
        assertTrue(choices.find(), "a list " + select);
        Matcher option = Pattern.compile("<option value=\"([^\"]+)\"").matcher(choices.group(1));
        assertTrue(option.find(), "a choice in " + select);
        return option.group(1);
    }

    private static long logSize() {
        try {
            return Files.size(SERVER_LOG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String logSince(long offset) {
        try {
            byte[] all = Files.readAllBytes(SERVER_LOG);
            return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
