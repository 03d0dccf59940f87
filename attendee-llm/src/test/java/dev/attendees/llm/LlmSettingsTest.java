package dev.attendees.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.ConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {

    @Test
    void should_name_the_missing_variable_in_one_sentence() {
        assertThatThrownBy(() -> LlmSettings.builder().provider(LlmProvider.OPENAI).environment(Map.<String, String>of()::get).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("OPENAI_API_KEY is not set: export your OpenAI API key in it, or give --llm-base-url for an OpenAI-compatible server that needs none");
        assertThatThrownBy(() -> LlmSettings.builder().provider(LlmProvider.ANTHROPIC).environment(Map.<String, String>of()::get).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("ANTHROPIC_API_KEY is not set: export your Anthropic API key in it to use --llm anthropic");
    }

    @Test
    void should_take_the_key_from_the_environment_and_never_show_it() {
        LlmSettings s = LlmSettings.builder().provider(LlmProvider.ANTHROPIC)
                .environment(Map.of("ANTHROPIC_API_KEY", " sk-ant-secret-value ")::get).build();
        assertThat(s.apiKey()).isEqualTo("sk-ant-secret-value");
        assertThat(s.model()).isEqualTo("claude-haiku-4-5");
        assertThat(s.toString()).doesNotContain("sk-ant-secret-value");
        assertThat(s.describe()).isEqualTo("anthropic claude-haiku-4-5");
    }

    @Test
    void should_refuse_a_key_that_cannot_travel_in_a_header_without_showing_it() {
        // The JDK's HTTP client would quote the whole header, key included, in its exception.
        String pasted = "sk-live-SECRET\u2026tail";
        assertThatThrownBy(() -> LlmSettings.builder().environment(Map.of("OPENAI_API_KEY", pasted)::get).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("OPENAI_API_KEY holds characters an HTTP header cannot carry; check its value");
        assertThatThrownBy(() -> LlmSettings.builder().provider(LlmProvider.ANTHROPIC).apiKey("sk-ant SECRET").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("the API key holds characters an HTTP header cannot carry; check its value");
    }

    @Test
    void should_never_send_an_environment_key_over_plain_http_to_another_host() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-from-the-environment");
        assertThat(LlmSettings.builder().baseUrl("http://10.0.0.5:8000/v1").environment(env::get).build().apiKey())
                .as("plain http to another host").isNull();
        assertThat(LlmSettings.builder().baseUrl("https://llm.example.com/v1").environment(env::get).build().apiKey())
                .isEqualTo("sk-from-the-environment");
        assertThat(LlmSettings.builder().baseUrl("http://127.0.0.1:8000/v1").environment(env::get).build().apiKey())
                .as("this machine").isEqualTo("sk-from-the-environment");
        assertThat(LlmSettings.builder().baseUrl("http://localhost:11434/v1").environment(env::get).build().apiKey())
                .isEqualTo("sk-from-the-environment");
    }

    @Test
    void should_need_no_key_for_an_openai_compatible_server() {
        LlmSettings s = LlmSettings.builder().baseUrl("http://localhost:8000/v1/").model("qwen2.5")
                .environment(Map.<String, String>of()::get).build();
        assertThat(s.apiKey()).isNull();
        assertThat(s.baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(s.describe()).isEqualTo("openai qwen2.5 at http://localhost:8000/v1");
        assertThat(s.inputPricePerMillion()).as("no price known for a local model").isNull();
    }

    @Test
    void should_know_the_price_of_the_default_model_on_the_public_endpoint() {
        LlmSettings s = LlmSettings.builder().apiKey("k").build();
        assertThat(s.inputPricePerMillion()).isEqualTo(0.15);
        assertThat(s.toBuilder().model("gpt-x").build().inputPricePerMillion()).isNull();
    }

    @Test
    void should_reject_bad_values_naming_the_setting() {
        LlmSettings.Builder b = LlmSettings.builder();
        assertThatThrownBy(() -> b.concurrency(0)).hasMessage("LLM concurrency must be between 1 and 256, was 0");
        assertThatThrownBy(() -> b.batchSize(101)).hasMessage("LLM batch size must be between 1 and 100, was 101");
        assertThatThrownBy(() -> b.baseUrl("ftp://x")).hasMessageStartingWith("LLM base URL must be an http(s) URL");
        assertThatThrownBy(() -> b.timeout(Duration.ZERO)).hasMessage("LLM timeout must be positive, was PT0S");
        assertThatThrownBy(() -> LlmProvider.fromName("gemini")).hasMessage("unknown LLM provider 'gemini'; expected one of openai, anthropic, ollama");
    }
}
