package org.defensefund.tracker.clientreminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
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
 * The case page's hearing reminders section: the case's partner gives the client's consent with an address (kept
 * encrypted, on the timeline without it), a wrong address is refused beside the field with nothing written, the consent
 * is withdrawn through its form; another partner's staff reach neither the page nor the form.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReminderConsentWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    private static String formId(String html, String name) {
        Matcher form = Pattern.compile("<form id=\"([^\"]*" + name + ")\"").matcher(html);
        assertTrue(form.find(), "the form " + name);
        return form.group(1);
    }

    @Test
    void theCasesPartnerGivesAndWithdrawsTheConsentOnTheCasePage() {
        long partner = TestDatabase.partner(TestDatabase.unique("Reminder Page Org"));
        long other = TestDatabase.partner(TestDatabase.unique("Reminder Other Org"));
        long legalCase = TestDatabase.offeredCase(partner);
        TestDatabase.update("update case_offer set status = 'ACCEPTED', responded_at = now(6) where case_id = ?", legalCase);
        TestDatabase.update("update legal_case set status = 'ASSIGNED', attorney_name = 'Attorney', assigned_at = now(6), screened_at = now(6) where id = ?", legalCase);

        WebClient staff = new WebClient(base.toString());
        staff.signIn(TestDatabase.user("PARTNER", partner, null), TestDatabase.PASSWORD);
        String html = staff.get("cases/detail.xhtml?id=" + legalCase).body();
        Pages.assertNoStackTrace(html);
        assertTrue(html.contains("id=\"reminders\"") && html.contains("Hearing reminders to the client"), "the section");
        assertTrue(html.contains("The client gets no hearing reminders."), "no consent yet");
        String give = formId(html, "reminderConsent");

        HttpResponse<String> refused = staff.post("cases/detail.xhtml?id=" + legalCase, Map.of(give, give, give + ":reminderEmail", "not an address",
                give + ":submit", "", "jakarta.faces.ViewState", WebClient.viewState(html)));
        assertEquals(200, refused.statusCode());
        Pages.assertNoStackTrace(refused.body());
        assertEquals(0, TestDatabase.count("select count(*) from reminder_consent where case_id = ?", legalCase), "nothing written");

        String address = "client-" + TestDatabase.unique("page").substring(5) + "@example.org";
        html = staff.get("cases/detail.xhtml?id=" + legalCase).body();
        HttpResponse<String> given = staff.post("cases/detail.xhtml?id=" + legalCase, Map.of(give, give, give + ":reminderEmail", address,
                give + ":submit", "", "jakarta.faces.ViewState", WebClient.viewState(html)));
        assertTrue(given.statusCode() < 400, "status " + given.statusCode());
        assertEquals(1, TestDatabase.count("select count(*) from reminder_consent where case_id = ? and given and source = 'CASE_PAGE'", legalCase));
        String stored = TestDatabase.text("select email from reminder_consent where case_id = ?", legalCase);
        assertTrue(stored.startsWith("v2:") && !stored.contains("example.org"), "the address is stored sealed under the client's key");
        assertEquals(List.of(address), TestDatabase.caseTexts(legalCase, "ReminderConsent.email",
                "select email from reminder_consent where case_id = ?", legalCase), "and opens with it");
        assertEquals(List.of("CASE_PAGE"), TestDatabase.caseTexts(legalCase, "CaseEvent.summary",
                "select summary from case_event where case_id = ? and kind = 'REMINDER_CONSENT_GIVEN'", legalCase));
        assertTrue(TestDatabase.caseTexts(legalCase, "CaseEvent.summary", "select summary from case_event where case_id = ?", legalCase).stream()
                .noneMatch(summary -> summary.contains("example.org")), "never on the timeline");
        html = staff.get("cases/detail.xhtml?id=" + legalCase).body();
        assertTrue(html.contains("The client agreed to hearing reminders by e-mail at " + address), "the consent in force, with its address");
        String timeline = staff.get("cases/detail.xhtml?id=" + legalCase + "&tab=timeline").body();
        assertTrue(timeline.contains("Consent to hearing reminders given") && timeline.contains("case page"), "on the timeline, in words");

        WebClient outsider = new WebClient(base.toString());
        outsider.signIn(TestDatabase.user("PARTNER", other, null), TestDatabase.PASSWORD);
        HttpResponse<String> foreign = outsider.get("cases/detail.xhtml?id=" + legalCase);
        assertEquals(403, foreign.statusCode(), "another partner's staff don't reach the case, nor its consent");
        assertFalse(foreign.body().contains(address));

        html = staff.get("cases/detail.xhtml?id=" + legalCase).body();
        String withdraw = formId(html, "reminderWithdraw");
        HttpResponse<String> withdrawn = staff.post("cases/detail.xhtml?id=" + legalCase, Map.of(withdraw, withdraw, withdraw + ":submit", "",
                "jakarta.faces.ViewState", WebClient.viewState(html)));
        assertTrue(withdrawn.statusCode() < 400, "status " + withdrawn.statusCode());
        assertEquals(1, TestDatabase.count("select count(*) from reminder_consent where case_id = ? and not given", legalCase));
        assertEquals(1, TestDatabase.count("select count(*) from case_event where case_id = ? and kind = 'REMINDER_CONSENT_WITHDRAWN'", legalCase));
        assertTrue(staff.get("cases/detail.xhtml?id=" + legalCase).body().contains("The client gets no hearing reminders."));
    }
}
