package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.defensefund.tracker.bench.Html;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.testsupport.Deployments;
import org.defensefund.tracker.testsupport.client.TestBundles;
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
 * Two writers on one case at the same moment, made to deadlock for real in MariaDB: the page's writer, chosen as the
 * victim, is told as for a concurrent edit on the same page with what they typed still in the form, nothing saved;
 * never an error page (as the benchmark met it: two administrators recording a hearing on one case).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WriteConflictWebIT {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void theDeadlocksVictimIsToldOnItsPageAndKeepsWhatItTyped() throws Exception {
        long partner = TestDatabase.partner(TestDatabase.unique("Conflict Legal"));
        long funder = TestDatabase.funder(TestDatabase.unique("Conflict Funder"));
        long grant = TestDatabase.grantWithSubAward(TestDatabase.unique("Conflict Grant"), funder, partner, "100000.00", "50000.00");
        long caseId = TestDatabase.chargedCase(partner, grant, "GT");
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        String page = admin.get("cases/detail.xhtml?id=" + caseId + "&tab=hearings").body();
        Map<String, String> form = new LinkedHashMap<>(Html.formFields(page, "hearing"));
        form.put("hearing", "hearing");
        form.put("hearing:kind_input", Html.options(page, "hearing:kind_input").stream().filter(v -> !v.isEmpty()).findFirst().orElseThrow());
        form.put("hearing:court_input", Html.options(page, "hearing:court_input").stream().filter(v -> !v.isEmpty()).findFirst().orElseThrow());
        form.put("hearing:scheduledAt_input", LocalDate.now(FundClock.current()).plusDays(30).format(DATE) + " 10:00 AM");
        form.put("hearing:result", "Typed by the second writer");
        form.put("hearing:submit", "");
        long hearingsBefore = TestDatabase.count("select count(*) from hearing where case_id = ?", caseId);

        try (Connection other = TestDatabase.connection(); Statement sql = other.createStatement()) {
            sql.execute("CREATE TABLE IF NOT EXISTS write_conflict_ballast (n INT NOT NULL)");
            try {
                other.setAutoCommit(false);
                // The other writer has written more (InnoDB rolls back the smaller of two deadlocked transactions)...
                sql.executeUpdate("INSERT INTO write_conflict_ballast (n) SELECT seq FROM seq_1_to_2000");
                // ... and holds a shared lock on the case, as a writer inserting a row that refers to it does.
                try (PreparedStatement share = other.prepareStatement("SELECT id FROM legal_case WHERE id = ? LOCK IN SHARE MODE")) {
                    share.setLong(1, caseId);
                    share.executeQuery().close();
                }
                CompletableFuture<HttpResponse<String>> posted = CompletableFuture.supplyAsync(() -> admin.post("cases/detail.xhtml", form));
                waitForALockWait(other, caseId);
                // Now the other writer changes the case too: each waits for the other, and MariaDB picks the page's writer.
                try (PreparedStatement change = other.prepareStatement("UPDATE legal_case SET updated_at = updated_at WHERE id = ?")) {
                    change.setLong(1, caseId);
                    change.executeUpdate();
                }
                HttpResponse<String> answer = posted.get(60, TimeUnit.SECONDS);
                other.rollback();

                assertEquals(200, answer.statusCode(), "the page again, not an error page");
                String body = answer.body().replace("&#39;", "'").replace("&#x27;", "'");
                assertTrue(body.contains(TestBundles.text("en", "error.concurrentEdit")), "told why nothing was saved");
                assertTrue(body.contains("Typed by the second writer"), "what they typed is still in the form");
                assertTrue(body.contains("id=\"hearing:submit\""), "the form is there to send again");
                assertFalse(body.contains("Deadlock"), "no database message shown");
            } finally {
                other.rollback();
                other.setAutoCommit(true);
                sql.execute("DROP TABLE IF EXISTS write_conflict_ballast");
            }
        }
        assertEquals(hearingsBefore, TestDatabase.count("select count(*) from hearing where case_id = ?", caseId), "nothing half saved");
        Map<String, String> resend = new LinkedHashMap<>(Html.formFields(admin.get("cases/detail.xhtml?id=" + caseId + "&tab=hearings").body(), "hearing"));
        form.forEach((field, value) -> {
            if (field.startsWith("hearing")) {
                resend.put(field, value);
            }
        });
        HttpResponse<String> again = admin.post("cases/detail.xhtml", resend);
        assertTrue(again.statusCode() == 200 || again.statusCode() == 302, "sent again, it is saved: " + again.statusCode());
        assertEquals(hearingsBefore + 1, TestDatabase.count("select count(*) from hearing where case_id = ?", caseId), "saved once sent again");
    }

    private static void waitForALockWait(Connection other, long caseId) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        // This case's update, not a background job's update of another case (EclipseLink writes "WHERE ((ID = n) AND").
        String thisCase = "%WHERE ((ID = " + caseId + ") %";
        try (PreparedStatement waiting = other.prepareStatement("SELECT COUNT(*) FROM information_schema.processlist"
                + " WHERE command = 'Query' AND info LIKE 'UPDATE legal_case SET%' AND info LIKE ?")) {
            waiting.setString(1, thisCase);
            while (System.nanoTime() < until) {
                // The server's connections are the same database user's, so they are listed without the PROCESS right.
                try (ResultSet waits = waiting.executeQuery()) {
                    waits.next();
                    if (waits.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        StringBuilder seen = new StringBuilder();
        try (Statement sql = other.createStatement(); ResultSet rows = sql.executeQuery("SELECT state, info FROM information_schema.processlist")) {
            while (rows.next()) {
                seen.append('\n').append(rows.getString(1)).append(": ").append(rows.getString(2));
            }
        }
        throw new AssertionError("the page's writer never waited for the case's lock; the database was running:" + seen);
    }
}
