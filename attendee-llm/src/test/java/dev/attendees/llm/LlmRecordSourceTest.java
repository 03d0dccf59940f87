package dev.attendees.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.ProviderException;
import dev.attendees.Industry;
import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.llm.testing.Fault;
import dev.attendees.llm.testing.FaultPlan;
import dev.attendees.spi.ProviderReport;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmRecordSourceTest {
    private static final String KEY = "sk-test-0123456789abcdefSECRET";

    private static LlmSettings.Builder settings(FakeLlmServer server) {
        return LlmSettings.builder().baseUrl(server.baseUrl(LlmProvider.OPENAI)).apiKey(KEY)
                .backoff(Duration.ofMillis(20), Duration.ofSeconds(2)).concurrency(4);
    }

    record Run(List<Attendee> attendees, ProviderReport report, AttendeeGenerator generator) {}

    private static Run run(LlmSettings settings, int count) {
        AttendeeGenerator g = AttendeeGenerator.builder().event("KubeCon Europe 2026").seed(3)
                .source(LlmRecordSource.factory(settings)).build();
        try (var source = g.source()) {
            List<Attendee> out = g.generate(count);
            return new Run(out, source.report(), g);
        }
    }

    @Test
    void should_give_exactly_the_count_of_valid_unique_attendees_in_id_order() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).start()) {
            Run r = run(settings(server).build(), 250);
            Checks.assertValidRun(r.attendees(), 250, r.generator().options());
            assertThat(server.calls()).isEqualTo(13);
            assertThat(r.report().origins()).isEmpty();
            assertThat(r.report().notes()).anySatisfy(n -> assertThat(n).contains("13 calls for 13 batches"));
        }
    }

    @Test
    void should_keep_as_many_calls_in_flight_as_configured_and_no_more() {
        // The fake holds calls until four are in flight together, then answers them: a client that
        // kept fewer in flight would wait the fake's 30 s out, one that kept more shows it in maxInFlight.
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).gather(4).start()) {
            long started = System.nanoTime();
            Run r = run(settings(server).concurrency(4).build(), 160);
            Checks.assertValidRun(r.attendees(), 160, r.generator().options());
            assertThat(server.calls()).isEqualTo(8);
            assertThat(server.maxInFlight()).as("calls in flight at once").isEqualTo(4);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two full waves, no call waited alone")
                    .isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void should_wait_as_long_as_retry_after_says_on_a_429() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).retryAfter(Duration.ofMillis(1200))
                .faults(FaultPlan.sequence(Fault.RATE_LIMITED)).start()) {
            Run r = run(settings(server).concurrency(1).build(), 20);
            Checks.assertValidRun(r.attendees(), 20, r.generator().options());
            List<FakeLlmServer.Call> calls = server.log();
            assertThat(calls).hasSize(2);
            assertThat(Duration.ofNanos(calls.get(1).startedNanos() - calls.get(0).startedNanos()))
                    .as("the retry waited for Retry-After, not the 20 ms backoff").isGreaterThanOrEqualTo(Duration.ofMillis(1200));
            assertThat(r.report().notes()).anySatisfy(n -> assertThat(n).contains("(1 retries"));
        }
    }

    @Test
    void should_retry_server_errors_and_unavailable_answers() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).retryAfter(Duration.ofMillis(10))
                .faults(FaultPlan.sequence(Fault.SERVER_ERROR, Fault.UNAVAILABLE, Fault.SERVER_ERROR)).start()) {
            Run r = run(settings(server).concurrency(1).build(), 40);
            Checks.assertValidRun(r.attendees(), 40, r.generator().options());
            assertThat(r.report().origins()).as("every record from the model").isEmpty();
            assertThat(server.calls()).isEqualTo(5);
        }
    }

    @Test
    void should_retry_a_call_that_times_out() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).slowDelay(Duration.ofSeconds(3))
                .faults(FaultPlan.sequence(Fault.SLOW)).start()) {
            Run r = run(settings(server).concurrency(1).timeout(Duration.ofMillis(400)).build(), 20);
            Checks.assertValidRun(r.attendees(), 20, r.generator().options());
            assertThat(r.report().origins()).isEmpty();
            assertThat(server.calls()).isEqualTo(2);
        }
    }

    @Test
    void should_keep_the_complete_records_of_a_truncated_reply_and_ask_for_the_rest() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.sequence(Fault.TRUNCATED)).start()) {
            Run r = run(settings(server).concurrency(1).build(), 20);
            Checks.assertValidRun(r.attendees(), 20, r.generator().options());
            assertThat(server.calls()).isEqualTo(2);
            String second = server.log().get(1).body();
            int asked = Integer.parseInt(second.replaceAll("(?s).*Write exactly (\\d+) new attendees.*", "$1"));
            assertThat(asked).as("only the missing records are asked for again").isBetween(1, 19);
            assertThat(r.report().origins()).isEmpty();
        }
    }

    @Test
    void should_read_json_wrapped_in_prose_and_a_code_fence() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.always(Fault.PROSE)).start()) {
            Run r = run(settings(server).build(), 60);
            Checks.assertValidRun(r.attendees(), 60, r.generator().options());
            assertThat(server.calls()).isEqualTo(3);
        }
    }

    @Test
    void should_map_the_models_own_words_onto_the_contract_lists() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.always(Fault.WRONG_ENUMS)).start()) {
            Run r = run(settings(server).build(), 100);
            Checks.assertValidRun(r.attendees(), 100, r.generator().options());
            assertThat(server.calls()).as("repaired, not asked again").isEqualTo(5);
            assertThat(r.attendees()).extracting(Attendee::industry).contains(Industry.TECHNOLOGY);
            assertThat(r.report().notes()).anySatisfy(n -> assertThat(n).containsPattern("[1-9][0-9]* records repaired"));
        }
    }

    @Test
    void should_redo_records_whose_industry_maps_onto_nothing() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY)
                .faults(FaultPlan.sequence(Fault.UNMAPPABLE_ENUMS)).start()) {
            Run r = run(settings(server).concurrency(1).build(), 20);
            Checks.assertValidRun(r.attendees(), 20, r.generator().options());
            assertThat(server.calls()).isEqualTo(2);
            assertThat(r.report().notes()).anySatisfy(n -> assertThat(n).contains("industry 10"));
        }
    }

    @Test
    void should_drop_duplicates_across_batches_and_replace_them() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY)
                .faults(FaultPlan.sequence(Fault.NONE, Fault.DUPLICATES)).start()) {
            Run r = run(settings(server).concurrency(1).build(), 40);
            Checks.assertValidRun(r.attendees(), 40, r.generator().options());
            assertThat(server.calls()).isEqualTo(3);
            assertThat(r.report().notes()).anySatisfy(n -> assertThat(n).contains("duplicate 20"));
            assertThat(r.report().origins()).isEmpty();
        }
    }

    @Test
    void should_ask_again_when_a_reply_has_too_few_records() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.sequence(Fault.TOO_FEW)).start()) {
            Run r = run(settings(server).concurrency(1).build(), 20);
            Checks.assertValidRun(r.attendees(), 20, r.generator().options());
            assertThat(server.calls()).isEqualTo(2);
            assertThat(server.log().get(1).body()).contains("Write exactly 10 new attendees");
        }
    }

    @Test
    void should_drop_records_beyond_the_count_asked_for() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.always(Fault.TOO_MANY)).start()) {
            Run r = run(settings(server).build(), 40);
            Checks.assertValidRun(r.attendees(), 40, r.generator().options());
            assertThat(server.calls()).isEqualTo(2);
            assertThat(r.report().notes()).anySatisfy(n -> assertThat(n).contains("10 extra dropped"));
        }
    }

    @Test
    void should_reject_broken_records_and_ask_for_them_again() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.sequence(Fault.BAD_RECORDS)).start()) {
            Run r = run(settings(server).concurrency(1).build(), 30);
            Checks.assertValidRun(r.attendees(), 30, r.generator().options());
            assertThat(r.report().notes()).anySatisfy(n -> assertThat(n)
                    .contains("email ", "attendance_time ", "product_interests "));
            assertThat(r.report().origins()).isEmpty();
        }
    }

    @Test
    void should_give_every_record_under_a_storm_of_mixed_faults() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).retryAfter(Duration.ofMillis(10))
                .faults(FaultPlan.random(11, 0.35, Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.TRUNCATED, Fault.PROSE,
                        Fault.WRONG_ENUMS, Fault.UNMAPPABLE_ENUMS, Fault.DUPLICATES, Fault.TOO_FEW, Fault.TOO_MANY,
                        Fault.BAD_RECORDS, Fault.GARBAGE)).start()) {
            Run r = run(settings(server).concurrency(6).build(), 600);
            Checks.assertValidRun(r.attendees(), 600, r.generator().options());
        }
    }

    @Test
    void should_finish_from_the_offline_engine_when_the_server_is_dead() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LlmSettings s = LlmSettings.builder().baseUrl("http://127.0.0.1:" + port + "/v1").apiKey(KEY)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50)).concurrency(4).build();
        Run r = run(s, 200);
        Checks.assertValidRun(r.attendees(), 200, r.generator().options());
        assertThat(r.report().origins()).isEqualTo(Map.of("offline", 200L));
        assertThat(r.report().notes()).anySatisfy(n -> assertThat(n).startsWith("offline engine filled 200 records:"));
    }

    @Test
    void should_say_how_many_records_came_from_where_when_some_fell_back() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.sequence(Fault.GARBAGE, Fault.GARBAGE)).start()) {
            Run r = run(settings(server).concurrency(1).batchAttempts(2).build(), 60);
            Checks.assertValidRun(r.attendees(), 60, r.generator().options());
            assertThat(r.report().origins()).containsEntry("openai", 40L).containsEntry("offline", 20L);
            List<Attendee> offline = AttendeeGenerator.builder().event("KubeCon Europe 2026").seed(3).build().generate(20);
            assertThat(r.attendees().subList(0, 20)).as("the first batch is the offline engine's").isEqualTo(offline);
            assertThat(r.attendees().subList(20, 60)).as("the others are the model's").doesNotContainAnyElementsOf(
                    AttendeeGenerator.builder().event("KubeCon Europe 2026").seed(3).build().generate(60));
        }
    }

    @Test
    void should_fail_at_once_naming_the_variable_when_the_key_is_rejected() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey("sk-the-right-one").start()) {
            assertThatThrownBy(() -> run(settings(server).build(), 40))
                    .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.retriable()).isFalse())
                    .hasMessageContaining("rejected the API key (HTTP 401): check OPENAI_API_KEY")
                    .message().doesNotContain(KEY);
            assertThat(server.calls()).as("a rejected key is not retried").isLessThanOrEqualTo(4);
        }
    }

    @Test
    void should_fail_instead_of_falling_back_when_fallback_is_off() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.always(Fault.GARBAGE)).start()) {
            assertThatThrownBy(() -> run(settings(server).concurrency(1).fallbackToOffline(false).build(), 20))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("gave 0 of 20 good records for ids 1..20 after 3 tries");
        }
    }

    @Test
    void should_count_the_tokens_the_server_reported_and_estimate_the_cost() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).start()) {
            Run r = run(settings(server).prices(1.0, 2.0).build(), 100);
            double cost = server.inputTokens() / 1e6 + server.outputTokens() * 2.0 / 1e6;
            assertThat(r.report().notes()).contains(String.format(java.util.Locale.ROOT,
                    "tokens: %,d in, %,d out; estimated cost $%.4f", server.inputTokens(), server.outputTokens(), cost));
        }
    }

    @Test
    void should_send_the_key_to_the_server_and_nowhere_else() {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).faults(FaultPlan.sequence(Fault.SERVER_ERROR)).start()) {
            LlmSettings s = settings(server).build();
            Run r = run(s, 40);
            assertThat(server.log()).allSatisfy(c -> assertThat(c.headers().get("authorization")).isEqualTo("Bearer " + KEY));
            assertThat(String.join("\n", r.report().notes())).doesNotContain(KEY);
            assertThat(s.toString()).doesNotContain(KEY).contains("key set (hidden)");
        }
    }
}
