package dev.attendees.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterHttpClientTest {

    @Test
    void should_keep_the_connect_timeout_short_when_a_model_builder_asks_for_the_calls_timeout() {
        // LangChain4j's model builders call connectTimeout(timeout) with the whole call's timeout.
        RetryAfterHttpClient client = RetryAfterHttpClient.builder().connectTimeout(Duration.ofMinutes(2))
                .readTimeout(Duration.ofMinutes(2)).build();
        assertThat(client.connectTimeout()).isEqualTo(Duration.ofSeconds(RetryAfterHttpClient.MAX_CONNECT_SECONDS));

        RetryAfterHttpClient quick = RetryAfterHttpClient.builder().connectTimeout(Duration.ofMillis(300)).build();
        assertThat(quick.connectTimeout()).isEqualTo(Duration.ofMillis(300));
    }
}
