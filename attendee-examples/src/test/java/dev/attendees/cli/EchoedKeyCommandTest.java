package dev.attendees.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.images.testing.FakePhotoApi;
import dev.attendees.images.testing.PhotoProtocols;
import dev.attendees.llm.LlmProvider;
import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.llm.testing.Fault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/llm.md and docs/images.md promise that a key never appears, not even in debug logs. Here
 * every provider that takes a key or a password runs as a real CLI process, keys in its
 * environment and {@code -v} on, against local fakes that quote the key they receive back: in
 * error bodies (400, 401, 429, 500; in part as OpenAI does, and whole), in headers, and in the text
 * of good answers (records, designed profiles, photographers' names, photo ids). Nothing of any key
 * (no run of eight of its characters) may appear in standard output, standard error (the log
 * included) or any file the run leaves: the CSV, the checkpoint, saved and cached profiles,
 * {@code images/ATTRIBUTION.csv}.
 */
class EchoedKeyCommandTest {
    private static final String OPENAI_KEY = "sk-qa-SECRET-KEY-1234567890abcdef";
    private static final String ANTHROPIC_KEY = "sk-ant-api03-Q9x7LmZ2pT4vW8kR3nB6yH1cF5gJ0dSaE7uI2oP4qX9zV3bN8mK1";
    private static final String UNSPLASH_KEY = "Uq7Rw2Zt9Yx4Kp1Ls6Mn3Bv8Cf5Dg0Hj2Ak7Qe4Wi9";
    private static final String GENERATED_PHOTOS_KEY = "gp-Hx4Nc8Vb2Mz6Lq1Wk9Rt5Yd3";
    private static final String OLLAMA_PASSWORD = "ol-pw-Tz5Jk8Qm1Xr4Vn7";
    private static final List<String> SECRETS = List.of(OPENAI_KEY, ANTHROPIC_KEY, UNSPLASH_KEY, GENERATED_PHOTOS_KEY, OLLAMA_PASSWORD);

    /** The run's working folder: every file in it is searched. */
    @TempDir
    Path dir;

    /** Where the run's standard output and error go. */
    @TempDir
    Path logs;

    /** What a finished process left: exit status, its two streams, and every file under the test's folder. */
    private record Run(int exit, String stdout, String stderr, Map<Path, String> files) {
        String file(String name) {
            return files.entrySet().stream().filter(e -> e.getKey().endsWith(name)).map(Map.Entry::getValue).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " was not written; files: " + files.keySet()));
        }
    }

    @ParameterizedTest(name = "{0} record mode, {1}")
    @CsvSource({
        "OPENAI, BAD_REQUEST", "OPENAI, UNAUTHORIZED", "OPENAI, RATE_LIMITED", "OPENAI, SERVER_ERROR", "OPENAI, SLOW",
        "ANTHROPIC, BAD_REQUEST", "ANTHROPIC, UNAUTHORIZED", "ANTHROPIC, RATE_LIMITED", "ANTHROPIC, SERVER_ERROR"
    })
    void record_mode_should_show_no_key_a_failing_server_quotes(LlmProvider provider, Fault fault) {
        String key = provider == LlmProvider.OPENAI ? OPENAI_KEY : ANTHROPIC_KEY;
        // The first call answers well (quoting the key in two records), every later one fails. The
        // first answer comes from a cold process on a machine that may be busy: it gets 5 s, and a
        // slow answer takes three times that.
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(key).echoKey().retryAfter(Duration.ofMillis(50))
                .slowDelay(Duration.ofSeconds(15)).faults(call -> call == 0 ? Fault.NONE : fault).start()) {
            Run run = run(Map.of(), "generate", "--count", "40", "--llm", provider.id(), "--llm-base-url", server.baseUrl(provider),
                    "--llm-concurrency", "1", "--llm-max-attempts", "2", "--llm-timeout", "5", "--out", "x.csv");

            assertThat(server.log()).as("the key went to the server, which quoted it back")
                    .allSatisfy(c -> assertThat(c.headers().toString()).contains(key))
                    .anySatisfy(c -> assertThat(c.fault()).isEqualTo(fault));
            boolean fatal = fault == Fault.BAD_REQUEST || fault == Fault.UNAUTHORIZED;
            assertThat(run.exit()).as(run.stderr()).isEqualTo(fatal ? 1 : 0);
            assertThat(run.stderr()).contains("DEBUG").contains(switch (fault) {
                case BAD_REQUEST -> "refused the request (HTTP 400)";
                case UNAUTHORIZED -> "rejected the API key (HTTP 401)";
                case RATE_LIMITED -> "(HTTP 429)";
                case SERVER_ERROR -> "(HTTP 500)";
                default -> "(no answer within 5 s)";
            });
            assertThat(run.file(fatal ? "x.csv.llm-checkpoint" : "x.csv")).as("the model's quotes of the key, masked").contains(" ***");
            assertNoSecret(run);
        }
    }

    @ParameterizedTest(name = "ollama record mode, {0}")
    @EnumSource(value = Fault.class, names = {"SERVER_ERROR", "BAD_REQUEST"})
    void ollama_should_show_no_password_of_its_url(Fault fault) {
        try (FakeLlmServer server = FakeLlmServer.builder().faults(call -> call == 0 ? fault : Fault.NONE).start()) {
            String url = server.baseUrl(LlmProvider.OLLAMA).replace("://", "://ollama:" + OLLAMA_PASSWORD + "@");
            // The password comes in OLLAMA_BASE_URL once, and in --llm-base-url once.
            Run run = fault == Fault.SERVER_ERROR
                    ? run(Map.of("OLLAMA_BASE_URL", url), "generate", "--count", "40", "--llm", "ollama", "--llm-max-attempts", "2",
                            "--out", "x.csv")
                    : run(Map.of(), "generate", "--count", "40", "--llm", "ollama", "--llm-base-url", url, "--out", "x.csv");

            assertThat(server.log()).anySatisfy(c -> assertThat(c.fault()).isEqualTo(fault));
            assertThat(run.exit()).as(run.stderr()).isEqualTo(fault == Fault.SERVER_ERROR ? 0 : 1);
            assertThat(run.stderr()).contains("ollama llama3.1 at " + server.baseUrl(LlmProvider.OLLAMA).replace("://", "://ollama:***@"));
            assertNoSecret(run);
        }
    }

    @ParameterizedTest(name = "{0} profile mode, {1}")
    @CsvSource({"ANTHROPIC, NONE", "OPENAI, NONE", "OPENAI, UNAUTHORIZED", "ANTHROPIC, SERVER_ERROR"})
    void profile_mode_should_save_and_cache_no_key_and_show_none(LlmProvider provider, Fault fault) {
        String key = provider == LlmProvider.OPENAI ? OPENAI_KEY : ANTHROPIC_KEY;
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(key).echoKey().faults(call -> fault).start()) {
            Run run = run(Map.of(), "generate", "--count", "50", "--event", "Rural Veterinary Expo 2027", "--llm", provider.id(),
                    "--llm-mode", "profile", "--llm-base-url", server.baseUrl(provider), "--llm-max-attempts", "2",
                    "--llm-save-profile", "saved-profile.json", "--out", "vets.csv");

            assertThat(server.log()).isNotEmpty().allSatisfy(c -> assertThat(c.headers().toString()).contains(key));
            assertThat(run.exit()).as(run.stderr()).isEqualTo(fault == Fault.UNAUTHORIZED ? 1 : 0);
            if (fault == Fault.NONE) {
                assertThat(run.file("saved-profile.json")).contains("Designed for Rural Veterinary Expo 2027 by *** and ***");
                assertThat(run.files().keySet()).as("cached in ATTENDEES_CACHE_DIR")
                        .anySatisfy(p -> assertThat(p.toString()).contains("cache/profiles/rural-veterinary-expo-2027-"));
            } else {
                assertThat(run.stderr()).contains(fault == Fault.UNAUTHORIZED ? "rejected the API key (HTTP 401)" : "HTTP 500");
            }
            assertNoSecret(run);
        }
    }

    @ParameterizedTest(name = "unsplash answers {0}")
    @ValueSource(ints = {400, 401, 429, 500, 200})
    void unsplash_should_show_and_credit_no_key_it_quotes(int status) throws IOException {
        try (FakePhotoApi fake = new FakePhotoApi(PhotoProtocols.unsplash())) {
            quoteBack(fake, status);
            Run run = run(Map.of("UNSPLASH_API_URL", fake.api.url("/").toString()), "generate", "--count", "5",
                    "--images", "unsplash", "--image-pool", "3", "--out", "team.csv");

            assertThat(fake.apiRequests).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("Client-ID " + UNSPLASH_KEY));
            assertImagesRun(run, status, "unsplash");
        }
    }

    @ParameterizedTest(name = "generated.photos answers {0}")
    @ValueSource(ints = {400, 401, 429, 500, 200})
    void generated_photos_should_show_and_credit_no_key_it_quotes(int status) throws IOException {
        try (FakePhotoApi fake = new FakePhotoApi(PhotoProtocols.generatedPhotos())) {
            quoteBack(fake, status);
            Run run = run(Map.of("GENERATED_PHOTOS_API_URL", fake.api.url("/").toString()), "generate", "--count", "5",
                    "--images", "generated-photos", "--image-pool", "3", "--out", "team.csv");

            assertThat(fake.apiRequests).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getHeaders().get("Authorization")).isEqualTo("API-Key " + GENERATED_PHOTOS_KEY));
            assertImagesRun(run, status, "generated-photos");
        }
    }

    @Test
    void the_search_itself_should_find_a_quoted_piece_of_a_key() {
        Run leaky = new Run(0, "", "Incorrect API key provided: " + OPENAI_KEY.substring(0, 9) + "****cdef", Map.of());

        assertThatThrownBy(() -> assertNoSecret(leaky)).isInstanceOf(AssertionError.class).hasMessageContaining("'sk-qa-SE'");
    }

    /** Error answers of {@code status} on every API request, or (200) good answers that quote the key in their text. */
    private static void quoteBack(FakePhotoApi fake, int status) {
        if (status == 200) {
            fake.echoKey = true;
        } else {
            fake.apiFault = FakePhotoApi.echoingError(status);
        }
    }

    private static void assertImagesRun(Run run, int status, String service) {
        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("DEBUG");
        if (status == 200) {
            assertThat(run.stderr()).contains("  images: 5 from " + service);
            assertThat(run.file("ATTRIBUTION.csv")).as("the service's quotes of the key, masked").contains("***");
        } else {
            assertThat(run.stderr()).contains("5 attendees got avatars").contains(status == 429 ? "rate limit reached" : "HTTP " + status);
        }
        assertNoSecret(run);
    }

    /**
     * Runs {@code attendees ARGS... -v} in the test's folder, every key in its environment (and
     * nothing of the machine's own keys or endpoints), with {@code extra} variables.
     */
    private Run run(Map<String, String> extra, String... args) {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.add("-v");
        ProcessBuilder builder = CliProcess.of(argv).directory(dir.toFile())
                .redirectOutput(logs.resolve("stdout").toFile()).redirectError(logs.resolve("stderr").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.endsWith("_API_KEY") || name.endsWith("_API_URL") || name.endsWith("_ACCESS_KEY")
                || name.equals("OLLAMA_BASE_URL"));
        env.putAll(Map.of("OPENAI_API_KEY", OPENAI_KEY, "ANTHROPIC_API_KEY", ANTHROPIC_KEY, "UNSPLASH_ACCESS_KEY", UNSPLASH_KEY,
                "GENERATED_PHOTOS_API_KEY", GENERATED_PHOTOS_KEY, "ATTENDEES_CACHE_DIR", dir.resolve("cache").toString()));
        env.putAll(extra);
        try {
            Process process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the run finished").isTrue();
            Map<Path, String> files = new HashMap<>();
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    files.put(dir.relativize(f), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
            return new Run(process.exitValue(), Files.readString(logs.resolve("stdout")), Files.readString(logs.resolve("stderr")), files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** No secret, nor any eight consecutive characters of one, in the streams or any file. */
    private static void assertNoSecret(Run run) {
        Map<String, String> texts = new HashMap<>(Map.of("stdout", run.stdout(), "stderr", run.stderr()));
        run.files().forEach((path, text) -> texts.put(path.toString(), text));
        texts.forEach((where, text) -> {
            for (String secret : SECRETS) {
                for (int i = 0; i + 8 <= secret.length(); i++) {
                    String piece = secret.substring(i, i + 8);
                    assertThat(text).as("%s holds '%s'", where, piece).doesNotContain(piece);
                }
            }
        });
    }
}
