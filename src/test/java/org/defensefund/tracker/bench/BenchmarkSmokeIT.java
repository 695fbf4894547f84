package org.defensefund.tracker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.defensefund.tracker.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The benchmark harness in smoke mode against the app the integration tests deploy: one user per role, one pass of
 * each journey, a few seconds of each floor. No timing is judged; every request must succeed and every step of
 * every journey must have run. The report lands in {@code target/bench-smoke/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BenchmarkSmokeIT {

    /** Where the smoke run's accounts and data come from: swap in another fixture (the seeder's small run) here. */
    static final BenchFixture FIXTURE = new SmokeFixture();

    static final List<String> EVERY_STEP = List.of("admin home", "admin list TO_SCREEN", "admin list ALL", "admin sort (ajax)",
            "admin next page (ajax)", "admin search name", "admin search A-number", "admin search case number", "admin open case", "admin case hearings",
            "admin record hearing", "partner home", "partner list MY_OPEN_CASES", "partner open case", "partner case costs",
            "partner record cost", "funder dashboard", "funder dashboard LAST_12_MONTHS", "funder export csv",
            "throughput: admin list ALL", "floor: sign-in page (no database)");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @ArquillianResource
    private URL base;

    @Test
    void everyJourneyRunsAndNoRequestFails() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bench.mode", "smoke");
        properties.put("bench.url", base.toString());
        properties.put("bench.db.url", System.getProperty("it.db.url"));
        properties.put("bench.db.user", "tracker");
        properties.put("bench.db.password", "tracker");
        properties.put("bench.output", Path.of("target", "bench-smoke").toString());
        properties.forEach(System::setProperty);
        try {
            TrackerSimulation.useAccounts(FIXTURE.prepare());
            int exit = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {
                "-s", TrackerSimulation.class.getName(),
                "-rf", Path.of("target", "bench-smoke", "gatling").toAbsolutePath().toString(),
                "-rd", "smoke"});
            BenchReport report = TrackerSimulation.lastReport();
            assertNotNull(report, "the simulation ran to its end and wrote a report");
            String failed = report.stats().stream().filter(s -> s.errors() > 0).map(s -> s.name() + " (" + s.errors() + ")")
                    .collect(Collectors.joining(", "));
            assertEquals(0, report.errors(), "failed requests: " + failed);
            Set<String> sent = report.stats().stream().map(Measurements.Stats::name).collect(Collectors.toSet());
            List<String> missing = EVERY_STEP.stream().filter(step -> !sent.contains(step)).toList();
            assertTrue(missing.isEmpty(), "steps that never ran: " + missing + "; sent: " + sent);
            assertEquals(0, exit, "Gatling's exit status");
        } finally {
            TrackerSimulation.useAccounts(null);
            properties.keySet().forEach(System::clearProperty);
        }
    }
}
