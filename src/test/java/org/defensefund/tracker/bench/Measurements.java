package org.defensefund.tracker.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every request of a run as the harness saw it (name, start, response time, success), kept beside Gatling's
 * own statistics so the report can work out throughput in a phase's time window and compare with the floors.
 */
public final class Measurements {

    /** One request: when it ended (epoch ms), how long it took (ms; -1 when no response came), whether it passed. */
    public record Sample(String name, long endedAt, long millis, boolean ok) {
    }

    /** The figures of one request name. */
    public record Stats(String name, int count, int errors, long median, long p95, long p99, long max, double perSecond) {
    }

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

    public void record(String name, long millis, boolean ok) {
        samples.add(new Sample(name, System.currentTimeMillis(), millis, ok));
    }

    public List<Sample> all() {
        return List.copyOf(samples);
    }

    /** The figures per request name, in the order each name was first seen; throughput over the name's own span. */
    public List<Stats> byName() {
        Map<String, List<Sample>> grouped = new LinkedHashMap<>();
        for (Sample s : samples) {
            grouped.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s);
        }
        List<Stats> stats = new ArrayList<>();
        grouped.forEach((name, list) -> stats.add(stats(name, list)));
        return stats;
    }

    /** Requests per second of the names matching the prefix that ended inside [from, to). */
    public double throughput(String prefix, long from, long to) {
        long count = samples.stream().filter(s -> s.name().startsWith(prefix) && s.ok() && s.endedAt() >= from && s.endedAt() < to).count();
        return to > from ? count * 1000.0 / (to - from) : 0;
    }

    public int errors() {
        return (int) samples.stream().filter(s -> !s.ok()).count();
    }

    static Stats stats(String name, List<Sample> list) {
        long[] times = list.stream().filter(Sample::ok).mapToLong(Sample::millis).sorted().toArray();
        long first = list.stream().mapToLong(s -> s.endedAt() - Math.max(0, s.millis())).min().orElse(0);
        long last = list.stream().mapToLong(Sample::endedAt).max().orElse(0);
        double span = Math.max(1, last - first) / 1000.0;
        int errors = (int) list.stream().filter(s -> !s.ok()).count();
        return new Stats(name, list.size(), errors, percentile(times, 50), percentile(times, 95), percentile(times, 99),
                times.length == 0 ? 0 : times[times.length - 1], list.size() / span);
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    public static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
