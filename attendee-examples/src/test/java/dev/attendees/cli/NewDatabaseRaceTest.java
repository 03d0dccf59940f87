package dev.attendees.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.sql.SqliteAttendeeStore;
import dev.attendees.store.AttendeeQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runs into the same new SQLite file at the same moment: the run that fails removes only its
 * own files, never the database the other committed or is writing. The runs are the CLI's own
 * entry point on threads of this JVM; named pipes decide the order (a run reading its input from a
 * pipe, or writing its file output into one, waits there until the test feeds or drains it), no
 * sleeps.
 */
class NewDatabaseRaceTest {
    @TempDir
    Path dir;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void namedPipes() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")) || Files.isExecutable(Path.of("/bin/mkfifo")),
                "needs mkfifo");
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private Path fifo(String name) throws Exception {
        Path path = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return path;
    }

    private Future<GenerateCommandTest.Result> start(String... args) {
        return threads.submit(() -> GenerateCommandTest.run(args));
    }

    /** Opens a named pipe for writing: returns once the run at its other end has opened it (it is past its start). */
    private OutputStream writer(Path pipe) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newOutputStream(pipe);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, threads).get(60, TimeUnit.SECONDS);
    }

    private Path csv(String name, List<Attendee> attendees) {
        Path path = dir.resolve(name);
        AttendeeFormat.CSV.write(path, attendees);
        return path;
    }

    private static List<Attendee> stored(Path db) {
        try (SqliteAttendeeStore store = SqliteAttendeeStore.open(db)) {
            return store.find(AttendeeQuery.builder().limit(AttendeeQuery.MAX_LIMIT).build()).items();
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void an_import_that_fails_after_another_committed_the_new_file_should_leave_that_file() throws Exception {
        Path db = dir.resolve("new.db");
        List<Attendee> people = AttendeeGenerator.builder().seed(1).build().generate(3);
        Path winner = csv("winner.csv", people);
        Path pipe = fifo("loser.csv");

        // The loser starts first, finds no database, and waits for its input.
        Future<GenerateCommandTest.Result> loser = start("import", "--db", db.toString(), pipe.toString());
        try (OutputStream input = writer(pipe)) {
            GenerateCommandTest.Result won = GenerateCommandTest.run("import", "--db", db.toString(), winner.toString());
            assertThat(won.exit()).as(won.err()).isZero();
            // The loser's input has one person twice: it fails on the duplicate e-mail, after the winner committed.
            List<String> lines = Files.readAllLines(winner);
            input.write((String.join("\n", lines) + "\n" + lines.get(1) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        GenerateCommandTest.Result lost = loser.get(60, TimeUnit.SECONDS);
        assertThat(lost.exit()).as(lost.err()).isEqualTo(2);
        assertThat(lost.err()).contains("line 5, field email", "is already in this import");
        assertThat(stored(db)).as("the winner's committed data").isEqualTo(people);
        assertThat(files()).as("nothing of the loser left").containsExactly(pipe, db, winner);
    }

    @Test
    void an_import_that_finds_its_name_taken_should_keep_its_data_and_say_where() throws Exception {
        Path db = dir.resolve("new.db");
        List<Attendee> first = AttendeeGenerator.builder().seed(1).build().generate(20);
        List<Attendee> second = AttendeeGenerator.builder().seed(2).build().generate(30);
        Path winner = csv("winner.csv", first);
        Path pipe = fifo("second.csv");
        byte[] secondCsv = Files.readAllBytes(csv("second-source.csv", second));

        Future<GenerateCommandTest.Result> later = start("import", "--db", db.toString(), pipe.toString());
        try (OutputStream input = writer(pipe)) {
            assertThat(GenerateCommandTest.run("import", "--db", db.toString(), winner.toString()).exit()).isZero();
            input.write(secondCsv);
        }
        GenerateCommandTest.Result r = later.get(60, TimeUnit.SECONDS);
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("attendees: --db " + db + " was created by another run meanwhile: it is left as it is,"
                + " and this run's data is kept in " + dir.resolve(".new.db.attendees-"));
        assertThat(stored(db)).isEqualTo(first);
        Path kept = Path.of(r.err().substring(r.err().indexOf(" kept in ") + 9).strip());
        assertThat(stored(kept)).hasSize(30).extracting(Attendee::email).containsExactlyElementsOf(
                second.stream().map(Attendee::email).toList());
        assertThat(files()).containsExactlyInAnyOrder(kept, db, winner, pipe, dir.resolve("second-source.csv"));
    }

    @Test
    void a_failing_import_should_not_remove_the_file_a_generate_is_writing() throws Exception {
        Path db = dir.resolve("new.db");
        Path input = fifo("bad.csv");
        Path output = fifo("copy.csv");

        // The import starts first and waits for its input, having found no database.
        Future<GenerateCommandTest.Result> failing = start("import", "--db", db.toString(), input.toString());
        OutputStream feed = writer(input);
        // The generate starts into the same new database; it waits for a reader of its file output.
        Future<GenerateCommandTest.Result> generate = start("generate", "--count", "5000", "--seed", "7",
                "--db", db.toString(), "--out", output.toString());
        InputStream drain = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newInputStream(output);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, threads).get(60, TimeUnit.SECONDS);
        // The generate is writing (its output is open): now the import fails.
        try (feed) {
            feed.write("id,name,email,event_name\n1,Ann Lee,ann(at)acme.io,E\n".getBytes(StandardCharsets.UTF_8));
        }
        GenerateCommandTest.Result failed = failing.get(60, TimeUnit.SECONDS);
        assertThat(failed.exit()).as(failed.err()).isEqualTo(2);
        Future<byte[]> copy = threads.submit(() -> {
            try (drain) {
                return drain.readAllBytes();
            }
        });
        GenerateCommandTest.Result generated = generate.get(120, TimeUnit.SECONDS);
        assertThat(generated.exit()).as(generated.err()).isZero();
        assertThat(copy.get(60, TimeUnit.SECONDS)).isNotEmpty();
        assertThat(stored(db)).isEqualTo(AttendeeGenerator.builder().seed(7).build().generate(5000));
        assertThat(files()).containsExactlyInAnyOrder(input, output, db);
    }

    @Test
    void a_new_database_should_appear_whole_under_its_name_with_nothing_beside_it() throws Exception {
        Path db = dir.resolve("fresh.db");
        GenerateCommandTest.Result r = GenerateCommandTest.run("generate", "--count", "1000", "--seed", "3",
                "--db", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(files()).containsExactly(db);
        // A file the store created: 16 KiB pages, and WAL mode once its first bulk write ended.
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                var s = c.createStatement()) {
            assertThat(s.executeQuery("PRAGMA page_size").getInt(1)).isEqualTo(16384);
            assertThat(s.executeQuery("PRAGMA journal_mode").getString(1)).isEqualTo("wal");
        }
        assertThat(stored(db)).hasSize(1000);
    }

    @Test
    void a_failed_import_should_remove_the_folders_it_created_and_only_those() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "id,name,email,event_name\n1,Ann Lee,ann(at)acme.io,E\n");
        Path existing = Files.createDirectory(dir.resolve("existing"));
        GenerateCommandTest.Result r = GenerateCommandTest.run("import", "--db",
                existing.resolve("a/b/new.db").toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(files()).containsExactly(bad, existing);
        try (Stream<Path> inside = Files.list(existing)) {
            assertThat(inside).isEmpty();
        }
    }
}
