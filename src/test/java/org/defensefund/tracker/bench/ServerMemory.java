package org.defensefund.tracker.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's heap, read with {@code jcmd <pid> GC.heap_info} (and a full collection by {@code GC.run} when a
 * live size is wanted) on the WildFly process of this machine that serves the benchmarked port: a standalone server whose
 * {@code jboss.socket.binding.port-offset} is the URL's port minus 8080 (one started from this folder first), or
 * {@code -Dbench.server.pid}. Needs the
 * server on this machine under the same user; nothing in the server's security changes. Absent otherwise.
 */
final class ServerMemory {

    private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern OFFSET = Pattern.compile("jboss\\.socket\\.binding\\.port-offset=(\\d+)");

    private final Long pid;
    private final String jcmd;
    private final String problem;

    private ServerMemory(Long pid, String jcmd, String problem) {
        this.pid = pid;
        this.jcmd = jcmd;
        this.problem = problem;
    }

    static ServerMemory find(BenchSettings settings) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String command = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        if (settings.serverPid() != null) {
            return new ServerMemory(settings.serverPid(), command, null);
        }
        URI url = URI.create(settings.url());
        if (!List.of("localhost", "127.0.0.1").contains(url.getHost())) {
            return new ServerMemory(null, command, "server not on this machine");
        }
        int port = url.getPort() < 0 ? 80 : url.getPort();
        String here = Path.of("").toAbsolutePath().toString();
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("org.jboss.as.standalone") && offset(c) == port - 8080).orElse(false))
                .toList();
        Optional<ProcessHandle> server = servers.stream().filter(p -> p.info().commandLine().orElse("").contains(here)).findFirst()
                .or(() -> servers.stream().findFirst());
        return server.map(p -> new ServerMemory(p.pid(), command, null))
                .orElseGet(() -> new ServerMemory(null, command, "no WildFly process serving port " + port + " found (set -Dbench.server.pid)"));
    }

    private static int offset(String commandLine) {
        Matcher m = OFFSET.matcher(commandLine);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    boolean available() {
        return pid != null;
    }

    String describe() {
        return pid != null ? "jcmd " + pid + " GC.heap_info" : problem;
    }

    /** Heap used in bytes now, or -1. */
    long used() {
        return heap(false);
    }

    /** Heap used in bytes after a full collection (live data), or -1. */
    long liveAfterGc() {
        return heap(true);
    }

    /**
     * Writes the live objects by class ({@code GC.class_histogram}, itself after a full collection) to the file, so
     * that two moments (with the sessions, after signing them out) can be compared to see what a session holds.
     */
    void histogram(Path file) {
        if (pid == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, run("GC.class_histogram"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long heap(boolean collectFirst) {
        if (pid == null) {
            return -1;
        }
        if (collectFirst) {
            run("GC.run");
        }
        Matcher m = USED.matcher(run("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(2)) * 1024 : -1;
    }

    private String run(String what) {
        try {
            Process process = new ProcessBuilder(jcmd, String.valueOf(pid), what).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
