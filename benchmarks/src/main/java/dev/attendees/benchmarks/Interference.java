package dev.attendees.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * Measures how much CPU other processes used while each benchmark ran, so that a report from a
 * shared machine says which numbers to distrust. Linux only (reads {@code /proc}); elsewhere it
 * records nothing.
 *
 * <p>It wraps JMH's console output: at the start and end of each benchmark it compares the
 * machine's busy CPU time ({@code /proc/stat}) with the CPU time of this JVM and its forks (sampled
 * from {@code /proc/<pid>/stat} every 200 ms); the difference is other processes' load, given as
 * a share of all cores over the benchmark's wall time.
 */
final class Interference implements OutputFormat {

    /** One benchmark's interference: other processes' share of all cores, 0..1. */
    record Entry(String benchmark, Map<String, String> params, double otherCpuShare, double seconds) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Path STAT = Path.of("/proc/stat");

    private final OutputFormat delegate;
    private final boolean enabled = Files.isReadable(STAT);
    private final Map<Long, Long> ownTicks = new HashMap<>(); // pid -> last seen utime+stime
    private final List<Entry> entries = new ArrayList<>();
    private long ownTotal;
    private long startBusy;
    private long startOwn;
    private long startNanos;
    private volatile boolean running = true;

    private final int quietWaitSeconds;
    private final java.time.Instant created = java.time.Instant.now();

    /**
     * @param quietWaitSeconds before each benchmark, wait up to this long for other processes' load
     *     to drop below {@link BenchmarkReport#DISTURBED}; 0 to start at once
     */
    Interference(OutputFormat delegate, int quietWaitSeconds) {
        this.delegate = delegate;
        this.quietWaitSeconds = quietWaitSeconds;
        if (enabled) {
            Thread sampler = new Thread(() -> {
                while (running) {
                    sampleOwn();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "interference-sampler");
            sampler.setDaemon(true);
            sampler.start();
        }
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** Reads saved entries, or none when {@code file} is missing. */
    static List<Entry> read(Path file) throws IOException {
        return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() {}) : List.of();
    }

    static void write(Path file, List<Entry> entries) throws IOException {
        JSON.writeValue(file.toFile(), entries);
    }

    /**
     * Adds up the CPU ticks of this JVM and its descendants since they were first seen, and of
     * the database servers the benchmarks started: PostgreSQL detaches from the fork that starts
     * it, so its processes are no descendants; they are the {@code postgres} processes that began
     * after this run did.
     */
    private synchronized void sampleOwn() {
        Set<Long> pids = new HashSet<>();
        pids.add(ProcessHandle.current().pid());
        ProcessHandle.current().descendants().forEach(p -> pids.add(p.pid()));
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false)
                        && p.info().startInstant().map(t -> t.isAfter(created)).orElse(false))
                .forEach(p -> pids.add(p.pid()));
        for (long pid : pids) {
            long ticks = processTicks(pid);
            if (ticks < 0) {
                continue;
            }
            Long before = ownTicks.put(pid, ticks);
            ownTotal += ticks - (before == null ? 0 : before);
        }
    }

    private static long processTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long busyTicks() {
        try (Stream<String> lines = Files.lines(STAT)) {
            String cpu = lines.filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow();
            String[] f = cpu.trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // skip idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Waits, up to {@link #quietWaitSeconds}, until other processes use less than the disturbed share. */
    private void awaitQuiet() {
        long deadline = System.nanoTime() + quietWaitSeconds * 1_000_000_000L;
        long lastNote = 0;
        while (System.nanoTime() < deadline) {
            long busy0;
            long own0;
            synchronized (this) {
                sampleOwn();
                own0 = ownTotal;
            }
            busy0 = busyTicks();
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long own;
            synchronized (this) {
                sampleOwn();
                own = ownTotal - own0;
            }
            double share = Math.max(0, busyTicks() - busy0 - own) / 100.0 / (2.0 * Runtime.getRuntime().availableProcessors());
            if (share < BenchmarkReport.DISTURBED) {
                return;
            }
            if (System.nanoTime() - lastNote > 30_000_000_000L) {
                delegate.println(String.format(java.util.Locale.ROOT,
                        "# Waiting for a quieter machine: other processes use %.0f%% of the CPU", share * 100));
                lastNote = System.nanoTime();
            }
        }
        delegate.println("# Gave up waiting for a quiet machine; the next result will be flagged if disturbed");
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        if (enabled && quietWaitSeconds > 0) {
            awaitQuiet();
        }
        if (enabled) {
            synchronized (this) {
                sampleOwn();
                startOwn = ownTotal;
            }
            startBusy = busyTicks();
            startNanos = System.nanoTime();
        }
        delegate.startBenchmark(params);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        if (enabled && result != null) {
            long busy = busyTicks();
            long own;
            synchronized (this) {
                sampleOwn();
                own = ownTotal - startOwn;
            }
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            // USER_HZ is 100 on every mainstream Linux build.
            double otherCoreSeconds = Math.max(0, (busy - startBusy - own) / 100.0);
            double share = seconds > 0 ? otherCoreSeconds / (seconds * Runtime.getRuntime().availableProcessors()) : 0;
            BenchmarkParams p = result.getParams();
            Map<String, String> params = new TreeMap<>();
            for (String k : p.getParamsKeys()) {
                params.put(k, p.getParam(k));
            }
            String name = p.getBenchmark().startsWith(BenchmarkReport.PACKAGE)
                    ? p.getBenchmark().substring(BenchmarkReport.PACKAGE.length()) : p.getBenchmark();
            entries.add(new Entry(name, params, Math.min(1, share), seconds));
        }
        delegate.endBenchmark(result);
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        running = false;
        delegate.endRun(result);
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
        delegate.iteration(benchParams, params, iteration);
    }

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
        delegate.iterationResult(benchParams, params, iteration, data);
    }

    @Override
    public void startRun() {
        delegate.startRun();
    }

    @Override
    public void print(String s) {
        delegate.print(s);
    }

    @Override
    public void println(String s) {
        delegate.println(s);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void verbosePrintln(String s) {
        delegate.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        delegate.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        delegate.write(b);
    }
}
