package dev.attendees.benchmarks;

import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.sql.SqliteAttendeeStore;
import dev.attendees.store.AttendeeFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

/**
 * The SQLite store's bulk operations on {@code count} attendees, generated as two runs of half as
 * many (no target in the issue; measured so that users know what to expect), each on a fresh copy
 * of one generated database:
 * <ul>
 *   <li>{@code regenerateMost}: {@code regenerate} of the technology industry (about 69% of them:
 *       same ids, new attendees, the normalized tables and full-text index kept in step);</li>
 *   <li>{@code deleteMost}: {@code delete} of the mid-market and enterprise companies (about 58%);</li>
 *   <li>{@code deleteFirstRun}: {@code deleteRun} of the first run (half of them, an id range);</li>
 *   <li>{@code deleteEveryone}: {@code delete} of everyone.</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx3g"})
public class SqlBulkBenchmark {

    /** A generated database made once, and a fresh copy of it, opened, per invocation. */
    @State(Scope.Benchmark)
    public static class Copy extends SqlStoreBenchmark.Folder {
        @Param({"100000"})
        public int count;

        Path template;
        SqliteAttendeeStore store;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            createFolder();
            template = dir.resolve("template.db");
            try (SqliteAttendeeStore s = SqliteAttendeeStore.open(template)) {
                s.generate(AttendeeGenerator.builder().seed(GenerationBenchmark.SEED).build(), count / 2);
                s.generate(AttendeeGenerator.builder().seed(GenerationBenchmark.SEED + 1).build(), count - count / 2);
            }
        }

        @Setup(Level.Invocation)
        public void freshCopy() throws IOException {
            Path db = freshDb("work.db");
            Files.copy(template, db, StandardCopyOption.REPLACE_EXISTING);
            store = SqliteAttendeeStore.open(db);
        }

        @TearDown(Level.Invocation)
        public void closeStore() {
            store.close();
        }
    }

    private static final AttendeeGenerator FRESH = AttendeeGenerator.builder().seed(7).build();

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long regenerateMost(Copy s) {
        return s.store.regenerate(AttendeeFilter.builder().industries(Industry.TECHNOLOGY).build(), FRESH);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long deleteMost(Copy s) {
        return s.store.delete(AttendeeFilter.builder().companySizes(CompanySize.MID_MARKET, CompanySize.ENTERPRISE).build());
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long deleteFirstRun(Copy s) {
        return s.store.deleteRun(s.store.runs().get(0).id());
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long deleteEveryone(Copy s) {
        return s.store.delete(AttendeeFilter.ALL);
    }
}
