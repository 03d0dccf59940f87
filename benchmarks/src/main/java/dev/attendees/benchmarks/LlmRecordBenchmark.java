package dev.attendees.benchmarks;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.GenerationSummary;
import dev.attendees.llm.LlmProvider;
import dev.attendees.llm.LlmRecordSource;
import dev.attendees.llm.LlmSettings;
import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.spi.RecordSource;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * LLM record mode against the fake OpenAI-compatible server answering every call after
 * {@value #LATENCY_SECONDS} s, with the default settings (20 records a call, 10 calls in flight).
 * One shot per count: the score is the wall time of the whole run. The targets: 1,000 in
 * under 60 s, 5,000 in under 4 minutes, within 10% of the ideal (calls x latency / concurrency),
 * which the benchmark prints beside the measured time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class LlmRecordBenchmark {

    /** The fake server's answer time, as the issue asks. */
    public static final int LATENCY_SECONDS = 5;

    @Param({"1000", "5000"})
    public int count;

    private FakeLlmServer server;
    private long started;

    @Setup(Level.Iteration)
    public void start() {
        server = FakeLlmServer.builder().latency(Duration.ofSeconds(LATENCY_SECONDS)).start();
        started = System.nanoTime();
    }

    @Benchmark
    public GenerationSummary recordMode(Blackhole bh) {
        LlmSettings settings = LlmSettings.builder().provider(LlmProvider.OPENAI).baseUrl(server.baseUrl(LlmProvider.OPENAI)).build();
        AttendeeGenerator generator = AttendeeGenerator.builder().event("KubeCon Europe 2026").seed(42)
                .source(LlmRecordSource.factory(settings)).build();
        try (RecordSource source = generator.source()) {
            GenerationSummary summary = generator.writeTo(sink(bh), count);
            if (summary.count() != count || !summary.recordOrigins().isEmpty()) {
                throw new IllegalStateException("expected " + count + " records from the model, got " + summary);
            }
            return summary;
        }
    }

    @TearDown(Level.Iteration)
    public void stop() {
        double wall = (System.nanoTime() - started) / 1e9;
        double ideal = server.calls() * (double) LATENCY_SECONDS / LlmSettings.DEFAULT_CONCURRENCY;
        System.out.printf(Locale.ROOT, "%n%,d attendees: %d calls, %.1f s, ideal %.1f s (calls x %d s / %d), %+.1f%%%n",
                count, server.calls(), wall, ideal, LATENCY_SECONDS, LlmSettings.DEFAULT_CONCURRENCY, 100 * (wall / ideal - 1));
        server.close();
    }

    static AttendeeSink sink(Blackhole bh) {
        return new AttendeeSink() {
            @Override
            public void write(List<Attendee> batch) {
                bh.consume(batch);
            }

            @Override
            public void commit() {}

            @Override
            public void close() {}
        };
    }
}
