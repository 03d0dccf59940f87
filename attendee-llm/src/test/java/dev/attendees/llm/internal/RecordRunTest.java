package dev.attendees.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.AttendeeGenerator;
import dev.attendees.GenerationOptions;
import dev.attendees.llm.LlmProvider;
import dev.attendees.llm.LlmSettings;
import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.llm.testing.Fault;
import dev.attendees.llm.testing.FaultPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecordRunTest {

    /** A clock that moves only when told. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void should_ask_nothing_for_an_empty_range_and_one_call_for_one_record() {
        try (FakeLlmServer server = FakeLlmServer.builder().start()) {
            LlmSettings settings = LlmSettings.builder().baseUrl(server.baseUrl(LlmProvider.OPENAI)).build();
            GenerationOptions options = AttendeeGenerator.builder().event("KubeCon").seed(1).build().options();
            try (RecordRun run = new RecordRun(settings, options, null)) {
                assertThat(run.generate(7, 7)).isEmpty();
                assertThat(server.calls()).isZero();

                assertThat(run.generate(7, 8)).singleElement().satisfies(a -> assertThat(a.id()).isEqualTo(8));
                assertThat(server.calls()).isEqualTo(1);
                assertThat(server.log().get(0).body()).contains("Write exactly 1 new attendees");
            }
        }
    }

    @Test
    void should_split_ranges_into_full_batches_and_one_remainder() {
        try (FakeLlmServer server = FakeLlmServer.builder().start()) {
            LlmSettings settings = LlmSettings.builder().baseUrl(server.baseUrl(LlmProvider.OPENAI)).batchSize(20).build();
            GenerationOptions options = AttendeeGenerator.builder().event("KubeCon").seed(1).build().options();
            try (RecordRun run = new RecordRun(settings, options, null)) {
                assertThat(run.generate(0, 60)).hasSize(60);
                assertThat(server.calls()).as("an exact multiple: three full batches").isEqualTo(3);
                assertThat(run.generate(60, 101)).hasSize(41);
                assertThat(server.log().subList(3, 6)).extracting(c -> c.body().replaceAll("(?s).*Write exactly (\\d+) new.*", "$1"))
                        .containsExactlyInAnyOrder("20", "20", "1");
            }
        }
    }

    @Test
    void should_call_the_model_again_once_the_circuit_breakers_wait_is_over() {
        // Five failed calls open the breaker; the server then recovers.
        try (FakeLlmServer server = FakeLlmServer.builder().faults(FaultPlan.sequence(Fault.SERVER_ERROR, Fault.SERVER_ERROR,
                Fault.SERVER_ERROR, Fault.SERVER_ERROR, Fault.SERVER_ERROR)).start()) {
            LlmSettings settings = LlmSettings.builder().baseUrl(server.baseUrl(LlmProvider.OPENAI)).concurrency(1)
                    .maxAttempts(1).batchAttempts(1).build();
            GenerationOptions options = AttendeeGenerator.builder().event("KubeCon").seed(1).build().options();
            TestClock clock = new TestClock();
            try (RecordRun run = new RecordRun(settings, options, null, clock)) {
                run.generate(0, 100);
                assertThat(server.calls()).as("five batches, one failed call each").isEqualTo(5);

                run.generate(100, 140);
                assertThat(server.calls()).as("while the breaker is open, no calls").isEqualTo(5);

                clock.advance(Duration.ofSeconds(31));
                run.generate(140, 200);
                assertThat(server.calls()).as("after the breaker's wait, the model is asked again").isEqualTo(8);
                assertThat(run.report().origins()).containsEntry("openai", 60L).containsEntry("offline", 140L);
            }
        }
    }
}
