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
