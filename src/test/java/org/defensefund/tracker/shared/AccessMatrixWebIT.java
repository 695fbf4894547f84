package org.defensefund.tracker.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.TestDatabase;
import org.defensefund.tracker.testsupport.client.WebClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The access matrix of the pages: every page of the application, opened by each kind of caller (nobody,
 * an administrator, staff of partner A and of partner B, users of funder A and of funder B), with the ids
 * of A's own records and of B's in the address; the answer must be the one in the table (200 shown, 403
 * refused, 302 to sign-in). A page added to src/main/webapp without a row here fails the test. The
 * services' own checks for the same actions are proved by the service tests (CaseAccessIT, GrantServiceIT,
 * ChargeAndCostIT, BudgetIT, DashboardIT, AuditTrailIT...), and all of them at once by ServiceAccessMatrixIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessMatrixWebIT {

    /** The callers, in the order of each row's statuses (AccessibilityBrowserIT reads them too). */
    static final List<String> CALLERS = List.of("nobody", "admin", "partnerA", "partnerB", "funderA", "funderB");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, WebClient> clients = new LinkedHashMap<>();

    @BeforeEach
    void fixture() {
        long partnerA = TestDatabase.partner(TestDatabase.unique("Matrix Legal A"));
        long partnerB = TestDatabase.partner(TestDatabase.unique("Matrix Legal B"));
        long funderA = TestDatabase.funder(TestDatabase.unique("Matrix Fund A"));
        long funderB = TestDatabase.funder(TestDatabase.unique("Matrix Fund B"));
        long grantA = TestDatabase.grantWithSubAward(TestDatabase.unique("Matrix Grant A"), funderA, partnerA, "1000.00", "500.00");
        long grantB = TestDatabase.grantWithSubAward(TestDatabase.unique("Matrix Grant B"), funderB, partnerB, "1000.00", "500.00");
        long caseA = TestDatabase.chargedCase(partnerA, grantA, "HN");
        long caseB = TestDatabase.chargedCase(partnerB, grantB, "GT");
        TestDatabase.update("insert into case_cost (case_id, sub_award_id, category, amount, cost_date, status, submitted_by, submitted_at, version)"
                + " select ?, sub_award_id, 'TRAVEL', 12.50, ?, 'SUBMITTED', 'matrix', now(6), 1 from case_charge where case_id = ?", caseA, TestDatabase.today(), caseA);
        ids.put("caseA", String.valueOf(caseA));
        ids.put("caseB", String.valueOf(caseB));
        ids.put("grantA", String.valueOf(grantA));
        ids.put("grantB", String.valueOf(grantB));
        ids.put("subAwardA", TestDatabase.text("select id from sub_award where grant_id = ?", grantA));
        ids.put("subAwardB", TestDatabase.text("select id from sub_award where grant_id = ?", grantB));
        ids.put("costA", TestDatabase.text("select max(id) from case_cost where case_id = ?", caseA));
        ids.put("partnerA", String.valueOf(partnerA));
        ids.put("funderA", String.valueOf(funderA));

        clients.put("nobody", new WebClient(base.toString()));
        clients.put("admin", signedIn(TestDatabase.user("ADMIN", null, null)));
        String staffA = TestDatabase.user("PARTNER", partnerA, null);
        ids.put("userA", TestDatabase.text("select id from user_account where email = ?", staffA));
        clients.put("partnerA", signedIn(staffA));
        clients.put("partnerB", signedIn(TestDatabase.user("PARTNER", partnerB, null)));
        clients.put("funderA", signedIn(TestDatabase.user("FUNDER", null, funderA)));
        clients.put("funderB", signedIn(TestDatabase.user("FUNDER", null, funderB)));
    }

    private WebClient signedIn(String email) {
        WebClient client = new WebClient(base.toString());
        client.signIn(email, TestDatabase.PASSWORD);
        return client;
    }

    /**
     * page (with {placeholders} for ids) → expected status for nobody, admin, partnerA, partnerB, funderA, funderB.
     * AccessibilityBrowserIT checks every page a caller is shown (200) here, so a new row is checked there too.
     */
    static final Map<String, int[]> MATRIX = new LinkedHashMap<>();

    private static void row(String page, int... statuses) {
        MATRIX.put(page, statuses);
    }

    static {
        row("login.xhtml", 200, 200, 200, 200, 200, 200);
        row("index.xhtml", 302, 200, 200, 200, 200, 200);
        row("admin/partners/list.xhtml", 302, 200, 403, 403, 403, 403);
        row("admin/partners/edit.xhtml?id={partnerA}", 302, 200, 403, 403, 403, 403);
        row("admin/funders/list.xhtml", 302, 200, 403, 403, 403, 403);
        row("admin/funders/edit.xhtml?id={funderA}", 302, 200, 403, 403, 403, 403);
        row("admin/reference/list.xhtml", 302, 200, 403, 403, 403, 403);
        row("admin/grants/list.xhtml", 302, 200, 403, 403, 403, 403);
        row("admin/grants/edit.xhtml?id={grantA}", 302, 200, 403, 403, 403, 403);
        row("admin/costs.xhtml", 302, 200, 403, 403, 403, 403);
        row("admin/cost.xhtml?id={costA}", 302, 200, 403, 403, 403, 403);
        row("admin/audit.xhtml", 302, 200, 403, 403, 403, 403);
        row("admin/outbox.xhtml", 302, 200, 403, 403, 403, 403);
        row("admin/retention.xhtml", 302, 200, 403, 403, 403, 403);
        row("admin/purge.xhtml", 302, 200, 403, 403, 403, 403);
        row("admin/users/list.xhtml", 302, 200, 403, 403, 403, 403);
        row("admin/users/edit.xhtml?id={userA}", 302, 200, 403, 403, 403, 403);
        row("account/index.xhtml", 302, 200, 200, 200, 200, 200);
        row("account/forgot-password.xhtml", 200, 200, 200, 200, 200, 200);
        row("account/set-password.xhtml?token=not-a-real-token", 200, 200, 200, 200, 200, 200);
        row("intake/referral.xhtml", 302, 200, 403, 403, 403, 403);
        row("refer/index.xhtml", 200, 200, 200, 200, 200, 200);
        row("cases/list.xhtml", 302, 200, 200, 200, 403, 403);
        row("cases/detail.xhtml?id={caseA}", 302, 200, 200, 403, 403, 403);
        row("cases/offer.xhtml?id={caseA}", 302, 200, 403, 403, 403, 403);
        row("cases/costs.xhtml?id={caseA}", 302, 200, 200, 403, 403, 403);
        row("cases/deadlines.xhtml", 302, 200, 200, 200, 403, 403);
        row("admin/deadline-rules.xhtml", 302, 200, 403, 403, 403, 403);
        row("budget/index.xhtml", 302, 200, 200, 200, 200, 200);
        row("budget/grant.xhtml?id={grantA}", 302, 200, 403, 403, 200, 403);
        row("budget/subaward.xhtml?id={subAwardA}", 302, 200, 200, 403, 403, 403);
        row("dashboard/index.xhtml", 302, 200, 403, 403, 200, 200);
    }

    @Test
    void everyPageHasARowInTheMatrix() throws IOException {
        TreeSet<String> pages;
        try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
            pages = files.filter(p -> p.toString().endsWith(".xhtml") && !p.toString().contains("WEB-INF"))
                    .map(p -> Path.of("src/main/webapp").relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        TreeSet<String> inMatrix = MATRIX.keySet().stream().map(p -> p.replaceAll("\\?.*", "")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(pages, inMatrix, "every page needs its row in the access matrix");
    }

    @Test
    void eachCallerGetsWhatTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, int[]> row : MATRIX.entrySet()) {
            String page = row.getKey();
            for (Map.Entry<String, String> id : ids.entrySet()) {
                page = page.replace("{" + id.getKey() + "}", id.getValue());
            }
            for (int i = 0; i < CALLERS.size(); i++) {
                int status = clients.get(CALLERS.get(i)).get(page).statusCode();
                if (status != row.getValue()[i]) {
                    wrong.add(CALLERS.get(i) + " " + page + ": " + status + " (expected " + row.getValue()[i] + ")");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * "My account"'s calendar feed section, and the feed's address (not a page, so not a row of the matrix): the section
     * is offered to administrators and partner staff only, a funder posting its form anyway makes no feed; partner A's
     * feed answers the same to every caller, signed in or not (its token is the credential, a session changes nothing),
     * with A's case and not B's; once replaced, its old address answers 404 to everyone.
     */
    @Test
    void theCalendarFeedIsForStaffAndItsAddressIsItsOnlyKey() {
        List<String> wrong = new ArrayList<>();
        for (String caller : CALLERS.subList(1, CALLERS.size())) {
            boolean offered = clients.get(caller).get("account/index.xhtml").body().contains("id=\"calendarFeedTitle\"");
            if (offered != List.of("admin", "partnerA", "partnerB").contains(caller)) {
                wrong.add(caller + " offered a calendar feed: " + offered);
            }
        }
        WebClient funder = clients.get("funderA");
        funder.post("account/index.xhtml", Map.of("calendarFeed", "calendarFeed", "calendarFeed:create", "",
                "jakarta.faces.ViewState", WebClient.viewState(funder.get("account/index.xhtml").body())));
        if (TestDatabase.count("select count(*) from calendar_feed f join user_account u on u.id = f.user_id where u.role = 'FUNDER'") != 0) {
            wrong.add("a funder's forged post made a calendar feed");
        }
        for (String caseKey : List.of("caseA", "caseB")) {
            TestDatabase.update("insert into hearing (case_id, kind, scheduled_at, recorded_by, created_at, version) values (?, 'MASTER_CALENDAR', ?, 'matrix', now(6), 1)",
                    ids.get(caseKey), java.sql.Timestamp.valueOf(TestDatabase.today().toLocalDate().plusDays(6).atTime(9, 0)));
        }
        String numberA = TestDatabase.text("select case_number from legal_case where id = ?", ids.get("caseA"));
        String numberB = TestDatabase.text("select case_number from legal_case where id = ?", ids.get("caseB"));
        String token = feedOf(clients.get("partnerA"), "create");
        String feed = null;
        for (String caller : CALLERS) {
            java.net.http.HttpResponse<String> answer = clients.get(caller).get("calendar/" + token + ".ics");
            if (answer.statusCode() != 200 || !answer.body().contains(numberA) || answer.body().contains(numberB)) {
                wrong.add(caller + " reading partner A's feed: " + answer.statusCode());
            } else if (feed != null && !feed.replaceAll("DTSTAMP:\\S+", "").equals(answer.body().replaceAll("DTSTAMP:\\S+", ""))) {
                wrong.add(caller + " got another feed than the others");
            }
            feed = answer.body();
        }
        feedOf(clients.get("partnerA"), "replace");
        for (String caller : CALLERS) {
            int status = clients.get(caller).get("calendar/" + token + ".ics").statusCode();
            if (status != 404) {
                wrong.add(caller + " reading partner A's replaced feed: " + status);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** Presses the calendar feed's button on "My account"; the token of the address it shows once. */
    private static String feedOf(WebClient client, String button) {
        String page = client.get("account/index.xhtml").body();
        String answer = client.post("account/index.xhtml", Map.of("calendarFeed", "calendarFeed", "calendarFeed:" + button, "",
                "jakarta.faces.ViewState", WebClient.viewState(page))).body();
        java.util.regex.Matcher address = java.util.regex.Pattern.compile("/calendar/([A-Za-z0-9_-]{43})\\.ics</code>").matcher(answer);
        if (!address.find()) {
            throw new AssertionError("no feed address shown after " + button);
        }
        return address.group(1);
    }

    @Test
    void theOtherOrganizationsAndFundersIdsAreRefused() {
        List<String> wrong = new ArrayList<>();
        Map<String, String[]> others = new LinkedHashMap<>();
        others.put("cases/detail.xhtml?id=" + ids.get("caseB"), new String[] {"partnerA"});
        others.put("cases/costs.xhtml?id=" + ids.get("caseB"), new String[] {"partnerA"});
        others.put("budget/subaward.xhtml?id=" + ids.get("subAwardB"), new String[] {"partnerA", "funderA"});
        others.put("budget/grant.xhtml?id=" + ids.get("grantB"), new String[] {"funderA", "partnerA"});
        for (Map.Entry<String, String[]> entry : others.entrySet()) {
            for (String caller : entry.getValue()) {
                int status = clients.get(caller).get(entry.getKey()).statusCode();
                if (status != 403) {
                    wrong.add(caller + " " + entry.getKey() + ": " + status);
                }
            }
        }
        assertEquals(List.of(), wrong, "another organization's or funder's record by its id in the address");
    }
}
