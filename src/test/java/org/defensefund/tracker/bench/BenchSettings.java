package org.defensefund.tracker.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run is told, from system properties ({@code -Dbench.*}, passed on by the {@code bench} profile).
 * Smoke mode ({@code bench.mode=smoke}) is what the test suite runs: one user per role, one pass of each
 * journey, short floors, no think time.
 */
public record BenchSettings(
        String url,
        boolean smoke,
        int usersPerRole,
        Duration duration,
        Duration rampUp,
        Duration floorDuration,
        Duration think,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int sqlRepetitions,
        String searchName,
        String searchANumber,
        Path outputDir,
        String accounts,
        Long serverPid) {

    public static BenchSettings fromSystemProperties() {
        boolean smoke = "smoke".equalsIgnoreCase(property("bench.mode", "load"));
        String url = property("bench.url", "http://localhost:8080/");
        int users = Integer.parseInt(property("bench.users", smoke ? "1" : "10"));
        Duration duration = Duration.ofSeconds(Long.parseLong(property("bench.duration", smoke ? "2" : "120")));
        Duration ramp = Duration.ofSeconds(Long.parseLong(property("bench.rampup", smoke ? "0" : String.valueOf(Math.min(30, Math.max(1, users / 2))))));
        Duration floor = Duration.ofSeconds(Long.parseLong(property("bench.floor.duration", smoke ? "2" : "30")));
        Duration think = Duration.ofMillis(Long.parseLong(property("bench.think.ms", smoke ? "0" : "500")));
        String pid = property("bench.server.pid", "");
        return new BenchSettings(url.endsWith("/") ? url : url + "/", smoke, users, duration, ramp, floor, think,
                property("bench.db.url", ""), property("bench.db.user", "root"), property("bench.db.password", ""),
                Integer.parseInt(property("bench.sql.repetitions", smoke ? "3" : "50")),
                property("bench.search.name", "Garcia"), property("bench.search.anumber", "A200-000-001"),
                Path.of(property("bench.output", "target/bench")), property("bench.accounts", "demo"),
                pid.isBlank() ? null : Long.valueOf(pid));
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
