package dev.attendees.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.GenerationSummary;
import dev.attendees.ProviderException;
import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.llm.testing.Fault;
import dev.attendees.llm.testing.FaultPlan;
import dev.attendees.profile.EventProfile;
import dev.attendees.spi.AttendeeSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmProfileDesignerTest {
    @TempDir
    Path cache;

    private LlmProfileDesigner designer(FakeLlmServer server, LlmProvider provider) {
        LlmSettings s = LlmSettings.builder().provider(provider).baseUrl(server.baseUrl(provider)).apiKey("sk-profile-key-0001").build();
        return LlmProfileDesigner.builder().settings(s).cacheDirectory(cache).build();
    }

    @Test
    void should_design_a_valid_profile_and_make_many_attendees_from_it_offline() {
        try (FakeLlmServer server = FakeLlmServer.builder().start(); LlmProfileDesigner designer = designer(server, LlmProvider.ANTHROPIC)) {
            EventProfile profile = designer.design("DevSecOps Days Helsinki 2027");
            assertThat(profile.id()).isEqualTo("devsecops-days-helsinki-2027");
            assertThat(profile.defaultEventName()).isEqualTo("DevSecOps Days Helsinki 2027");
            assertThat(profile.companies()).hasSizeGreaterThanOrEqualTo(30);
            AttendeeGenerator g = AttendeeGenerator.builder().event("DevSecOps Days Helsinki 2027").profile(profile)
                    .source(designer.source()).seed(5).build();
            List<Attendee> out = new ArrayList<>();
            GenerationSummary summary = g.writeTo(sink(out), 5_000);
            Checks.assertValidRun(out, 5_000, g.options());
            assertThat(server.calls()).isEqualTo(1);
            assertThat(summary.eventType()).isEqualTo("devsecops-days-helsinki-2027");
            assertThat(summary.notes()).anySatisfy(n -> assertThat(n).startsWith(
                    "profile 'devsecops-days-helsinki-2027' designed by anthropic claude-haiku-4-5 at " + server.baseUrl(LlmProvider.ANTHROPIC) + " in 1 call"))
                    .anySatisfy(n -> assertThat(n).startsWith("tokens: "));
        }
    }

    @Test
    void should_read_a_design_from_the_cache_without_calling_again() {
        try (FakeLlmServer server = FakeLlmServer.builder().start()) {
            EventProfile first = designer(server, LlmProvider.OPENAI).design("PyCon US 2027");
            LlmProfileDesigner again = designer(server, LlmProvider.OPENAI);
            EventProfile second = again.design("PyCon US 2027");
            assertThat(second).isEqualTo(first);
            assertThat(server.calls()).isEqualTo(1);
            assertThat(again.report().notes()).singleElement().asString().contains("from the cache");
            assertThat(designer(server, LlmProvider.OLLAMA).design("PyCon US 2027")).isEqualTo(first);
            assertThat(server.calls()).as("another provider is another cache key").isEqualTo(2);
        }
    }

    @Test
    void should_ask_again_with_the_reason_when_a_design_is_unusable() {
        try (FakeLlmServer server = FakeLlmServer.builder().faults(FaultPlan.sequence(Fault.BAD_RECORDS, Fault.WRONG_ENUMS)).start()) {
            EventProfile p = designer(server, LlmProvider.OPENAI).design("HIMSS Europe 2027");
            assertThat(server.calls()).isEqualTo(2);
            assertThat(server.log().get(1).body()).contains("Your previous profile was rejected: ", "roles is empty");
            assertThat(p.industries()).containsKey("Technology");
        }
    }

    @Test
    void should_fall_back_to_the_built_in_profile_when_no_design_is_usable() {
        try (FakeLlmServer server = FakeLlmServer.builder().faults(FaultPlan.always(Fault.GARBAGE)).start();
                LlmProfileDesigner d = designer(server, LlmProvider.OPENAI)) {
            EventProfile p = d.design("RSA Conference 2027");
            assertThat(p.id()).isEqualTo("security");
            assertThat(server.calls()).isEqualTo(3);
            assertThat(d.report().notes()).anySatisfy(n -> assertThat(n).contains("using the built-in 'security' profile"));
            assertThat(cache).isEmptyDirectory();
        }
    }

    @Test
    void should_say_whether_the_model_designed_the_profile_or_a_built_in_one_stands_in() {
        try (FakeLlmServer server = FakeLlmServer.builder().start()) {
            ProfileDesign designed = designer(server, LlmProvider.OPENAI).designFor("PyCon US 2027");
            assertThat(designed.origin()).isEqualTo(ProfileDesign.Origin.MODEL);
            assertThat(designed.byModel()).isTrue();
            assertThat(designed.problem()).isEmpty();
            ProfileDesign cached = designer(server, LlmProvider.OPENAI).designFor("PyCon US 2027");
            assertThat(cached.origin()).isEqualTo(ProfileDesign.Origin.CACHE);
            assertThat(cached.byModel()).isTrue();
            assertThat(cached.profile()).isEqualTo(designed.profile());
        }
        try (FakeLlmServer server = FakeLlmServer.builder().faults(FaultPlan.always(Fault.GARBAGE)).start()) {
            ProfileDesign standIn = designer(server, LlmProvider.OPENAI).designFor("RSA Conference 2027");
            assertThat(standIn.origin()).isEqualTo(ProfileDesign.Origin.BUILT_IN);
            assertThat(standIn.byModel()).isFalse();
            assertThat(standIn.profile().id()).isEqualTo("security");
            assertThat(standIn.problem()).startsWith("no usable profile from openai gpt-4o-mini at " + server.baseUrl(LlmProvider.OPENAI)
                    + " (").doesNotContain("\n");
        }
    }

    @Test
    void should_fail_when_fallback_is_off_and_no_design_is_usable() {
        try (FakeLlmServer server = FakeLlmServer.builder().faults(FaultPlan.always(Fault.TRUNCATED)).start()) {
            LlmSettings s = LlmSettings.builder().baseUrl(server.baseUrl(LlmProvider.OPENAI)).fallbackToOffline(false).build();
            LlmProfileDesigner d = LlmProfileDesigner.builder().settings(s).cacheDirectory(null).build();
            assertThatThrownBy(() -> d.design("Some Expo")).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("gave no usable profile for 'Some Expo' in 3 tries");
        }
    }

    private static AttendeeSink sink(List<Attendee> out) {
        return new AttendeeSink() {
            @Override
            public void write(List<Attendee> batch) {
                out.addAll(batch);
            }

            @Override
            public void commit() {}

            @Override
            public void close() {}
        };
    }
}
