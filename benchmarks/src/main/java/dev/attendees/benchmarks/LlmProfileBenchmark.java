package dev.attendees.benchmarks;

import dev.attendees.AttendeeGenerator;
import dev.attendees.GenerationSummary;
import dev.attendees.llm.LlmProfileDesigner;
import dev.attendees.llm.LlmProvider;
import dev.attendees.llm.LlmSettings;
import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.profile.EventProfile;
import java.time.Duration;
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
 * LLM profile mode against the fake server at {@value LlmRecordBenchmark#LATENCY_SECONDS} s a call,
 * with no cache: one call designs the profile, then the offline engine makes {@code count}
 * attendees from it on all cores. One shot per count; the target is 5,000 in under 20 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class LlmProfileBenchmark {

    @Param({"5000", "1000000"})
    public int count;

    private FakeLlmServer server;
    private long started;

    @Setup(Level.Iteration)
    public void start() {
        server = FakeLlmServer.builder().latency(Duration.ofSeconds(LlmRecordBenchmark.LATENCY_SECONDS)).start();
        started = System.nanoTime();
    }

    @Benchmark
    public GenerationSummary profileMode(Blackhole bh) {
        LlmSettings settings = LlmSettings.builder().provider(LlmProvider.ANTHROPIC).apiKey("sk-benchmark")
                .baseUrl(server.baseUrl(LlmProvider.ANTHROPIC)).build();
        LlmProfileDesigner designer = LlmProfileDesigner.builder().settings(settings).cacheDirectory(null).build();
        EventProfile profile = designer.design("DevSecOps Days Helsinki 2027");
        AttendeeGenerator generator = AttendeeGenerator.builder().event("DevSecOps Days Helsinki 2027").profile(profile)
                .source(designer.source()).seed(42).build();
        return generator.writeTo(LlmRecordBenchmark.sink(bh), count);
    }

    @TearDown(Level.Iteration)
    public void stop() {
        System.out.printf(Locale.ROOT, "%n%,d attendees from a designed profile: %d call, %.1f s%n", count, server.calls(),
                (System.nanoTime() - started) / 1e9);
        server.close();
    }
}
