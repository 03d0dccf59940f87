package dev.attendees.benchmarks;

import dev.attendees.AttendeeGenerator;
import dev.attendees.GenerationSummary;
import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.sql.SqliteAttendeeStore;
import dev.attendees.store.ImportOptions;
import dev.attendees.store.ImportResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The SQLite store (issue 4's targets):
 * <ul>
 *   <li>{@code generateInto}: 1,000,000 attendees generated straight into a new SQLite file, with
 *       the normalized tables, the full-text index and the indexes (target: under 10 s);</li>
 *   <li>{@code importCli} against {@code sqliteShellImport}: the same 1,000,000-row CSV imported by
 *       {@code ./attendees import} (JVM start, validation, normalized tables, indexes and full-text
 *       index included) and by the sqlite3 shell's {@code .import} into the bare {@code attendees}
 *       table, side by side (target: within 3x of the shell); {@code importInProcess} is the
 *       library call alone;</li>
 * </ul>
 * Queries are in {@link SqlQueryBenchmark}.
 * The shell comparison needs Debian's {@code sqlite3} on the PATH ({@code apt-get install
 * sqlite3}); without it {@code sqliteShellImport} fails with that message and the others run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx3g"})
public class SqlStoreBenchmark {

    /** A folder per trial, deleted afterwards. */
    public abstract static class Folder {
        Path dir;

        void createFolder() throws IOException {
            dir = Files.createTempDirectory("attendees-sql-bench-");
        }

        @TearDown(Level.Trial)
        public void deleteFolder() throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }

        Path freshDb(String name) throws IOException {
            Path db = dir.resolve(name);
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(dir.resolve(name + suffix));
            }
            return db;
        }
    }

    /** A generator and a folder for new databases. */
    @State(Scope.Benchmark)
    public static class Generate extends Folder {
        @Param({"1000000"})
        public int count;

        AttendeeGenerator generator;
        Path db;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            createFolder();
            generator = AttendeeGenerator.builder().seed(GenerationBenchmark.SEED).build();
        }

        @Setup(Level.Invocation)
        public void newDatabase() throws IOException {
            db = freshDb("generated.db");
        }
    }

    /** A CSV file of {@code rows} attendees, made once, and a folder for new databases. */
    @State(Scope.Benchmark)
    public static class Csv extends Folder {
        @Param({"1000000"})
        public int rows;

        Path csv;
        Path db;
        Path root;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            createFolder();
            root = BenchmarkReport.projectRoot();
            csv = dir.resolve("attendees.csv");
            try (AttendeeFileSink sink = AttendeeFormat.CSV.open(csv)) {
                AttendeeGenerator.builder().seed(GenerationBenchmark.SEED).build().writeTo(sink, rows);
            }
        }

        @Setup(Level.Invocation)
        public void newDatabase() throws IOException {
            db = freshDb("imported.db");
        }
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public GenerationSummary generateInto(Generate s) {
        try (SqliteAttendeeStore store = SqliteAttendeeStore.open(s.db)) {
            return store.generate(s.generator, s.count);
        }
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public ImportResult importInProcess(Csv s) {
        try (SqliteAttendeeStore store = SqliteAttendeeStore.open(s.db)) {
            return store.importFiles(List.of(s.csv), ImportOptions.DEFAULTS);
        }
    }

    /** {@code ./attendees import --db DB CSV} in a new JVM, as a user runs it. */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int importCli(Csv s) throws IOException, InterruptedException {
        return run(s.root, List.of("./attendees", "import", "-q", "--db", s.db.toString(), s.csv.toString()), null);
    }

    /** The sqlite3 shell's {@code .import} of the same CSV into the bare contract table. */
    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int sqliteShellImport(Csv s) throws IOException, InterruptedException {
        String script = """
                CREATE TABLE attendees (
                    id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL, company TEXT, event_name TEXT NOT NULL,
                    attendance_time TIMESTAMP, job_title TEXT, industry TEXT, company_size TEXT, product_interests TEXT,
                    booth_visited TEXT, image_path TEXT, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
                .mode csv
                .import --skip 1 '%s' attendees
                """.formatted(s.csv);
        try {
            return run(s.root, List.of("sqlite3", s.db.toString()), script);
        } catch (IOException e) {
            throw new IllegalStateException("sqlite3 shell not found (apt-get install sqlite3); the shell's .import"
                    + " was not measured", e);
        }
    }

    private static int run(Path root, List<String> command, String stdin) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
        return exit;
    }
}
