package dev.attendees.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.llm.testing.FakeLlmServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint: finished batches are not asked for (or paid for) again. */
class ResumeTest {
    @TempDir
    Path dir;

    private AttendeeGenerator generator(FakeLlmServer server, Path checkpoint, String event) {
        LlmSettings s = LlmSettings.builder().baseUrl(server.baseUrl(LlmProvider.OPENAI)).concurrency(3).build();
        return AttendeeGenerator.builder().event(event)
                .source(LlmRecordSource.builder().settings(s).checkpoint(checkpoint).factory()).build();
    }

    @Test
    void should_reuse_finished_batches_without_asking_again() {
        Path checkpoint = dir.resolve("out.csv.llm-checkpoint");
        try (FakeLlmServer server = FakeLlmServer.builder().start()) {
            List<Attendee> first;
            AttendeeGenerator g1 = generator(server, checkpoint, "KubeCon");
            try (var source = g1.source()) {
                first = source.generate(0, 100);   // then the run "dies": no complete()
            }
            assertThat(server.calls()).isEqualTo(5);
            assertThat(checkpoint).exists();

            AttendeeGenerator g2 = generator(server, checkpoint, "KubeCon");   // a new seed: not part of the fingerprint
            List<Attendee> all;
            try (LlmRecordSource source = (LlmRecordSource) g2.source()) {
                all = g2.generate(200);
                assertThat(source.report().notes()).contains("resumed: 100 records reused from the checkpoint " + checkpoint);
                source.complete();
            }
            assertThat(server.calls()).as("only the 5 missing batches were asked for").isEqualTo(10);
            assertThat(all.subList(0, 100)).isEqualTo(first);
            Checks.assertValidRun(all, 200, g2.options());
            assertThat(checkpoint).as("removed once the run is complete").doesNotExist();
        }
    }

    @Test
    void should_start_anew_when_the_checkpoint_was_made_with_other_options() {
        Path checkpoint = dir.resolve("out.csv.llm-checkpoint");
        try (FakeLlmServer server = FakeLlmServer.builder().start()) {
            try (var source = generator(server, checkpoint, "KubeCon").source()) {
                source.generate(0, 40);
            }
            AttendeeGenerator other = generator(server, checkpoint, "RSA Conference");
            try (var source = other.source()) {
                List<Attendee> out = source.generate(0, 40);
                assertThat(out).allSatisfy(a -> assertThat(a.eventName()).isEqualTo("RSA Conference"));
                assertThat(source.report().notes()).anySatisfy(n -> assertThat(n).startsWith("a checkpoint made with other options was replaced"));
            }
            assertThat(server.calls()).isEqualTo(4);
        }
    }

    @Test
    void should_ask_again_for_fallback_records_when_resumed_without_fallback() {
        Path checkpoint = dir.resolve("out.csv.llm-checkpoint");
        try (FakeLlmServer server = FakeLlmServer.builder()
                .faults(dev.attendees.llm.testing.FaultPlan.sequence(dev.attendees.llm.testing.Fault.GARBAGE,
                        dev.attendees.llm.testing.Fault.GARBAGE, dev.attendees.llm.testing.Fault.GARBAGE)).start()) {
            LlmSettings withFallback = LlmSettings.builder().baseUrl(server.baseUrl(LlmProvider.OPENAI)).concurrency(1).build();
            AttendeeGenerator g1 = AttendeeGenerator.builder().event("KubeCon")
                    .source(LlmRecordSource.builder().settings(withFallback).checkpoint(checkpoint).factory()).build();
            try (var source = g1.source()) {
                source.generate(0, 40);   // ids 1..20 from the offline engine, 21..40 from the model; then the run dies
                assertThat(source.report().origins()).containsEntry("offline", 20L);
            }
            assertThat(server.calls()).isEqualTo(4);

            LlmSettings noFallback = withFallback.toBuilder().fallbackToOffline(false).build();
            AttendeeGenerator g2 = AttendeeGenerator.builder().event("KubeCon")
                    .source(LlmRecordSource.builder().settings(noFallback).checkpoint(checkpoint).factory()).build();
            try (var source = g2.source()) {
                Checks.assertValidRun(source.generate(0, 40), 40, g2.options());
                assertThat(source.report().origins()).as("no record from the offline engine").isEmpty();
                assertThat(source.report().notes()).contains("resumed: 20 records reused from the checkpoint " + checkpoint);
            }
            assertThat(server.calls()).as("the fallback batch was asked for again, the model's was not").isEqualTo(5);
        }
    }

    @Test
    void should_ignore_a_half_written_last_line() throws Exception {
        Path checkpoint = dir.resolve("out.csv.llm-checkpoint");
        try (FakeLlmServer server = FakeLlmServer.builder().start()) {
            try (var source = generator(server, checkpoint, "KubeCon").source()) {
                source.generate(0, 40);
            }
            List<String> lines = new ArrayList<>(Files.readAllLines(checkpoint, StandardCharsets.UTF_8));
            assertThat(lines).hasSize(3);
            String cut = lines.get(2).substring(0, lines.get(2).length() / 2);   // killed mid-write
            Files.writeString(checkpoint, lines.get(0) + "\n" + lines.get(1) + "\n" + cut, StandardCharsets.UTF_8);
            AttendeeGenerator g = generator(server, checkpoint, "KubeCon");
            try (var source = g.source()) {
                Checks.assertValidRun(source.generate(0, 40), 40, g.options());
            }
            assertThat(server.calls()).as("the cut batch was asked for again, the whole one was not").isEqualTo(3);
            assertThat(Files.readAllLines(checkpoint)).hasSize(3).allSatisfy(l -> assertThat(l).endsWith("}"));
        }
    }
}
