package org.defensefund.tracker.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
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
 * The retention and purge pages' forms that repeat, one per legal hold and one per proposed purge: a refused one comes back
 * with its message beside the field of that row's form (not only at the top of the page), and nothing is changed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RetentionPagesWebIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void aWrongCodeToConfirmAPurgeIsToldBesideTheCodeOfThatPurge() {
        String proposer = TestDatabase.user("ADMIN", null, null);
        TestDatabase.update("insert into erasure_purge (selection, keep_held, status, proposed_by, proposed_at, version)"
                + " values ('ENDED', true, 'PROPOSED', ?, now(6), 0)", proposer);
        long purge = Long.parseLong(TestDatabase.text("select max(id) from erasure_purge where proposed_by = ?", proposer));
        try {
            WebClient second = new WebClient(base.toString());
            second.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
            String html = second.get("admin/purge.xhtml").body();
            String form = formAfter(html, "decide_" + purge, "<dd>" + purge + "</dd>");
            HttpResponse<String> posted = second.post("admin/purge.xhtml", Map.of(form, form, form + ":code", "000000",
                    form + ":confirmButton", "", "jakarta.faces.ViewState", WebClient.viewState(html)));
            assertEquals(200, posted.statusCode());
            String sent = formHtml(posted.body(), form);
            assertTrue(sent.contains("That code is not right."), "beside the code of that purge: " + sent);
            Pages.assertNoStackTrace(posted.body());
            assertEquals("PROPOSED", TestDatabase.text("select status from erasure_purge where id = ?", purge), "nothing confirmed");
        } finally {
            TestDatabase.update("update erasure_purge set status = 'CANCELLED', decided_by = 'test', decided_at = now(6) where id = ?", purge);
        }
    }

    @Test
    void liftingAHoldWithoutAReasonIsToldBesideTheReasonOfThatHold() {
        long legalCase = TestDatabase.offeredCase(TestDatabase.partner(TestDatabase.unique("Hold Page Legal")));
        String client = TestDatabase.text("select client_id from legal_case where id = ?", legalCase);
        TestDatabase.update("insert into legal_hold (client_id, reason, placed_by, placed_at, version) values (?, 'Subpoena 12', 'test', now(6), 0)",
                Long.valueOf(client));
        long hold = Long.parseLong(TestDatabase.text("select max(id) from legal_hold where client_id = ?", Long.valueOf(client)));

        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        String html = admin.get("admin/retention.xhtml").body();
        String form = formAfter(html, "lift_" + hold, TestDatabase.text("select case_number from legal_case where id = ?", legalCase));
        HttpResponse<String> posted = admin.post("admin/retention.xhtml", Map.of(form, form, form + ":liftReason", "",
                form + ":liftButton", "", "jakarta.faces.ViewState", WebClient.viewState(html)));
        assertEquals(200, posted.statusCode());
        String sent = formHtml(posted.body(), form);
        assertTrue(sent.contains("Say why."), "beside the reason of that hold: " + sent);
        assertEquals(0, TestDatabase.count("select count(*) from legal_hold where id = ? and lifted_at is not null", hold), "not lifted");
        Pages.assertNoStackTrace(posted.body());
    }

    @Test
    void aHoldThatIsNotTheLastOneListedIsLiftedWithTheReasonTypedInItsOwnForm() {
        // Two holds: a form repeated by ui:repeat lost what was typed in every row but the last (Mojarra), so the reason
        // of the first never reached the bean. The one listed first is lifted; the other stays.
        long[] holds = new long[2];
        for (int i = 0; i < 2; i++) {
            long legalCase = TestDatabase.offeredCase(TestDatabase.partner(TestDatabase.unique("Two Holds Legal")));
            long client = Long.parseLong(TestDatabase.text("select client_id from legal_case where id = ?", legalCase));
            TestDatabase.update("insert into legal_hold (client_id, reason, placed_by, placed_at, version) values (?, 'Subpoena 13', 'test', now(6), 0)",
                    client);
            holds[i] = Long.parseLong(TestDatabase.text("select max(id) from legal_hold where client_id = ?", client));
        }
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        String html = admin.get("admin/retention.xhtml").body();
        int[] at = {html.indexOf("<form id=\"lift_" + holds[0] + "\""), html.indexOf("<form id=\"lift_" + holds[1] + "\"")};
        assertTrue(at[0] >= 0 && at[1] >= 0, "both holds listed, each with its form");
        long first = at[0] < at[1] ? holds[0] : holds[1];
        long second = first == holds[0] ? holds[1] : holds[0];
        String form = "lift_" + first;
        HttpResponse<String> posted = admin.post("admin/retention.xhtml", Map.of(form, form, form + ":liftReason", "Subpoena withdrawn",
                form + ":liftButton", "", "jakarta.faces.ViewState", WebClient.viewState(html)));
        Pages.assertNoStackTrace(posted.body());
        assertEquals("Subpoena withdrawn", TestDatabase.clientText(TestDatabase.count("select client_id from legal_hold where id = ?", first),
                "LegalHold.liftReason", TestDatabase.text("select lift_reason from legal_hold where id = ? and lifted_at is not null", first)),
                "the hold listed first is lifted with the reason typed in its form (sealed under the client's key)");
        assertEquals(0, TestDatabase.count("select count(*) from legal_hold where id = ? and lifted_at is not null", second), "the other stays");
    }

    /** The id of the repeated form after this text (the form of the block that shows it), checked to be there. */
    private static String formAfter(String html, String formId, String text) {
        int after = html.indexOf(text);
        assertTrue(after >= 0, "the page shows " + text);
        Matcher form = Pattern.compile("<form id=\"(" + Pattern.quote(formId) + ")\"").matcher(html);
        assertTrue(form.find(after), "the form " + formId + " after " + text);
        return form.group(1);
    }

    private static String formHtml(String html, String form) {
        int start = html.indexOf("<form id=\"" + form + "\"");
        assertTrue(start >= 0, "the form " + form + " is shown again");
        return html.substring(start, html.indexOf("</form>", start));
    }
}
