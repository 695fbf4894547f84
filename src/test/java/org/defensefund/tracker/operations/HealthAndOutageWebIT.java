package org.defensefund.tracker.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.defensefund.tracker.testsupport.Deployments;
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
 * The operator's view: readiness and liveness checks and the Prometheus metrics on the management port, and a
 * database outage proved by pausing the test database (SIGSTOP) mid-run: pages answer 503 with Retry-After
 * within 5 s, readiness turns red, nothing of a form posted meanwhile is kept, and once the database is resumed
 * (SIGCONT) the app heals by itself, the same form posted again is saved once, and readiness is green again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthAndOutageWebIT {

    private static final Duration OUTAGE_ANSWER_LIMIT = Duration.ofSeconds(5);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    private final HttpClient management = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readinessLivenessAndMetricsOnTheManagementPort() throws Exception {
        HttpResponse<String> ready = management("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        for (String check : new String[] {"database", "schema", "personal-data-key", "mail"}) {
            assertTrue(Pattern.compile("\"name\"\\s*:\\s*\"" + check + "\"\\s*,\\s*\"status\"\\s*:\\s*\"UP\"").matcher(ready.body()).find(),
                    check + " is a readiness check, UP: " + ready.body());
        }
        HttpResponse<String> live = management("/health/live");
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("\"application\""), live.body());

        double before = counter(management("/metrics").body(), "tracker_sign_ins_failed_total");
        WebClient stranger = new WebClient(base.toString());
        String email = TestDatabase.user("FUNDER", null, TestDatabase.funder(TestDatabase.unique("Metered Foundation")));
        stranger.signInWithPassword(email, "not the password at all");
        String metrics = management("/metrics").body();
        Files.writeString(Path.of("target", "health-metrics.txt"), metrics);
        assertEquals(before + 1, counter(metrics, "tracker_sign_ins_failed_total"), 0.001, "a failed sign-in is counted");
        assertTrue(counter(metrics, "tracker_referrals_recorded_total") >= 0, "referrals are counted");
        for (String served : new String[] {"datasources_pool_in_use_count", "datasources_pool_wait_count", "datasources_pool_total_blocking_time",
            "undertow_request_count_total", "undertow_error_count_total", "undertow_processing_time_seconds_total", "undertow_active_sessions"}) {
            assertTrue(metrics.contains(served), served + " is served");
        }
        assertTrue(metrics.contains("name=\"TrackerDS\""), "the datasource pool's statistics are served");
    }

    @Test
    void aPausedDatabaseAnswers503FastAndTheAppHealsWhenItIsBack() throws Exception {
        long partner = TestDatabase.partner(TestDatabase.unique("Outage Org"));
        long caseId = TestDatabase.offeredCase(partner);
        WebClient admin = new WebClient(base.toString());
        admin.signIn(TestDatabase.user("ADMIN", null, null), TestDatabase.PASSWORD);
        String page = "cases/detail.xhtml?id=" + caseId + "&tab=notes";

        postNote(admin, page, "Written before the outage");
        assertEquals(1, notes(caseId, "Written before the outage"), "a committed note");
        HttpResponse<String> form = admin.get(page);
        assertEquals(200, form.statusCode());
        Map<String, String> typed = noteForm(form.body(), "Typed during the outage");

        long database = databaseProcess();
        long pausedAt = System.nanoTime();
        signal("STOP", database);
        try {
            long start = System.nanoTime();
            HttpResponse<String> unavailable = bounded(() -> admin.get(page));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("outage: a page answered " + unavailable.statusCode() + " in " + took.toMillis() + " ms");
            assertEquals(503, unavailable.statusCode(), unavailable.body());
            assertEquals("30", unavailable.headers().firstValue("Retry-After").orElse(""), "clients are told when to retry");
            assertTrue(unavailable.body().contains("Temporarily unavailable"), unavailable.body());
            assertFalse(unavailable.body().contains("\tat ") || unavailable.body().contains("EclipseLink") || unavailable.body().contains("SQLException"),
                    "no stack trace");
            assertTrue(took.compareTo(OUTAGE_ANSWER_LIMIT) <= 0, "answered within 5 s, took " + took.toMillis() + " ms");

            start = System.nanoTime();
            HttpResponse<String> posted = bounded(() -> admin.post(page, typed));
            took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("outage: a form post answered " + posted.statusCode() + " in " + took.toMillis() + " ms");
            assertEquals(503, posted.statusCode(), posted.body());
            assertTrue(posted.headers().firstValue("Retry-After").isPresent());
            assertTrue(took.compareTo(OUTAGE_ANSWER_LIMIT) <= 0, "answered within 5 s, took " + took.toMillis() + " ms");

            start = System.nanoTime();
            HttpResponse<String> ready = management("/health/ready");
            System.out.println("outage: readiness answered " + ready.statusCode() + " in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(Pattern.compile("\"name\"\\s*:\\s*\"database\"\\s*,\\s*\"status\"\\s*:\\s*\"DOWN\"").matcher(ready.body()).find(), ready.body());
            assertEquals(200, management("/health/live").statusCode(), "an outage of the database is no reason to restart the server");
        } finally {
            signal("CONT", database);
        }
        long resumedAt = System.nanoTime();

        HttpResponse<String> back = null;
        while (Duration.ofNanos(System.nanoTime() - resumedAt).compareTo(RECOVERY_LIMIT) < 0) {
            back = bounded(() -> admin.get(page));
            if (back.statusCode() == 200) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.println("recovery: the page answered " + (back == null ? "nothing" : back.statusCode()) + " "
                + Duration.ofNanos(System.nanoTime() - resumedAt).toMillis() + " ms after the database resumed (paused "
                + Duration.ofNanos(resumedAt - pausedAt).toMillis() + " ms)");
        assertTrue(back != null && back.statusCode() == 200, "the app recovered without a restart");
        assertEquals(200, management("/health/ready").statusCode(), "ready again");

        assertEquals(1, notes(caseId, "Written before the outage"), "the committed note is kept");
        assertEquals(0, notes(caseId, "Typed during the outage"), "nothing of the refused post was kept");
        HttpResponse<String> again = admin.post(page, noteForm(back.body(), "Typed during the outage"));
        assertTrue(again.statusCode() < 400, "submitting again works: " + again.statusCode());
        assertEquals(1, notes(caseId, "Typed during the outage"), "saved once when submitted again");
    }

    private static void postNote(WebClient client, String page, String text) {
        HttpResponse<String> form = client.get(page);
        assertEquals(200, form.statusCode());
        HttpResponse<String> posted = client.post(page, noteForm(form.body(), text));
        assertTrue(posted.statusCode() < 400, "note posted: " + posted.statusCode());
    }

    private static Map<String, String> noteForm(String html, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("note", "note");
        form.put("note:text", text);
        form.put("note:submit", "");
        form.put("jakarta.faces.ViewState", WebClient.viewState(html));
        return form;
    }

    private static long notes(long caseId, String text) {
        return TestDatabase.caseTexts(caseId, "CaseEvent.summary", "select summary from case_event where case_id = ? and kind = 'NOTE'", caseId)
                .stream().filter(text::equals).count();
    }

    private HttpResponse<String> management(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + System.getProperty("it.management.port") + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return management.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static double counter(String metrics, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})?\\s+([0-9.eE+-]+)").matcher(metrics);
        assertTrue(line.find(), name + " is served: " + metrics.lines().filter(l -> l.startsWith("tracker")).toList());
        return Double.parseDouble(line.group(2));
    }

    /** A request that can't hang the test: it must answer within 30 s, whatever the server does. */
    private static <T> T bounded(Supplier<T> request) throws Exception {
        return CompletableFuture.supplyAsync(request).get(30, TimeUnit.SECONDS);
    }

    /** The test database's server process, found by its port (the build starts it; never the machine's MariaDB). */
    private static long databaseProcess() {
        String port = "--port=" + System.getProperty("it.db.port");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(port + " ")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst()
                .orElseThrow(() -> new AssertionError("no test MariaDB with " + port));
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " " + pid);
    }
}
