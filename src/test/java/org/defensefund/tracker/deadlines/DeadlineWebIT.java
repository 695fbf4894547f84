package org.defensefund.tracker.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
 * The pages: an overdue deadline in the case's header and its deadlines section (said in words), in the partner's
 * "Deadlines" queue and not in another partner's, marked met through its form and then on the timeline; the
 * administrators' rule periods.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeadlineWebIT {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void anOverdueDeadlineIsShownQueuedAndMarkedMetThroughItsForm() {
        long partner = TestDatabase.partner(TestDatabase.unique("Deadline Page Org"));
        long other = TestDatabase.partner(TestDatabase.unique("Deadline Other Org"));
        long legalCase = TestDatabase.offeredCase(partner);
        TestDatabase.update("update case_offer set status = 'ACCEPTED', responded_at = now(6) where case_id = ?", legalCase);
        TestDatabase.update("update legal_case set status = 'ASSIGNED', attorney_name = 'Attorney', assigned_at = now(6), screened_at = now(6) where id = ?", legalCase);
        LocalDate decided = TestDatabase.today().toLocalDate().minusDays(40);
        LocalDate due = DeadlineRule.BIA_APPEAL.dueOn(decided, 30);
        String number = TestDatabase.text("select case_number from legal_case where id = ?", legalCase);
        TestDatabase.update("insert into deadline (case_id, case_number, partner_id, rule, source, triggered_on, due_on, state, version)"
                + " values (?, ?, ?, 'BIA_APPEAL', ?, ?, ?, 'OPEN', 1)", legalCase, number, partner, "ij:" + decided, java.sql.Date.valueOf(decided),
                java.sql.Date.valueOf(due));

        WebClient staff = new WebClient(base.toString());
        staff.signIn(TestDatabase.user("PARTNER", partner, null), TestDatabase.PASSWORD);
        String queue = staff.get("cases/deadlines.xhtml").body();
        assertTrue(queue.contains("detail.xhtml?id=" + legalCase + "\""), "the partner's queue lists the case");
        assertTrue(queue.contains("Overdue") && queue.contains(SHOWN.format(due)), "overdue, said in words, with its date");
        assertTrue(queue.contains("Open deadlines: 1<"), "the partner's count");
        assertFalse(queue.contains("id=\"nextPage\"") || queue.contains("id=\"previousPage\""), "one page: no page links");
        WebClient outsider = new WebClient(base.toString());
        outsider.signIn(TestDatabase.user("PARTNER", other, null), TestDatabase.PASSWORD);
        assertFalse(outsider.get("cases/deadlines.xhtml").body().contains("detail.xhtml?id=" + legalCase + "\""), "never another partner's");

        HttpResponse<String> page = staff.get("cases/detail.xhtml?id=" + legalCase);
        assertEquals(200, page.statusCode());
        String html = page.body();
        Pages.assertNoStackTrace(html);
        Matcher header = Pattern.compile("<dd id=\"deadlines\">(.*?)</dd>", Pattern.DOTALL).matcher(html);
        assertTrue(header.find(), "the header's deadlines");
        assertTrue(header.group(1).contains("BIA appeal (EOIR-26) due " + SHOWN.format(due)) && header.group(1).contains("(Overdue)"), header.group(1));
        assertTrue(html.contains("id=\"caseDeadlines\""), "the deadlines section");
        Matcher form = Pattern.compile("<form id=\"([^\"]*:meet)\"").matcher(html);
        assertTrue(form.find(), "the form to mark it met");

        HttpResponse<String> posted = staff.post("cases/detail.xhtml?id=" + legalCase, Map.of(form.group(1), form.group(1),
                form.group(1) + ":note", "EOIR-26 filed", form.group(1) + ":submit", "", "jakarta.faces.ViewState", WebClient.viewState(html)));
        assertTrue(posted.statusCode() < 400, "status " + posted.statusCode());
        assertEquals("MET", TestDatabase.text("select state from deadline where case_id = ?", legalCase));
        assertEquals(java.util.List.of("EOIR-26 filed"), TestDatabase.caseTexts(legalCase, "CaseEvent.reason",
                "select reason from case_event where case_id = ? and kind = 'DEADLINE_MET'", legalCase), "the note, sealed under the client's key");
        assertEquals(java.util.List.of("EOIR-26 filed"), TestDatabase.caseTexts(legalCase, "Deadline.reason",
                "select reason from deadline where case_id = ? and state = 'MET'", legalCase), "kept with the deadline, sealed too");
        String timeline = staff.get("cases/detail.xhtml?id=" + legalCase + "&tab=timeline").body();
        assertTrue(timeline.contains("Deadline met") && timeline.contains("BIA appeal (EOIR-26)"), "on the timeline, in words");
        assertFalse(staff.get("cases/deadlines.xhtml").body().contains("detail.xhtml?id=" + legalCase + "\""), "no longer in the queue");
    }

    @Test
    void administratorsChangeARulesPeriod() {
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        String html = admin.get("admin/deadline-rules.xhtml").body();
        assertTrue(html.contains("8 CFR 1003.38(b)") && html.contains("8 U.S.C. 1252(b)(1)"), "each rule with its legal source");
        Matcher form = Pattern.compile("<form id=\"([^\"]*:period)\"").matcher(html);
        int forms = 0;
        String noticeForm = null;
        while (form.find()) {
            forms++;
            if (forms == 4) {
                noticeForm = form.group(1);
            }
        }
        assertEquals(java.util.Arrays.stream(DeadlineRule.values()).filter(DeadlineRule::hasPeriod).count(), forms,
                "one form per rule whose period is kept with the rules");
        assertTrue(html.contains("id=\"setting-OFFER_ANSWER\"") && html.contains("tracker.offer.response.hours"),
                "the offer's hours: where they are set");
        assertTrue(html.contains("id=\"setting-FUNDER_REPORT\""), "the reports: by each grant's schedule");
        String before = TestDatabase.text("select period from deadline_rule_period where rule = 'NOTICE_OF_APPEARANCE'");
        HttpResponse<String> refused = admin.post("admin/deadline-rules.xhtml", Map.of(noticeForm, noticeForm, noticeForm + ":days", "400",
                noticeForm + ":save", "", "jakarta.faces.ViewState", WebClient.viewState(html)));
        assertTrue(refused.body().contains("A period is from 1 to 365 days."), "refused with its range");
        assertEquals(before, TestDatabase.text("select period from deadline_rule_period where rule = 'NOTICE_OF_APPEARANCE'"));
        html = admin.get("admin/deadline-rules.xhtml").body();
        admin.post("admin/deadline-rules.xhtml", Map.of(noticeForm, noticeForm, noticeForm + ":days", before,
                noticeForm + ":save", "", "jakarta.faces.ViewState", WebClient.viewState(html)));
        assertEquals(before, TestDatabase.text("select period from deadline_rule_period where rule = 'NOTICE_OF_APPEARANCE'"));
        assertTrue(TestDatabase.count("select count(*) from deadline_rule_period where rule = 'NOTICE_OF_APPEARANCE' and updated_by is not null") == 1,
                "saved, with who changed it");
    }
}
