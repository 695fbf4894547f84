package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
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
 * A confidential case offered to an organization, seen through its staff's browser: the case page is
 * restricted, and no page (list, search, case, offer, costs) carries the client's name or A-number in its
 * HTML until the organization accepts the case. Every view is in the audit trail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfidentialCaseWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void theOfferedOrganizationSeesNoClientUntilItAccepts() {
        long partner = TestDatabase.partner(TestDatabase.unique("Confidential Org"));
        long caseId = TestDatabase.offeredCase(partner);
        String digits = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L));
        TestDatabase.update("update legal_case set confidential = true, confidential_reason = 'ASYLUM',"
                + " confidential_marked_by = 'test', confidential_marked_at = now(6), notes = 'Persecuted for her journalism' where id = ?", caseId);
        TestDatabase.update("update client set a_number = ?, a_number_hash = ?, phone = ? where id = (select client_id from legal_case where id = ?)",
                TestDatabase.encrypted(digits), TestDatabase.aNumberHash(digits), TestDatabase.encrypted("617-555-0199"), caseId);
        String lastName = TestDatabase.lastNameOfCase(caseId);
        // A case number as the fund writes them (year-number), so that search takes it for one.
        TestDatabase.update("update legal_case set case_number = concat('9999-', id) where id = ?", caseId);
        String caseNumber = TestDatabase.text("select case_number from legal_case where id = ?", caseId);
        String display = "A " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);

        WebClient staff = new WebClient(base.toString());
        staff.signIn(TestDatabase.user("PARTNER", partner, null), TestDatabase.PASSWORD);

        HttpResponse<String> detail = staff.get("cases/detail.xhtml?id=" + caseId);
        assertEquals(200, detail.statusCode(), "the offer can be answered");
        assertTrue(detail.body().contains("id=\"restricted\""), "the restricted view");
        assertTrue(detail.body().contains("Confidential case " + caseNumber));
        assertTrue(detail.body().contains("badge-confidential"));
        assertTrue(detail.body().contains("id=\"accept\""), "with the accept form");
        assertNothingOfTheClient(detail.body(), lastName, digits, display, "detail");
        assertFalse(detail.body().contains("Persecuted"), "no notes");
        assertFalse(detail.body().contains("617-555-0199"), "no phone");
        assertFalse(detail.body().contains("id=\"timeline\""), "no timeline");

        for (String path : new String[] {"cases/list.xhtml?queue=OFFERS_TO_ANSWER", "cases/list.xhtml", "cases/list.xhtml?q=" + caseNumber}) {
            HttpResponse<String> list = staff.get(path);
            assertEquals(200, list.statusCode(), path);
            assertTrue(list.body().contains(caseNumber), "listed, to be answered: " + path);
            assertTrue(list.body().contains("Confidential case"), path);
            assertNothingOfTheClient(list.body(), lastName, digits, display, path);
        }
        // A search page shows back what was typed in its search box; the case must not come up.
        for (String typed : new String[] {lastName, digits, "A-" + digits}) {
            HttpResponse<String> searched = staff.get("cases/list.xhtml?q=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, searched.statusCode());
            assertFalse(searched.body().contains(caseNumber), "not found by " + typed);
            assertTrue(searched.body().contains("No case here."), "not found by " + typed);
        }

        for (String path : new String[] {"cases/offer.xhtml?id=" + caseId, "cases/costs.xhtml?id=" + caseId}) {
            HttpResponse<String> refused = staff.get(path);
            assertEquals(403, refused.statusCode(), path);
            assertNothingOfTheClient(refused.body(), lastName, digits, display, path);
            Pages.assertNoStackTrace(refused.body());
        }

        HttpResponse<String> page = staff.get("cases/detail.xhtml?id=" + caseId);
        HttpResponse<String> accepted = staff.post("cases/detail.xhtml?id=" + caseId, Map.of(
                "accept", "accept", "accept:attorney", "Ana Attorney", "accept:submit", "",
                "jakarta.faces.ViewState", WebClient.viewState(page.body())));
        assertEquals(302, accepted.statusCode(), "accepted, then shown afresh");
        assertEquals("ASSIGNED", TestDatabase.text("select status from legal_case where id = ?", caseId));

        HttpResponse<String> file = staff.get("cases/detail.xhtml?id=" + caseId);
        assertEquals(200, file.statusCode());
        assertTrue(file.body().contains(lastName), "the organization's own case now: the client is shown");
        assertTrue(file.body().contains(display));
        assertTrue(file.body().contains("badge-confidential"));
        assertTrue(staff.get("cases/list.xhtml?q=" + digits).body().contains(lastName), "and found");
        assertEquals(200, staff.get("cases/costs.xhtml?id=" + caseId).statusCode());

        assertEquals(2, views(caseId, "SUMMARY"), "the two restricted views before the accept");
        assertEquals(1, views(caseId, "CASE_FILE"), "the case file after it");
        assertEquals(1, views(caseId, "FUNDING"), "the costs page");
    }

    @Test
    void anotherOrganizationGetsTheRefusalPageWithoutTheClient() {
        long partner = TestDatabase.partner(TestDatabase.unique("Holding Org"));
        long outsider = TestDatabase.partner(TestDatabase.unique("Outside Org"));
        long caseId = TestDatabase.offeredCase(partner);
        TestDatabase.update("update legal_case set confidential = true, confidential_reason = 'VAWA' where id = ?", caseId);
        String lastName = TestDatabase.lastNameOfCase(caseId);
        WebClient other = new WebClient(base.toString());
        other.signIn(TestDatabase.user("PARTNER", outsider, null), TestDatabase.PASSWORD);
        HttpResponse<String> refused = other.get("cases/detail.xhtml?id=" + caseId);
        assertEquals(403, refused.statusCode());
        assertFalse(refused.body().contains(lastName));
        String caseNumber = TestDatabase.text("select case_number from legal_case where id = ?", caseId);
        assertFalse(other.get("cases/list.xhtml?q=" + lastName).body().contains(caseNumber), "not found");
    }

    @Test
    void theFundSeesTheClientAndTheBadge() {
        long partner = TestDatabase.partner(TestDatabase.unique("Fund View Org"));
        long caseId = TestDatabase.offeredCase(partner);
        TestDatabase.update("update legal_case set confidential = true, confidential_reason = 'T_VISA',"
                + " confidential_marked_by = 'test', confidential_marked_at = now(6) where id = ?", caseId);
        String lastName = TestDatabase.lastNameOfCase(caseId);
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        HttpResponse<String> file = admin.get("cases/detail.xhtml?id=" + caseId);
        assertEquals(200, file.statusCode());
        assertTrue(file.body().contains(lastName));
        assertTrue(file.body().contains("id=\"confidentialBadge\""));
        assertTrue(file.body().contains("T visa"), "the reason");
        assertTrue(file.body().contains("id=\"lift\""), "the fund may lift it");
        HttpResponse<String> list = admin.get("cases/list.xhtml?q=" + lastName);
        assertTrue(list.body().contains(lastName));
        assertTrue(list.body().contains("badge-confidential"));
        assertEquals(1, views(caseId, "CASE_FILE"));

        HttpResponse<String> noReason = admin.post("cases/detail.xhtml?id=" + caseId, Map.of("lift", "lift", "lift:liftReason", "",
                "lift:submit", "", "jakarta.faces.ViewState", WebClient.viewState(admin.get("cases/detail.xhtml?id=" + caseId).body())));
        assertEquals(200, noReason.statusCode(), "refused beside the field, not a 500");
        assertTrue(noReason.body().contains("Say why the case is no longer confidential."));
        assertEquals(1, TestDatabase.count("select count(*) from legal_case where id = ? and confidential", caseId), "still confidential");

        HttpResponse<String> lifted = admin.post("cases/detail.xhtml?id=" + caseId, Map.of("lift", "lift", "lift:liftReason", "Client consented",
                "lift:submit", "", "jakarta.faces.ViewState", WebClient.viewState(admin.get("cases/detail.xhtml?id=" + caseId).body())));
        assertEquals(302, lifted.statusCode());
        assertEquals(0, TestDatabase.count("select count(*) from legal_case where id = ? and confidential", caseId), "lifted");

        HttpResponse<String> marked = admin.post("cases/detail.xhtml?id=" + caseId, Map.of("confidential", "confidential",
                "confidential:confidentialReason_input", "VAWA", "confidential:confidentialNote", "", "confidential:submit", "",
                "jakarta.faces.ViewState", WebClient.viewState(admin.get("cases/detail.xhtml?id=" + caseId).body())));
        assertEquals(302, marked.statusCode());
        assertEquals("VAWA", TestDatabase.text("select confidential_reason from legal_case where id = ? and confidential", caseId));
    }

    private static long views(long caseId, String view) {
        return TestDatabase.count("select count(*) from audit_entry where record_type = 'LegalCase' and record_id = ? and action = 'VIEW'"
                + " and new_values = ?", String.valueOf(caseId), "{\"view\":\"" + view + "\"}");
    }

    private static void assertNothingOfTheClient(String html, String lastName, String digits, String display, String where) {
        assertFalse(html.contains(lastName), "no client name on " + where);
        assertFalse(html.contains(digits), "no A-number on " + where);
        assertFalse(html.contains(display), "no A-number on " + where);
    }
}
