package dev.attendees.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.llm.testing.FakeLlmServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each provider's own protocol, against the fake: path, key header, structured output, the records. */
class ProtocolTest {
    private static final String KEY = "sk-protocol-test-key-123456";

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void should_speak_each_providers_protocol_with_structured_output(LlmProvider provider) throws Exception {
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).start()) {
            LlmSettings settings = LlmSettings.builder().provider(provider).baseUrl(server.baseUrl(provider))
                    .apiKey(provider == LlmProvider.OLLAMA ? null : KEY).build();
            AttendeeGenerator g = AttendeeGenerator.builder().event("RSA Conference 2026").seed(1)
                    .source(LlmRecordSource.factory(settings)).build();
            List<Attendee> out;
            try (var source = g.source()) {
                out = g.generate(40);
                assertThat(source.report().origins()).isEmpty();
            }
            Checks.assertValidRun(out, 40, g.options());
            FakeLlmServer.Call call = server.log().get(0);
            JsonNode body = new ObjectMapper().readTree(call.body());
            switch (provider) {
                case OPENAI -> {
                    assertThat(call.path()).isEqualTo("/v1/chat/completions");
                    assertThat(call.headers()).containsEntry("authorization", "Bearer " + KEY);
                    assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
                    assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
                }
                case ANTHROPIC -> {
                    assertThat(call.path()).isEqualTo("/v1/messages");
                    assertThat(call.headers()).containsEntry("x-api-key", KEY).doesNotContainKey("authorization");
                    assertThat(body.at("/output_config/format/type").asText()).isEqualTo("json_schema");
                    assertThat(body.get("system").toString()).contains("attendee records");
                }
                case OLLAMA -> {
                    assertThat(call.path()).isEqualTo("/api/chat");
                    assertThat(call.headers()).doesNotContainKeys("authorization", "x-api-key");
                    assertThat(body.at("/format/type").asText()).isEqualTo("object");
                }
            }
            assertThat(body.toString()).contains("Write exactly 20 new attendees", "Threat Intelligence");
        }
    }

    @Test
    void should_leave_out_the_schema_for_servers_that_do_not_support_it() throws Exception {
        try (FakeLlmServer server = FakeLlmServer.builder().start()) {
            LlmSettings settings = LlmSettings.builder().baseUrl(server.baseUrl(LlmProvider.OPENAI)).structuredOutput(false).build();
            AttendeeGenerator g = AttendeeGenerator.builder().seed(1).source(LlmRecordSource.factory(settings)).build();
            try (var source = g.source()) {
                Checks.assertValidRun(g.generate(20), 20, g.options());
            }
            assertThat(new ObjectMapper().readTree(server.log().get(0).body()).has("response_format")).isFalse();
            assertThat(server.log().get(0).headers()).doesNotContainKey("authorization");
        }
    }

    @Test
    void should_read_the_ollama_base_url_from_its_variable() {
        LlmSettings s = LlmSettings.builder().provider(LlmProvider.OLLAMA)
                .environment(Map.of("OLLAMA_BASE_URL", "http://127.0.0.1:9999/")::get).build();
        assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:9999");
        assertThat(s.apiKey()).isNull();
        assertThat(s.model()).isEqualTo("llama3.1");
    }
}
