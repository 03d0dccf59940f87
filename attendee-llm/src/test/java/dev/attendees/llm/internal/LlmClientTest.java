package dev.attendees.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.attendees.ProviderException;
import dev.attendees.llm.LlmSettings;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class LlmClientTest {
    private static final String KEY = "sk-client-test-SECRET-0042";

    @Test
    void should_show_a_refusing_servers_words_on_one_safe_line_without_the_key() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                    .body("{\"error\": \"\u001b[2J\u001b]0;pwned\u0007 bad key " + KEY + " \u009b31m\u202egnorw\"}").build());
            server.start();
            LlmSettings settings = LlmSettings.builder().baseUrl(server.url("/v1").toString()).apiKey(KEY).build();
            LlmClient client = new LlmClient(settings, "test");

            ProviderException e = catchThrowableOfType(ProviderException.class,
                    () -> client.ask("system", "user", null, 100, 0.5));

            assertThat(e.retriable()).isFalse();
            assertThat(e.getMessage()).contains("refused the request (HTTP 400)", "bad key ***")
                    .doesNotContain(KEY).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b")
                    .doesNotContain("\u202e");
            assertThat(Escape.hasUnsafe(e.getMessage())).isFalse();
        }
    }
}
