package dev.attendees.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.ProviderException;
import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.llm.testing.Fault;
import dev.attendees.llm.testing.FaultPlan;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that quotes the key back (in error bodies, in headers, in its replies, in JSON escapes):
 * the key, and every piece of eight characters of it, reaches no exception (causes included),
 * note, record, checkpoint or cached profile.
 */
class EchoedKeyTest {
    private static final String KEY = "sk-echo-SECRET-KEY-5e1f93c2d8a7b604";

    @TempDir
    Path dir;

    private static LlmSettings.Builder settings(FakeLlmServer server, LlmProvider provider) {
        return LlmSettings.builder().provider(provider).baseUrl(server.baseUrl(provider)).apiKey(KEY)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).concurrency(1).maxAttempts(2);
    }

    /** Fails when {@code text} holds the key or any run of eight of its characters. */
    static void assertNoKey(String what, String text) {
        for (int i = 0; i + 8 <= KEY.length(); i++) {
            assertThat(text).as("%s holds '%s' of the key", what, KEY.substring(i, i + 8)).doesNotContain(KEY.substring(i, i + 8));
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"BAD_REQUEST", "UNAUTHORIZED"})
    void a_refusal_that_quotes_the_key_should_fail_without_it(Fault fault) {
        for (LlmProvider provider : List.of(LlmProvider.OPENAI, LlmProvider.ANTHROPIC)) {
            try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).echoKey().faults(FaultPlan.always(fault)).start()) {
                AttendeeGenerator g = AttendeeGenerator.builder().seed(1)
                        .source(LlmRecordSource.factory(settings(server, provider).build())).build();

                ProviderException e = catchThrowableOfType(ProviderException.class, () -> g.generate(20));

                assertThat(e.retriable()).isFalse();
                assertThat(e.getMessage()).contains(fault == Fault.UNAUTHORIZED ? "rejected the API key" : "refused the request (HTTP 400)");
                assertNoKey(provider + " " + fault + " stack trace", stackTrace(e));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"RATE_LIMITED", "SERVER_ERROR", "UNAVAILABLE", "SLOW"})
    void transient_failures_and_replies_that_quote_the_key_should_leave_it_nowhere(Fault fault) throws Exception {
        Path checkpoint = dir.resolve(fault + ".llm-checkpoint");
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).echoKey().retryAfter(Duration.ofMillis(10))
                .slowDelay(Duration.ofSeconds(2)).faults(FaultPlan.sequence(fault, fault)).start()) {
            LlmSettings s = settings(server, LlmProvider.OPENAI).timeout(Duration.ofMillis(300)).build();
            AttendeeGenerator g = AttendeeGenerator.builder().seed(1)
                    .source(LlmRecordSource.builder().settings(s).checkpoint(checkpoint).factory()).build();
            List<Attendee> attendees;
            String notes;
            try (var source = g.source()) {
                attendees = source.generate(0, 40);
                notes = String.join("\n", source.report().notes());
            }

            assertThat(notes).as("the first batch failed twice and fell back").contains("offline engine filled 20 records");
            assertThat(attendees.get(20).jobTitle()).as("the model's echo, masked").endsWith(" ***");
            assertThat(attendees.get(21).jobTitle()).endsWith(" ***");
            assertNoKey("notes", notes);
            assertNoKey("records", attendees.toString());
            assertNoKey("checkpoint", Files.readString(checkpoint));
        }
    }

    @Test
    void a_designed_profile_that_quotes_the_key_should_be_cached_and_saved_without_it() throws Exception {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).echoKey().start();
                LlmProfileDesigner designer = LlmProfileDesigner.builder()
                        .settings(settings(server, LlmProvider.ANTHROPIC).build()).cacheDirectory(dir).build()) {
            EventProfile profile = designer.design("Rural Veterinary Expo 2027");

            assertThat(profile.displayName()).isEqualTo("Designed for Rural Veterinary Expo 2027 by *** and ***");
            assertNoKey("profile", EventProfiles.toJson(profile));
            try (Stream<Path> files = Files.list(dir)) {
                String cached = files.map(EchoedKeyTest::read).collect(Collectors.joining());
                assertThat(cached).contains("Designed for Rural Veterinary Expo 2027");
                assertNoKey("cache", cached);
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
