package dev.attendees.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.sql.SqliteAttendeeStore;
import dev.attendees.store.AttendeeQuery;
import dev.attendees.store.GenerationRun;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code attendees generate --db} and {@code attendees import}, through the CLI's own entry point. */
class StoreCommandsTest {
    @TempDir
    Path dir;

    private static GenerateCommandTest.Result run(String... args) {
        return GenerateCommandTest.run(args);
    }

    private static List<Attendee> stored(Path db) {
        try (SqliteAttendeeStore store = SqliteAttendeeStore.open(db)) {
            return store.find(AttendeeQuery.builder().limit(AttendeeQuery.MAX_LIMIT).build()).items();
        }
    }

    private static List<GenerationRun> runs(Path db) {
        try (SqliteAttendeeStore store = SqliteAttendeeStore.open(db)) {
            return store.runs();
        }
    }

    private Path csv(String name, List<Attendee> attendees) {
        Path path = dir.resolve(name);
        AttendeeFormat.CSV.write(path, attendees);
        return path;
    }

    // ---- generate --db ------------------------------------------------------------------------

    @Test
    void generate_should_write_straight_into_a_new_database() {
        Path db = dir.resolve("data/attendees.db");
        GenerateCommandTest.Result r = run("generate", "--count", "2500", "--seed", "42", "--db", db.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("Wrote 2,500 attendees to " + db + " in ");
        assertThat(stored(db)).isEqualTo(AttendeeGenerator.builder().seed(42).build().generate(2500));
        assertThat(runs(db)).singleElement().satisfies(run -> assertThat(run.seed()).isEqualTo(42L));
    }

    @Test
    void generate_into_a_database_holding_the_same_people_should_move_them_to_free_addresses_in_both_outputs() {
        Path db = dir.resolve("same.db");
        List<Attendee> people = AttendeeGenerator.builder().seed(5).build().generate(400);
        assertThat(run("import", "--db", db.toString(), csv("people.csv", people).toString()).exit()).isZero();
        Path out = dir.resolve("again.csv");
        GenerateCommandTest.Result r = run("generate", "--count", "400", "--seed", "5", "--db", db.toString(),
                "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("e-mail: 400 attendees got the next free address of their family (the database held theirs)");
        List<Attendee> all = stored(db);
        assertThat(all).hasSize(800);
        assertThat(all.stream().map(Attendee::email).distinct().count()).isEqualTo(800);
        assertThat(AttendeeFormat.readAll(out)).isEqualTo(all.subList(400, 800).stream().map(a -> a.withId(a.id() - 400)).toList());
        assertThat(runs(db).get(1).renamed()).isEqualTo(400);
    }

    @Test
    void import_should_rename_held_addresses_when_asked() {
        Path db = dir.resolve("rename.db");
        List<Attendee> people = AttendeeGenerator.builder().seed(6).build().generate(50);
        Path file = csv("people.csv", people);
        assertThat(run("import", "--db", db.toString(), file.toString()).exit()).isZero();
        GenerateCommandTest.Result r = run("import", "--db", db.toString(), "--on-duplicate", "rename", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("50 read, 0 skipped, 0 replaced, 50 renamed; ids 51..100");
        assertThat(stored(db).stream().map(Attendee::email).distinct().count()).isEqualTo(100);
    }

    @Test
    void generate_should_write_the_database_and_the_file_at_once() {
        Path db = dir.resolve("a.db");
        Path out = dir.resolve("a.ndjson");
        GenerateCommandTest.Result r = run("generate", "--count", "300", "--seed", "9", "--db", db.toString(),
                "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("Wrote 300 attendees to " + out + " and " + db);
        assertThat(stored(db)).isEqualTo(AttendeeFormat.readAll(out)).hasSize(300);
    }

    @Test
    void a_second_generate_should_number_on_after_the_first() {
        Path db = dir.resolve("a.db");
        assertThat(run("generate", "--count", "100", "--seed", "1", "--db", db.toString()).exit()).isZero();
        assertThat(run("generate", "--count", "50", "--seed", "2", "--db", db.toString()).exit()).isZero();
        assertThat(stored(db)).extracting(Attendee::id).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 150).boxed().toList());
        assertThat(runs(db)).extracting(GenerationRun::firstId, GenerationRun::lastId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 100L), org.assertj.core.groups.Tuple.tuple(101L, 150L));
    }

    @Test
    void a_database_that_cannot_be_opened_should_keep_the_file_from_being_written() throws IOException {
        Path notADb = dir.resolve("notes.txt");
        Files.writeString(notADb, "these are notes, not a database\n".repeat(100));
        Path out = dir.resolve("out.csv");
        GenerateCommandTest.Result r = run("generate", "--count", "10", "--db", notADb.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("attendees: --db: " + notADb + " is not a SQLite database" + System.lineSeparator());
        assertThat(out).doesNotExist();
    }

    @Test
    void the_same_file_for_out_and_db_should_exit_2_before_writing_anything() throws IOException {
        Path db = dir.resolve("same.db");
        GenerateCommandTest.Result r = run("generate", "--count", "10", "--db", db.toString(), "--out", db.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("attendees: --out " + db + " and --db " + db
                + " name the same file: give the file output and the database different names" + System.lineSeparator());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        // Another spelling of the same path, and a link to a database that exists.
        Path spelled = dir.resolve("sub/../same.db");
        assertThat(run("generate", "--count", "10", "--db", "jdbc:sqlite:" + db, "--out", spelled.toString()).exit())
                .isEqualTo(2);
        assertThat(run("generate", "--count", "10", "--seed", "1", "--db", db.toString()).exit()).isZero();
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), db);
        GenerateCommandTest.Result linked = run("generate", "--count", "10", "--seed", "2", "--db", db.toString(),
                "--out", link.toString());
        assertThat(linked.exit()).isEqualTo(2);
        assertThat(linked.err()).contains("name the same file");
        assertThat(stored(db)).hasSize(10);
    }

    @Test
    void a_database_path_that_cannot_be_a_database_should_say_so_naming_the_path() throws Exception {
        Path out = dir.resolve("out.csv");
        Path folder = Files.createDirectory(dir.resolve("folder.db"));
        GenerateCommandTest.Result r = run("generate", "--count", "10", "--db", folder.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("attendees: --db " + folder + " is a folder, not a database file" + System.lineSeparator());

        Path blocked = Files.writeString(dir.resolve("blocked"), "a file where a folder is needed");
        Path under = blocked.resolve("x.db");
        r = run("generate", "--count", "10", "--db", under.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("attendees: --db " + under + ": cannot create the database: a file is in the way of"
                + " the folder: " + blocked + System.lineSeparator());
        r = run("import", "--db", blocked.resolve("a/b.db").toString(), out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("attendees: --db " + blocked.resolve("a/b.db") + ": cannot create the database: ");

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling.db"), dir.resolve("nowhere/x.db"));
        r = run("generate", "--count", "10", "--db", dangling.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("attendees: --db " + dangling + " is a symbolic link to a file that does not exist"
                + System.lineSeparator());

        Path pipe = dir.resolve("pipe.db");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0);
        r = run("generate", "--count", "10", "--db", pipe.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("attendees: --db " + pipe + " is not a regular file (a pipe or a device),"
                + " not a database file" + System.lineSeparator());
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactlyInAnyOrder(folder, blocked, dangling, pipe);
        }
    }

    @Test
    void the_same_seed_again_should_exit_2_and_store_nobody_twice() {
        Path db = dir.resolve("a.db");
        assertThat(run("generate", "--count", "100", "--seed", "42", "--db", db.toString()).exit()).isZero();
        // Another count or event type: the same people all the same.
        for (List<String> other : List.of(List.of("--count", "50"), List.of("--count", "100", "--event-type", "security"))) {
            List<String> args = new ArrayList<>(List.of("generate", "--seed", "42", "--db", db.toString()));
            args.addAll(other);
            GenerateCommandTest.Result again = run(args.toArray(new String[0]));
            assertThat(again.exit()).isEqualTo(2);
            assertThat(again.err()).isEqualTo("attendees: --seed 42: " + db + " already holds the attendees of this seed"
                    + " (run 1, ids 1..100); the same people again would be stored twice: give another --seed"
                    + System.lineSeparator());
        }
        assertThat(run("generate", "--count", "50", "--seed", "43", "--db", db.toString()).exit()).isZero();
        assertThat(stored(db)).hasSize(150).extracting(Attendee::email).doesNotHaveDuplicates();
        assertThat(runs(db)).hasSize(2);
    }

    @Test
    void an_unreachable_postgresql_server_should_exit_1_without_showing_the_password() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path out = dir.resolve("out.csv");
        GenerateCommandTest.Result r = run("generate", "--count", "10", "--out", out.toString(),
                "--db", "postgresql://app:hunter2@127.0.0.1:" + port + "/events");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("cannot reach postgresql://app:***@127.0.0.1:" + port + "/events").doesNotContain("hunter2");
        assertThat(out).doesNotExist();
    }

    // ---- import ----------------------------------------------------------------------------------

    @Test
    void import_should_read_every_format_into_the_database_and_print_one_line() {
        AttendeeGenerator g = AttendeeGenerator.builder().seed(5).build();
        List<Attendee> all = g.generate(900);
        Path a = csv("a.csv", all.subList(0, 300));
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.ndjson");
        for (var target : List.of(b, c)) {
            AttendeeFormat.fromFileName(target.toString()).write(target, target == b ? all.subList(300, 600) : all.subList(600, 900));
        }
        Path db = dir.resolve("imported.db");
        GenerateCommandTest.Result r = run("import", "--db", db.toString(), a.toString(), b.toString(), c.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err().lines()).hasSize(1).first().asString()
                .startsWith("Imported 900 attendees into " + db + " in ")
                .endsWith("900 read, 0 skipped, 0 replaced; ids 1..900 (run 1)");
        assertThat(stored(db)).isEqualTo(all);
    }

    @ParameterizedTest
    @ValueSource(strings = {"first", "middle", "last", "second file"})
    void import_should_exit_2_naming_file_line_and_field_and_keep_nothing(String where) throws IOException {
        Path db = dir.resolve("a.db");
        assertThat(run("generate", "--count", "20", "--seed", "1", "--db", db.toString()).exit()).isZero();
        List<Attendee> rows = AttendeeGenerator.builder().seed(2).build().generate(200);
        Path first = csv("first.csv", rows.subList(0, 100));
        Path second = csv("second.csv", rows.subList(100, 200));
        Path bad = where.equals("second file") ? second : first;
        List<String> lines = new ArrayList<>(Files.readAllLines(bad));
        int line = switch (where) {
            case "first" -> 2;
            case "middle" -> 51;
            case "last" -> lines.size();
            default -> 30;
        };
        lines.set(line - 1, lines.get(line - 1).replaceFirst(",\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,", ",yesterday at noon,"));
        Files.write(bad, lines);
        GenerateCommandTest.Result r = run("import", "--db", db.toString(), first.toString(), second.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("attendees: " + bad + " line " + line
                + ", field attendance_time: 'yesterday at noon' is not a timestamp YYYY-MM-DD HH:MM:SS" + System.lineSeparator());
        assertThat(stored(db)).hasSize(20);
        assertThat(runs(db)).hasSize(1);
    }

    @Test
    void a_failed_import_into_a_new_file_should_leave_no_file() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "id,name,email,event_name\n1,Ann Lee,ann(at)acme.io,E\n");
        Path db = dir.resolve("new.db");
        GenerateCommandTest.Result r = run("import", "--db", db.toString(), bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("attendees: " + bad + " line 2, field email: not an e-mail address: 'ann(at)acme.io'"
                + System.lineSeparator());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(bad);
        }
    }

    @Test
    void import_should_fail_on_duplicates_by_default_and_follow_on_duplicate() {
        Path db = dir.resolve("a.db");
        assertThat(run("generate", "--count", "20", "--seed", "1", "--db", db.toString()).exit()).isZero();
        List<Attendee> again = AttendeeGenerator.builder().seed(1).build().generate(30);
        Path file = csv("again.csv", again);

        GenerateCommandTest.Result fail = run("import", "--db", db.toString(), file.toString());
        assertThat(fail.exit()).isEqualTo(2);
        assertThat(fail.err()).startsWith("attendees: " + file + " line 2, field email: '" + again.get(0).email()
                + "' is already in the store (id 1)");
        assertThat(stored(db)).hasSize(20);

        GenerateCommandTest.Result skip = run("import", "--db", db.toString(), "--on-duplicate", "skip", file.toString());
        assertThat(skip.exit()).as(skip.err()).isZero();
        assertThat(skip.err()).contains("30 read, 20 skipped, 0 replaced; ids 21..30");
        assertThat(stored(db)).hasSize(30);

        GenerateCommandTest.Result replace = run("import", "--db", db.toString(), "--on-duplicate", "REPLACE", file.toString());
        assertThat(replace.exit()).as(replace.err()).isZero();
        assertThat(replace.err()).startsWith("Imported 0 attendees").contains("30 read, 0 skipped, 30 replaced; no new ids");
        assertThat(stored(db)).isEqualTo(again);
    }

    @Test
    void import_should_refuse_bad_options_and_missing_files_with_exit_2() {
        Path db = dir.resolve("a.db");
        GenerateCommandTest.Result policy = run("import", "--db", db.toString(), "--on-duplicate", "merge", "x.csv");
        assertThat(policy.exit()).isEqualTo(2);
        assertThat(policy.err()).isEqualTo("attendees: --on-duplicate: unknown duplicate policy 'merge'; expected fail,"
                + " skip, replace or rename" + System.lineSeparator());
        Path missing = dir.resolve("missing.csv");
        GenerateCommandTest.Result file = run("import", "--db", db.toString(), missing.toString());
        assertThat(file.exit()).isEqualTo(2);
        assertThat(file.err()).isEqualTo("attendees: " + missing + ": file not found" + System.lineSeparator());
        GenerateCommandTest.Result none = run("import", "--db", db.toString());
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required parameter");
    }

    @Test
    void import_should_take_dash_once_only_as_standard_input() {
        Path db = dir.resolve("a.db");
        GenerateCommandTest.Result twice = run("import", "--db", db.toString(), "-", "-");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).isEqualTo("attendees: INPUT: - (standard input) can be given once, was given 2 times"
                + System.lineSeparator());
        assertThat(db).doesNotExist();
    }

    /** {@code -} reads the process's standard input: a real CLI process, fed through a pipe. */
    @Test
    void import_should_read_standard_input_for_dash() throws Exception {
        List<Attendee> attendees = AttendeeGenerator.builder().seed(17).build().generate(300);
        Path source = dir.resolve("piped.ndjson");
        AttendeeFormat.NDJSON.write(source, attendees);
        Path db = dir.resolve("piped.db");
        Process ok = CliProcess.of("import", "--db", db.toString(), "-").redirectErrorStream(true).start();
        try (var in = ok.getOutputStream()) {
            Files.copy(source, in);
        }
        assertThat(ok.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(ok.exitValue()).as(new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(stored(db)).isEqualTo(attendees);

        Path other = dir.resolve("bad.db");
        Process bad = CliProcess.of("import", "--db", other.toString(), "-").redirectErrorStream(true).start();
        try (var in = bad.getOutputStream()) {
            in.write((Files.readString(source).lines().limit(2).map(l -> l + "\n").reduce("", String::concat)
                    + "{\"name\":\"Ann\",\"email\":\"nobody\",\"event_name\":\"E\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(bad.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("attendees: /dev/stdin line 3, field email: not an e-mail address: 'nobody'" + System.lineSeparator());
        assertThat(other).as("nothing kept: the new database goes again").doesNotExist();
    }

    @Test
    void import_help_should_show_examples() {
        String usage = AttendeesCommand.commandLine().getSubcommands().get("import").getUsageMessage();
        assertThat(usage).contains("--on-duplicate", "attendees import --db attendees.db attendees.csv");
        try (Stream<String> lines = usage.lines()) {
            assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(100));
        }
    }
}
