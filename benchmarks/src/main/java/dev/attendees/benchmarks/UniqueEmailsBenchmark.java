package dev.attendees.benchmarks;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * Streams 10,000,000 attendees on all cores and collects their e-mail addresses in a concurrent
 * set: one shot, proving the addresses are unique at that size (the engine derives names from a
 * permutation, so there is no retry loop to degrade). Throws, failing the run, when any address
 * repeats.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx8g"})
public class UniqueEmailsBenchmark {

    @Param({"10000000"})
    public int count;

    private AttendeeGenerator generator;

    @Setup(Level.Trial)
    public void setUp() {
        generator = AttendeeGenerator.builder().seed(GenerationBenchmark.SEED).build();
    }

    @Benchmark
    public int distinctEmails() {
        Set<String> emails = ConcurrentHashMap.newKeySet(count);
        generator.stream(count).parallel().map(Attendee::email).forEach(emails::add);
        int distinct = emails.size();
        if (distinct != count) {
            throw new IllegalStateException("e-mail addresses are not unique: " + distinct + " distinct of "
                    + count + " attendees (" + (count - distinct) + " repeats)");
        }
        return distinct;
    }
}
