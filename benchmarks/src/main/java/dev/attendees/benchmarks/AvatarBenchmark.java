package dev.attendees.benchmarks;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.images.AvatarImageProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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

/**
 * Local avatars for {@code count} attendees (an international crowd), the target being
 * 5,000 in under 10 s: drawn and encoded as PNG bytes on one thread; and written as files under
 * {@code images/} on one thread and on all cores ({@code imagesFor}, as the generator calls it).
 * The score is the time for all {@code count} avatars.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g", "-Djava.awt.headless=true"})
public class AvatarBenchmark {

    @Param({"5000"})
    public int count;

    @Param({"128", "256"})
    public int size;

    private List<Attendee> attendees;
    private AvatarImageProvider avatars;
    private Path dir;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        attendees = AttendeeGenerator.builder().seed(GenerationBenchmark.SEED).locale("international").build()
                .generate(count);
        avatars = AvatarImageProvider.builder().size(size).build();
        dir = Files.createTempDirectory("attendees-avatars-");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Draw and encode only, one thread: the PNG bytes of every avatar. */
    @Benchmark
    public long renderOneThread() {
        long bytes = 0;
        for (Attendee a : attendees) {
            bytes += avatars.render(a).length;
        }
        return bytes;
    }

    /** Draw, encode and write {@code images/<id>.png} atomically, one thread. */
    @Benchmark
    public long writeOneThread() {
        long n = 0;
        for (Attendee a : attendees) {
            n += avatars.imageFor(a, dir).length();
        }
        return n;
    }

    /** The same through {@code imagesFor}, which draws a batch on all cores. */
    @Benchmark
    public List<String> writeAllCores() {
        return avatars.imagesFor(attendees, dir);
    }
}
