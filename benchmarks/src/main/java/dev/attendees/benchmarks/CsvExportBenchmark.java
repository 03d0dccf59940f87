package dev.attendees.benchmarks;

import dev.attendees.AttendeeGenerator;
import dev.attendees.GenerationSummary;
import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.export.AttendeeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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
 * Writing attendees to a file through the atomic file sink, on all cores: 1,000,000 to CSV and
 * 100,000 to NDJSON. Each operation writes (and fsyncs and renames) the whole file in a temporary
 * folder on the default temp file system. And reading: 1,000,000 CSV rows back into attendees,
 * every row checked against the contract, on one thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class CsvExportBenchmark {

    /** Shared set-up: a generator on all cores and a temporary folder. */
    public abstract static class OutputFolder {
        AttendeeGenerator generator;
        Path dir;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            generator = AttendeeGenerator.builder().seed(GenerationBenchmark.SEED).build();
            dir = Files.createTempDirectory("attendees-bench-");
            prepare();
        }

        /** What a state puts in the folder before the trial (a {@code @Setup} of its own might run before this class's). */
        void prepare() {}

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @State(Scope.Benchmark)
    public static class Csv extends OutputFolder {
        @Param({"1000000"})
        public int count;
    }

    @State(Scope.Benchmark)
    public static class Ndjson extends OutputFolder {
        @Param({"100000"})
        public int count;
    }

    /** A CSV file of {@code count} attendees, written once for the trial. */
    @State(Scope.Benchmark)
    public static class CsvFile extends OutputFolder {
        @Param({"1000000"})
        public int count;
        Path file;

        @Override
        void prepare() {
            file = dir.resolve("attendees.csv");
            try (AttendeeFileSink sink = AttendeeFormat.CSV.open(file)) {
                generator.writeTo(sink, count);
            }
        }
    }

    @Benchmark
    public GenerationSummary csv(Csv s) {
        try (AttendeeFileSink sink = AttendeeFormat.CSV.open(s.dir.resolve("attendees.csv"))) {
            return s.generator.writeTo(sink, s.count);
        }
    }

    /** Reads the file back: parsing, the contract's checks and the attendees, on the calling thread. */
    @Benchmark
    public long readCsv(CsvFile s) {
        long n = 0;
        try (AttendeeReader reader = AttendeeFormat.read(s.file)) {
            while (reader.hasNext()) {
                n += reader.next().id();
            }
        }
        return n;
    }

    @Benchmark
    public GenerationSummary ndjson(Ndjson s) {
        try (AttendeeFileSink sink = AttendeeFormat.NDJSON.open(s.dir.resolve("attendees.ndjson"))) {
            return s.generator.writeTo(sink, s.count);
        }
    }
}
