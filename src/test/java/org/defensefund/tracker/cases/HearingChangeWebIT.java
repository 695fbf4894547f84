package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.defensefund.tracker.shared.FundClock;
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
 * The case page's hearings section: the partner's staff reschedule a hearing and cancel another through their forms; a
 * second writer is told and keeps what was typed; the cancelled hearing stays on the list, marked; a funder never gets
 * the forms.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HearingChangeWebIT {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("MM/dd/yyyy hh:mm a", Locale.US);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    /** A case assigned to the partner (written straight in the database). */
    private static long assignedCase(long partner) {
        long legalCase = TestDatabase.offeredCase(partner);
        TestDatabase.update("update case_offer set status = 'ACCEPTED', responded_at = now(6) where case_id = ?", legalCase);
        TestDatabase.update("update legal_case set status = 'ASSIGNED', attorney_name = 'Attorney', assigned_at = now(6), screened_at = now(6)"
                + " where id = ?", legalCase);
        return legalCase;
    }

    private static long hearing(long legalCase, LocalDateTime at) {
        TestDatabase.update("insert into hearing (case_id, kind, scheduled_at, recorded_by, created_at, version)"
                + " values (?, 'MASTER_CALENDAR', ?, 'test', now(6), 1)", legalCase, java.sql.Timestamp.valueOf(at));
        return TestDatabase.count("select max(id) from hearing where case_id = ?", legalCase);
    }

    private static LocalDateTime inDays(int days, int hour) {
        return LocalDateTime.now(FundClock.current()).toLocalDate().plusDays(days).atTime(hour, 0);
    }

    private static Map<String, String> rescheduleForm(String html, long hearingId, LocalDateTime to, String reason) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("reschedule", "reschedule");
        form.put("reschedule:hearing_input", String.valueOf(hearingId));
        form.put("reschedule:scheduledAt_input", TYPED.format(to));
        form.put("reschedule:court_input", "");
        form.put("reschedule:reason", reason);
        form.put("reschedule:submit", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(html));
        return form;
    }

    @Test
    void thePartnersStaffRescheduleAndCancelOnTheCasePage() {
        long partner = TestDatabase.partner(TestDatabase.unique("Hearing Page Org"));
        long legalCase = assignedCase(partner);
        LocalDateTime first = inDays(5, 9);
        LocalDateTime second = inDays(12, 14);
        long soon = hearing(legalCase, first);
        long later = hearing(legalCase, second);
        String page = "cases/detail.xhtml?id=" + legalCase + "&tab=hearings";

        WebClient staff = new WebClient(base.toString());
        staff.signIn(TestDatabase.user("PARTNER", partner, null), TestDatabase.PASSWORD);
        String html = staff.get(page).body();
        Pages.assertNoStackTrace(html);
        assertTrue(html.contains("id=\"rescheduleAction\"") && html.contains("Reschedule a hearing"), "the reschedule form, folded");
        assertTrue(html.contains("id=\"cancelHearingAction\"") && html.contains("Cancel a hearing"), "the cancel form, folded");
        for (String field : new String[] {"reschedule:hearing", "reschedule:scheduledAt", "reschedule:court", "reschedule:reason",
                "cancelHearing:hearing", "cancelHearing:reason"}) {
            int at = Math.max(0, html.indexOf("id=\"" + field));
            assertTrue(Pattern.compile("<label[^>]*for=\"" + Pattern.quote(field) + "(_input|_label)?\"").matcher(html).find(),
                    field + " labelled: " + html.substring(Math.max(0, at - 700), Math.min(html.length(), at + 300)));
        }
        assertTrue(Pattern.compile("<label[^>]*ui-required[^>]*for=\"reschedule:reason\"").matcher(html).find(), "the reason marked required");

        // A second writer: the hearing changed since the page was read; told, and what was typed is kept.
        TestDatabase.update("update hearing set version = version + 1 where id = ?", soon);
        HttpResponse<String> stale = staff.post(page, rescheduleForm(html, soon, inDays(20, 10), "Typed before the other change"));
        assertEquals(200, stale.statusCode());
        Pages.assertNoStackTrace(stale.body());
        assertTrue(stale.body().contains("Someone else saved this record"), "the second writer is told");
        assertTrue(stale.body().contains("Typed before the other change"), "what was typed is kept");
        assertTrue(Pattern.compile("<details id=\"rescheduleAction\"[^>]*open=\"open\"").matcher(stale.body()).find(), "the form open");
        assertEquals(0, TestDatabase.count("select count(*) from case_event where case_id = ? and kind = 'HEARING_RESCHEDULED'", legalCase));

        // Without a reason: refused beside the field (a required field: its label says so, and screen readers).
        html = staff.get(page).body();
        HttpResponse<String> noReason = staff.post(page, rescheduleForm(html, soon, inDays(20, 10), ""));
        assertEquals(200, noReason.statusCode());
        assertTrue(noReason.body().contains("Why: a value is required."), "why, beside the field");
        assertTrue(Pattern.compile("<details id=\"rescheduleAction\"[^>]*open=\"open\"").matcher(noReason.body()).find(), "the form open");
        assertEquals(0, TestDatabase.count("select count(*) from case_event where case_id = ? and kind = 'HEARING_RESCHEDULED'", legalCase));

        LocalDateTime moved = inDays(20, 10);
        html = staff.get(page).body();
        HttpResponse<String> done = staff.post(page, rescheduleForm(html, soon, moved, "The judge was reassigned"));
        assertEquals(302, done.statusCode(), "done, and the page shown afresh");
        assertEquals(1, TestDatabase.count("select count(*) from hearing where id = ? and scheduled_at = ?", soon, java.sql.Timestamp.valueOf(moved)),
                "the hearing moved");
        assertEquals(second.toLocalDate().toString(), TestDatabase.text("select next_hearing_date from legal_case where id = ?", legalCase),
                "the next hearing is now the other one");
        assertEquals(List.of("The judge was reassigned"), TestDatabase.caseTexts(legalCase, "CaseEvent.reason",
                "select reason from case_event where case_id = ? and kind = 'HEARING_RESCHEDULED'", legalCase), "the reason, sealed under the client's key");

        html = staff.get(page).body();
        Map<String, String> cancel = new LinkedHashMap<>();
        cancel.put("cancelHearing", "cancelHearing");
        cancel.put("cancelHearing:hearing_input", String.valueOf(later));
        cancel.put("cancelHearing:reason", "The proceedings were terminated");
        cancel.put("cancelHearing:submit", "");
        cancel.put("jakarta.faces.ViewState", WebClient.viewState(html));
        assertEquals(302, staff.post(page, cancel).statusCode());
        assertEquals(1, TestDatabase.count("select count(*) from hearing where id = ? and cancelled_at is not null", later));
        assertEquals(moved.toLocalDate().toString(), TestDatabase.text("select next_hearing_date from legal_case where id = ?", legalCase));

        html = staff.get(page).body();
        assertTrue(html.contains("badge-cancelled") && html.contains("The proceedings were terminated"), "the cancelled hearing stays, marked");
        String table = html.substring(html.indexOf("id=\"hearings\""));
        table = table.substring(0, table.indexOf("</table>"));
        assertEquals(2, Pattern.compile("<tr[^>]*data-ri=").matcher(table).results().count(), "both hearings listed");

        long funder = TestDatabase.funder(TestDatabase.unique("Hearing Page Fund"));
        WebClient funderUser = new WebClient(base.toString());
        funderUser.signIn(TestDatabase.user("FUNDER", null, funder), TestDatabase.PASSWORD);
        HttpResponse<String> refused = funderUser.get(page);
        assertEquals(403, refused.statusCode());
        assertFalse(refused.body().contains("rescheduleAction"));
    }
}
