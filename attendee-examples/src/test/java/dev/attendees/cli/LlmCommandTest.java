package dev.attendees.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.llm.LlmProvider;
import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.llm.testing.Fault;
import dev.attendees.llm.testing.FaultPlan;
import dev.attendees.profile.EventProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attendees generate --llm ...} in process, against the fake server. */
class LlmCommandTest {
    private static final String KEY = "sk-cli-test-key-4f9a2b7c";

    @TempDir
    Path dir;

    @AfterEach
    void restoreEnvironment() {
        LlmOptions.environment = System::getenv;
    }

    @Test
    void record_mode_should_write_every_record_and_print_calls_tokens_and_cost() {
        LlmOptions.environment = Map.of("OPENAI_API_KEY", KEY)::get;
        Path out = dir.resolve("kubecon.csv");
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.sequence(Fault.NONE, Fault.WRONG_ENUMS)).start()) {
            GenerateCommandTest.Result r = GenerateCommandTest.run("generate", "--count", "100", "--event", "KubeCon Europe 2026",
                    "--llm", "openai", "--llm-base-url", server.baseUrl(LlmProvider.OPENAI), "--llm-price", "0.15,0.60",
                    "--out", out.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            List<Attendee> attendees = AttendeeFormat.readAll(out);
            assertThat(attendees).hasSize(100).extracting(Attendee::id).doesNotHaveDuplicates();
            assertThat(attendees.stream().map(Attendee::email).distinct()).hasSize(100);
            assertThat(r.err().lines()).element(0).asString().startsWith("Wrote 100 attendees to " + out);
            assertThat(r.err()).contains("  llm: openai gpt-4o-mini at " + server.baseUrl(LlmProvider.OPENAI) + ", 5 calls for 5 batches",
                    "  tokens: ", "; estimated cost $");
            assertThat(r.err()).doesNotContain("records:").doesNotContain(KEY);
            assertThat(dir.resolve("kubecon.csv.llm-checkpoint")).as("removed after a successful run").doesNotExist();
        }
    }

    @Test
    void record_mode_should_say_how_many_records_came_from_where_when_the_server_fails() {
        LlmOptions.environment = Map.of("OPENAI_API_KEY", KEY)::get;
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.sequence(Fault.GARBAGE, Fault.GARBAGE, Fault.GARBAGE)).start()) {
            Path out = dir.resolve("a.json");
            GenerateCommandTest.Result r = GenerateCommandTest.run("generate", "--count", "40", "--llm", "openai",
                    "--llm-base-url", server.baseUrl(LlmProvider.OPENAI), "--llm-concurrency", "1", "--out", out.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(AttendeeFormat.readAll(out)).hasSize(40);
            assertThat(r.err()).contains("  records: 20 from openai, 20 from offline").contains("offline engine filled 20 records");
        }
    }

    @Test
    void profile_mode_should_design_once_and_make_the_attendees_offline() {
        LlmOptions.environment = Map.of("ANTHROPIC_API_KEY", KEY)::get;
        Path out = dir.resolve("vet.csv");
        Path saved = dir.resolve("vet-profile.json");
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).start()) {
            String[] args = {"generate", "--count", "5000", "--event", "HIMSS Rural Health Expo 2027", "--llm", "anthropic",
                "--llm-mode", "profile", "--llm-base-url", server.baseUrl(LlmProvider.ANTHROPIC), "--llm-cache",
                dir.resolve("cache").toString(), "--llm-save-profile", saved.toString(), "--out", out.toString()};
            GenerateCommandTest.Result r = GenerateCommandTest.run(args);
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(AttendeeFormat.readAll(out)).hasSize(5000);
            assertThat(r.err()).contains("(himss-rural-health-expo-2027)", "  profile 'himss-rural-health-expo-2027' designed by anthropic");
            assertThat(EventProfiles.load(saved).id()).isEqualTo("himss-rural-health-expo-2027");
            GenerateCommandTest.Result again = GenerateCommandTest.run(args);
            assertThat(again.exit()).isZero();
            assertThat(again.err()).contains("from the cache");
            assertThat(server.calls()).isEqualTo(1);
        }
    }

    @Test
    void profile_mode_should_save_no_profile_and_say_why_when_the_built_in_one_stands_in() throws Exception {
        LlmOptions.environment = Map.of("OPENAI_API_KEY", KEY)::get;
        Path out = dir.resolve("rsa.csv");
        Path saved = Files.writeString(dir.resolve("rsa-profile.json"), "an earlier file");
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.always(Fault.GARBAGE)).start()) {
            GenerateCommandTest.Result r = GenerateCommandTest.run("generate", "--count", "100", "--event", "RSA Conference 2027",
                    "--llm", "openai", "--llm-mode", "profile", "--llm-base-url", server.baseUrl(LlmProvider.OPENAI),
                    "--llm-cache", dir.resolve("cache").toString(), "--llm-save-profile", saved.toString(), "--out", out.toString());

            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(server.calls()).as("every try of the design failed").isEqualTo(3);
            assertThat(Files.readString(saved)).as("left as it was").isEqualTo("an earlier file");
            assertThat(AttendeeFormat.readAll(out)).hasSize(100);
            List<String> lines = r.err().lines().toList();
            assertThat(lines.get(0)).startsWith("attendees: --llm-save-profile: nothing was written to " + saved
                    + ": no usable profile from openai gpt-4o-mini at " + server.baseUrl(LlmProvider.OPENAI) + " (")
                    .endsWith("); this run uses the built-in 'security' profile");
            assertThat(lines.get(1)).startsWith("Wrote 100 attendees to " + out).contains("(security)");
            assertThat(lines).filteredOn(line -> line.contains("--llm-save-profile")).hasSize(1);
        }
    }

    @Test
    void profile_mode_should_not_call_the_model_when_another_option_is_wrong() throws Exception {
        Path notADatabase = Files.writeString(dir.resolve("notes.db"), "name,email\n");
        LlmOptions.environment = Map.of("OPENAI_API_KEY", KEY)::get;
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).start()) {
            List<String> profileMode = List.of("generate", "--count", "10", "--event", "Vet Summit", "--llm", "openai",
                    "--llm-mode", "profile", "--llm-base-url", server.baseUrl(LlmProvider.OPENAI),
                    "--llm-cache", dir.resolve("cache").toString(), "--out", dir.resolve("v.csv").toString());
            for (List<String> wrong : List.of(List.of("--images", "polaroid"), List.of("--db", "postgresql://"),
                    List.of("--db", notADatabase.toString()))) {
                List<String> argv = new java.util.ArrayList<>(profileMode);
                argv.addAll(wrong);
                GenerateCommandTest.Result r = GenerateCommandTest.run(argv.toArray(new String[0]));
                assertThat(r.exit()).as(String.join(" ", wrong)).isEqualTo(2);
                assertThat(r.err()).as(String.join(" ", wrong)).startsWith("attendees: " + wrong.get(0));
            }
            assertThat(server.calls()).isZero();
            assertThat(dir.resolve("v.csv")).doesNotExist();
        }
    }

    @Test
    void a_missing_key_should_exit_2_naming_the_variable() {
        LlmOptions.environment = Map.<String, String>of()::get;
        GenerateCommandTest.Result r = GenerateCommandTest.run("generate", "--count", "10", "--llm", "anthropic");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("attendees: ANTHROPIC_API_KEY is not set: export your Anthropic API key in it to use --llm anthropic"
                + System.lineSeparator());
    }

    @Test
    void bad_llm_options_should_exit_2_naming_the_option() {
        LlmOptions.environment = Map.of("OPENAI_API_KEY", KEY)::get;
        Set<String> errors = new HashSet<>();
        for (String[] args : List.of(
                new String[] {"--llm-model", "x"},
                new String[] {"--llm", "openai", "--llm-mode", "poem"},
                new String[] {"--llm", "openai", "--llm-mode", "profile"},
                new String[] {"--llm", "openai", "--llm-mode", "profile", "--event", "X", "--event-type", "fintech"},
                new String[] {"--llm", "openai", "--llm-concurrency", "0"},
                new String[] {"--llm", "openai", "--llm-price", "1"},
                new String[] {"--llm", "openai", "--llm-price", "1,,2"},
                new String[] {"--llm", "openai", "--llm-price", "0.1,x"},
                new String[] {"--llm", "openai", "--llm-base-url", "localhost:8000"},
                new String[] {"--llm-timeout", "30"},
                new String[] {"--llm-no-fallback"},
                new String[] {"--llm", "openai", "--llm-cache", "profiles"},
                new String[] {"--llm", "openai", "--llm-mode", "profile", "--event", "X", "--llm-checkpoint", "c"})) {
            List<String> argv = new java.util.ArrayList<>(List.of("generate", "--count", "10"));
            argv.addAll(List.of(args));
            GenerateCommandTest.Result r = GenerateCommandTest.run(argv.toArray(new String[0]));
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines()).hasSize(1);
            errors.add(r.err().strip());
        }
        assertThat(errors).containsExactlyInAnyOrder(
                "attendees: --llm-model needs --llm openai, anthropic or ollama",
                "attendees: --llm-mode must be record or profile, was 'poem'",
                "attendees: --llm-mode profile needs --event with the event's name or a description",
                "attendees: --llm-mode profile designs the event's profile itself; leave out --event-type",
                "attendees: --llm-concurrency: LLM concurrency must be between 1 and 256, was 0",
                "attendees: --llm-price needs two numbers IN,OUT (dollars per million tokens), was '1'",
                "attendees: --llm-price needs two numbers IN,OUT (dollars per million tokens), was '1,,2'",
                "attendees: --llm-price needs two numbers IN,OUT (dollars per million tokens), was '0.1,x'",
                "attendees: --llm-base-url: LLM base URL must be an http(s) URL such as http://localhost:8000/v1, was 'localhost:8000'",
                "attendees: --llm-timeout needs --llm openai, anthropic or ollama",
                "attendees: --llm-no-fallback needs --llm openai, anthropic or ollama",
                "attendees: --llm-cache is for --llm-mode profile",
                "attendees: --llm-checkpoint is for --llm-mode record");
    }

    @Test
    void a_rejected_key_should_exit_1_with_one_line_and_no_file() {
        LlmOptions.environment = Map.of("OPENAI_API_KEY", KEY)::get;
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey("sk-another-key").start()) {
            Path out = dir.resolve("x.csv");
            GenerateCommandTest.Result r = GenerateCommandTest.run("generate", "--count", "40", "--llm", "openai",
                    "--llm-base-url", server.baseUrl(LlmProvider.OPENAI), "--out", out.toString());
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().lines()).singleElement().asString().contains("rejected the API key (HTTP 401): check OPENAI_API_KEY")
                    .doesNotContain(KEY);
            assertThat(out).doesNotExist();
            assertThat(Files.exists(dir.resolve("x.csv.llm-checkpoint"))).as("kept for a resume").isTrue();
        }
    }
}
