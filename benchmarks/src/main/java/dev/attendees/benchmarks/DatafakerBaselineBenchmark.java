package dev.attendees.benchmarks;

import dev.attendees.Attendee;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The baseline: a plain, seeded Datafaker loop ({@link DatafakerAttendees}) filling the same
 * {@link Attendee} fields with independent random values, on one thread. Same counts and settings
 * as {@link GenerationBenchmark}, so the two sit side by side in one run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class DatafakerBaselineBenchmark {

    @Param({"1", "1000", "5000", "1000000"})
    public int count;

    private DatafakerAttendees loop;

    @Setup(Level.Trial)
    public void setUp() {
        loop = new DatafakerAttendees(42);
    }

    @Benchmark
    public void singleThread(Blackhole bh) {
        for (int i = 0; i < count; i++) {
            bh.consume(loop.next(i + 1));
        }
    }
}
