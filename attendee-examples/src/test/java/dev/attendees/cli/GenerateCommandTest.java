package dev.attendees.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.export.AttendeeFormat;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class GenerateCommandTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine cl = AttendeesCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        GenerateCommand.stdout = () -> data;
        int exit = cl.execute(args);
        return new Result(exit, out + data.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void should_write_the_requested_file_and_a_one_line_summary() {
        Path file = dir.resolve("attendees.csv");
        Result r = run("generate", "--count", "1000", "--out", file.toString(), "--seed", "42");
        assertThat(r.exit()).isZero();
        assertThat(AttendeeFormat.readAll(file)).hasSize(1000);
        assertThat(r.err().lines()).hasSize(1).first().asString()
                .startsWith("Wrote 1,000 attendees to " + file).contains("seed 42", "cloud-native", "data v" + dev.attendees.AttendeeGenerator.DATA_VERSION);
    }

    @Test
    void the_event_year_and_the_dates_should_agree() {
        Path himss = dir.resolve("himss.csv");
        assertThat(run("generate", "--count", "200", "--event", "HIMSS 2027", "--out", himss.toString()).exit()).isZero();
        assertThat(AttendeeFormat.readAll(himss)).allSatisfy(a -> assertThat(a.attendanceTime().getYear()).isEqualTo(2027));
        Path dated = dir.resolve("dated.csv");
        assertThat(run("generate", "--count", "20", "--from", "2027-03-01", "--to", "2027-03-03", "--out", dated.toString())
                .exit()).isZero();
        assertThat(AttendeeFormat.readAll(dated)).allSatisfy(a -> assertThat(a.eventName()).isEqualTo("CloudNativeCon 2027"));
        Result clash = run("generate", "--count", "20", "--event", "HIMSS 2027", "--from", "2026-03-01", "--to", "2026-03-03");
        assertThat(clash.exit()).isEqualTo(2);
        assertThat(clash.err()).isEqualTo("attendees: the event name 'HIMSS 2027' says 2027 but its dates, 2026-03-01 to 2026-03-03,"
                + " are in 2026; give dates in 2027 or a name without a year" + System.lineSeparator());
    }

    @Test
    void the_same_seed_should_give_the_same_bytes() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        run("generate", "--count", "300", "--seed", "5", "--event", "RSA Conference", "--out", a.toString());
        run("generate", "--count", "300", "--seed", "5", "--event", "RSA Conference", "--out", b.toString());
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        assertThat(AttendeeFormat.readAll(a)).allSatisfy(x -> assertThat(x.eventName()).isEqualTo("RSA Conference"));
    }

    @Test
    void should_honour_every_contract_option() {
        Path file = dir.resolve("out.data");
        Result r = run("generate", "--count", "500", "--event", "Acme Summit", "--event-type", "fintech", "--seed", "3",
                "--corporate-ratio", "1", "--interests", "Payments,Open Banking", "--booths", "Booth One,Booth Two",
                "--from", "2026-02-02", "--to", "2026-02-03", "--hours", "09:00-12:00", "--locale", "de-DE",
                "--format", "ndjson", "--out", file.toString(), "--images", "none", "--llm", "none");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(AttendeeFormat.readAll(file)).hasSize(500).allSatisfy(a -> {
            assertThat(a.eventName()).isEqualTo("Acme Summit");
            assertThat(a.email()).doesNotEndWith("@gmail.com").doesNotEndWith("@gmx.de");
            assertThat(a.productInterests()).isSubsetOf("Payments", "Open Banking");
            assertThat(a.boothVisited()).isSubsetOf("Booth One", "Booth Two");
            assertThat(a.attendanceTime().toLocalDate().toString()).isBetween("2026-02-02", "2026-02-03");
            assertThat(a.attendanceTime().getHour()).isBetween(9, 11);
        });
    }

    @Test
    void should_write_to_standard_output_without_out() {
        Result r = run("generate", "--count", "3", "--seed", "1", "--format", "ndjson", "--quiet");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{\"id\":"));
        assertThat(r.err()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--count 0|--count must be at least 1, was 0",
        "--count 10 --corporate-ratio 1.5|--corporate-ratio must be between 0 and 1, was 1.5",
        "--count 10 --from 2026-05-03 --to 2026-05-01|--from (2026-05-03) is after --to (2026-05-01)",
        "--count 10 --from 2026-13-01|--from must be a date YYYY-MM-DD, was '2026-13-01'",
        "--count 10 --event-type gardening|unknown event type 'gardening'",
        "--count 10 --interests Gardening|--interests: unknown interest 'Gardening'",
        "--count 10 --locale xx-YY|--locale: unknown locale 'xx-YY'",
        "--count 10 --locale ,|--locale: locale list ',' has an empty item",
        "--count 10 --locale en-US:3,,de-DE|--locale: locale list 'en-US:3,,de-DE' has an empty item",
        "--count 10 --locale en-US,de-DE,en-us|--locale: locale en-US is listed twice in 'en-US,de-DE,en-us'",
        "--count 10 --threads 0|--threads: threads must be at least 1, was 0",
        "--count 10 --interests Kubernetes,,Docker|--interests: interest list 'Kubernetes,,Docker' has an empty item",
        "--count 10 --interests Docker,docker|--interests: interest 'docker' is listed twice",
        "--count 10 --booths Acme,Acme|--booths: booth 'Acme' is listed twice",
        "--count 10 --booths Acme,|--booths: booth list 'Acme,' has an empty item",
        "--count 10 --event-type gardening --event x|--event-type: unknown event type 'gardening'",
        "--count 2000000000000|--count must be at most 1000000000000",
        "--count 10 --format xml|unknown format 'xml'",
        "--count 10 --hours 18:00-08:00|open (18:00) must be before close (08:00)",
        "--count 10 --images gravatar|--images must be one of none, avatar, unsplash, generated-photos, randomuser, was 'gravatar'",
        "--count 10 --llm gemini|--llm must be one of none, openai, anthropic, ollama, was 'gemini'",
        "--count 10 --db mysql://localhost/events|--db: unsupported database mysql://localhost/events",
        "--count ten|Invalid value for option '--count'",
        "--count 10 --bogus|Unknown option: '--bogus'",
        "|Missing required option: '--count=N'"
    })
    void bad_input_should_exit_2_with_one_line_naming_the_option(String args, String message) {
        List<String> argv = new java.util.ArrayList<>(List.of("generate"));
        if (args != null) {
            argv.addAll(List.of(args.split(" ")));
        }
        argv.addAll(List.of("--out", dir.resolve("x.csv").toString()));
        Result r = run(argv.toArray(new String[0]));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("attendees: ").contains(message);
        assertThat(dir.resolve("x.csv")).doesNotExist();
    }

    @Test
    void an_output_that_is_not_a_file_should_exit_2() {
        Result root = run("generate", "--count", "10", "--out", "/");
        assertThat(root.exit()).isEqualTo(2);
        assertThat(root.err()).isEqualTo("attendees: --out must name a file, was '/'" + System.lineSeparator());
        Result folder = run("generate", "--count", "10", "--out", dir.toString());
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains("is a folder, not a file");
    }

    @Test
    void a_failed_run_should_leave_no_file(@TempDir Path other) throws Exception {
        Path blocked = other.resolve("blocked");
        Files.writeString(blocked, "a file where a folder is needed");
        Result r = run("generate", "--count", "10", "--out", blocked.resolve("out.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1);
        try (Stream<Path> files = Files.list(other)) {
            assertThat(files).containsExactly(blocked);
        }
    }

    @Test
    void later_commands_should_answer_not_available_yet() {
        Result r = run("search", "--db", "x.db", "SREs who care about observability");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not available yet");
    }

    @Test
    void help_should_show_examples() {
        String usage = AttendeesCommand.commandLine().getSubcommands().get("generate").getUsageMessage();
        assertThat(usage).contains("Examples:", "--corporate-ratio", "attendees generate --count 1000 --out attendees.csv");
    }
}
