package dev.attendees.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.llm.testing.FakeLlmServer;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        try (FakeLlmServer server = FakeLlmServer.builder().start()) {
            LlmSettings s = LlmSettings.builder().baseUrl(server.baseUrl(LlmProvider.OPENAI)).build();
            AttendeeGenerator g = AttendeeGenerator.builder().seed(1).source(LlmRecordSource.factory(s)).build();
            List<Attendee> out = g.generate(100);
            System.out.println(g.source().report());
            System.out.println(server.log().get(0).body());
            assertThat(out).hasSize(100);
        }
    }
}
