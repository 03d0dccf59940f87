package dev.attendees.benchmarks;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import java.util.List;
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
 * Generation of {@code count} correlated attendees with the offline engine, on one thread and on
 * all cores. The score is the time to make all {@code count} attendees; {@link BenchmarkReport}
 * turns it into attendees per second.
 *
 * <p>Iterations are time-based, so for 1,000,000 (about a second per operation) each iteration
 * holds only a few operations and the benchmark stays short.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
public class GenerationBenchmark {

    /** The seed of every run, so all runs make the same attendees. */
    public static final long SEED = 42;

    @Param({"1", "1000", "5000", "1000000"})
    public int count;

    private AttendeeGenerator oneThread;
    private AttendeeGenerator allCores;

    @Setup(Level.Trial)
    public void setUp() {
        oneThread = AttendeeGenerator.builder().seed(SEED).threads(1).build();
        allCores = AttendeeGenerator.builder().seed(SEED).build();
    }

    /** One thread: the sequential stream, each attendee consumed as it is made. */
    @Benchmark
    public void singleThread(Blackhole bh) {
        oneThread.stream(count).forEach(bh::consume);
    }

    /**
     * All cores through the list API: {@code generate(count)}, which goes parallel above
     * {@link AttendeeGenerator#PARALLEL_THRESHOLD} (so 1, 1,000 and 5,000 run on the caller).
     */
    @Benchmark
    public List<Attendee> allCores() {
        return allCores.generate(count);
    }

    /** All cores through a parallel stream, each attendee consumed as it is made (no list). */
    @Benchmark
    public void allCoresStream(Blackhole bh) {
        allCores.stream(count).parallel().forEach(bh::consume);
    }
}
