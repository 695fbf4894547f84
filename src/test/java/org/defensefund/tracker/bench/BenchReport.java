package org.defensefund.tracker.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The run's report, {@code target/bench/report.md}: one row per request name, the two floors, the heap and the
 * session size, and a PASS/FAIL verdict per target (a verdict only: nothing fails the build in bench mode).
 */
public final class BenchReport {

    /** Heap readings in bytes (-1 when unknown) and how many virtual users' sessions were signed out. */
    record Memory(long liveBefore, long usedAtEnd, long liveWithSessions, long liveAfterSignOut, int sessionsSignedOut) {

        long perSession() {
            return liveWithSessions < 0 || liveAfterSignOut < 0 || sessionsSignedOut == 0 ? -1
                    : Math.max(0, (liveWithSessions - liveAfterSignOut) / sessionsSignedOut);
        }
    }

    /** One target and whether the run met it. */
    public record Verdict(String target, String measured, boolean pass) {
    }

    static final String FLOOR_PREFIX = "floor: ";
    static final String THROUGHPUT_PREFIX = "throughput: ";
    private static final long GIB = 1024L * 1024 * 1024;

    private final BenchSettings settings;
    private final Measurements measurements;
    private final SqlFloor sql;
    private final ServerMemory server;
    private final Memory memory;
    private final long journeysEnd;
    private final long throughputEnd;
    private final long floorStart;
    private final long floorEnd;
    private final String users;
    private final List<Verdict> verdicts = new ArrayList<>();

    BenchReport(BenchSettings settings, Measurements measurements, SqlFloor sql, ServerMemory server, Memory memory,
            long journeysEnd, long throughputEnd, long floorStart, long floorEnd, String users) {
        this.settings = settings;
        this.measurements = measurements;
        this.sql = sql;
        this.server = server;
        this.memory = memory;
        this.journeysEnd = journeysEnd;
        this.throughputEnd = throughputEnd;
        this.floorStart = floorStart;
        this.floorEnd = floorEnd;
        this.users = users;
    }

    /** Requests that failed (any phase). */
    public int errors() {
        return measurements.errors();
    }

    /** Every request name that was sent, with its figures. */
    public List<Measurements.Stats> stats() {
        return measurements.byName();
    }

    public List<Verdict> verdicts() {
        return verdicts;
    }

    static boolean isList(String name) {
        return name.contains(" list ") || name.contains(" search ") || name.contains(" sort ") || name.contains(" next page ");
    }

    static boolean isDashboard(String name) {
        return name.startsWith("funder dashboard");
    }

    void write() {
        List<Measurements.Stats> stats = measurements.byName();
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark report\n\n")
                .append("- run: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(settings.smoke() ? " (**smoke mode**: figures mean nothing)" : "").append('\n')
                .append("- app: ").append(settings.url()).append('\n')
                .append("- virtual users (admin/partner/funder): ").append(users).append("; journeys ").append(settings.duration().toSeconds())
                .append(" s after a ramp-up of ").append(settings.rampUp().toSeconds()).append(" s, think time ").append(settings.think().toMillis())
                .append(" ms; list-throughput and Faces-floor phases ").append(settings.floorDuration().toSeconds()).append(" s each\n")
                .append("- SQL floor: ").append(sql.available() ? "captured from the general log of " + settings.dbUrl() + ", "
                        + settings.sqlRepetitions() + " repetitions per page" : "not measured (" + sql.unavailableReason() + ")").append('\n')
                .append("- heap: ").append(server.describe()).append("\n\n");

        md.append("## Requests\n\n")
                .append("Times in ms (response time as Gatling measures it: first byte sent to last byte received). `× SQL floor` is the page's "
                        + "median over the median time of the same SQL through plain JDBC.\n\n")
                .append("| request | count | median | p95 | p99 | max | errors | req/s | SQL floor median (statements) | × SQL floor |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Measurements.Stats s : stats) {
            SqlFloor.Floor floor = sql.floors().get(s.name());
            md.append("| ").append(s.name()).append(" | ").append(s.count()).append(" | ").append(s.median()).append(" | ").append(s.p95())
                    .append(" | ").append(s.p99()).append(" | ").append(s.max()).append(" | ").append(s.errors()).append(" | ")
                    .append(fmt(s.perSecond())).append(" | ")
                    .append(floor == null ? "–" : fmt(floor.medianMillis()) + " (" + floor.statements() + ")").append(" | ")
                    .append(floor == null || floor.medianMillis() <= 0 ? "–" : fmt(s.median() / floor.medianMillis())).append(" |\n");
        }

        double lists = measurements.throughput(THROUGHPUT_PREFIX, journeysEnd, throughputEnd);
        double faces = measurements.throughput(FLOOR_PREFIX, floorStart, floorEnd);
        md.append("\n## Throughput against the Faces floor\n\n")
                .append("| phase | req/s |\n|---|---:|\n")
                .append("| lists, no think time (administrators' and partners' lists) | ").append(fmt(lists)).append(" |\n")
                .append("| Faces floor: the sign-in page, same number of users, no database | ").append(fmt(faces)).append(" |\n")
                .append("| ratio | ").append(faces > 0 ? fmt(lists / faces) : "–").append(" |\n");

        md.append("\n## Memory\n\n| reading | value |\n|---|---:|\n")
                .append("| heap live before the load (after a full GC) | ").append(mib(memory.liveBefore())).append(" |\n")
                .append("| heap used at the end of the load | ").append(mib(memory.usedAtEnd())).append(" |\n")
                .append("| heap live with the virtual users' sessions (after a full GC) | ").append(mib(memory.liveWithSessions())).append(" |\n")
                .append("| heap live after signing those ").append(memory.sessionsSignedOut()).append(" sessions out (after a full GC) | ")
                .append(mib(memory.liveAfterSignOut())).append(" |\n")
                .append("| HTTP session per signed-in user (estimate) | ").append(memory.perSession() < 0 ? "–" : fmt(memory.perSession() / 1024.0) + " KiB").append(" |\n\n")
                .append("Session size method: the virtual users never sign out during the load; afterwards a full GC gives the live heap with "
                        + "all their sessions (view states under server-side state saving included), then every one of those sessions is signed "
                        + "out through the page's sign-out button (which invalidates it), another full GC, and the difference divided by the "
                        + "number of sessions signed out. Noisy with few users; read it from a run with many.\n");

        judge(stats, lists, faces);
        md.append("\n## Verdicts\n\n| target | measured | verdict |\n|---|---|---|\n");
        for (Verdict v : verdicts) {
            md.append("| ").append(v.target()).append(" | ").append(v.measured()).append(" | ").append(v.pass() ? "PASS" : "**FAIL**").append(" |\n");
        }
        md.append("\nGatling's own HTML report of the run is in `gatling/` beside this file; the captured SQL per page in `sql/`.\n");
        try {
            Files.createDirectories(settings.outputDir());
            Path file = settings.outputDir().resolve("report.md");
            Files.writeString(file, md);
            System.out.println("\n" + md + "\nReport written to " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void judge(List<Measurements.Stats> stats, double lists, double faces) {
        for (Measurements.Stats s : stats) {
            if (s.name().startsWith(FLOOR_PREFIX) || s.name().startsWith(THROUGHPUT_PREFIX)) {
                continue;
            }
            if (isList(s.name()) || s.name().equals("admin home")) {
                verdicts.add(new Verdict(s.name() + ": p95 ≤ 150 ms, p99 ≤ 500 ms, no error",
                        "p95 " + s.p95() + ", p99 " + s.p99() + ", errors " + s.errors(), s.p95() <= 150 && s.p99() <= 500 && s.errors() == 0));
            }
            if (isDashboard(s.name())) {
                SqlFloor.Floor floor = sql.floors().get(s.name());
                boolean underFloor = floor != null && s.median() <= 1.5 * floor.medianMillis();
                verdicts.add(new Verdict(s.name() + ": median ≤ 300 ms and ≤ 1.5 × SQL floor",
                        "median " + s.median() + ", floor " + (floor == null ? "not measured" : fmt(floor.medianMillis())),
                        s.median() <= 300 && underFloor));
            }
        }
        verdicts.add(new Verdict("list throughput ≥ 0.5 × Faces floor", fmt(lists) + " vs " + fmt(faces) + " req/s", faces > 0 && lists >= 0.5 * faces));
        verdicts.add(new Verdict("heap ≤ 1 GiB", "used at end " + mib(memory.usedAtEnd()) + ", live " + mib(memory.liveWithSessions()),
                memory.usedAtEnd() >= 0 && memory.usedAtEnd() <= GIB && memory.liveWithSessions() <= GIB));
        verdicts.add(new Verdict("session ≤ 100 KB per user", memory.perSession() < 0 ? "not measured" : fmt(memory.perSession() / 1000.0) + " kB",
                memory.perSession() >= 0 && memory.perSession() <= 100_000));
        verdicts.add(new Verdict("no failed request", measurements.errors() + " failed", measurements.errors() == 0));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "–" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }
}
