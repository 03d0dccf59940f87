package dev.attendees.llm;

import dev.attendees.ConfigurationException;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The LLM protocols this module speaks. {@link #OPENAI} also covers every OpenAI-compatible server
 * (vLLM, LM Studio, llama.cpp server, LiteLLM ...) through {@link LlmSettings.Builder#baseUrl}.
 *
 * <pre>{@code
 * LlmProvider p = LlmProvider.fromName("anthropic");   // ANTHROPIC
 * p.keyVariable();                                     // "ANTHROPIC_API_KEY"
 * p.defaultModel();                                    // "claude-haiku-4-5"
 * }</pre>
 */
public enum LlmProvider {
    /** OpenAI's chat completions API, or any server that speaks it. Key: {@code OPENAI_API_KEY}. */
    OPENAI("openai", "OPENAI_API_KEY", null, "https://api.openai.com/v1", "gpt-4o-mini", 0.15, 0.60),
    /** Anthropic's messages API. Key: {@code ANTHROPIC_API_KEY}. */
    ANTHROPIC("anthropic", "ANTHROPIC_API_KEY", null, "https://api.anthropic.com/v1", "claude-haiku-4-5", 1.00, 5.00),
    /** A local Ollama server; no key. Base URL: {@code OLLAMA_BASE_URL}. */
    OLLAMA("ollama", null, "OLLAMA_BASE_URL", "http://localhost:11434", "llama3.1", 0, 0);

    private final String id;
    private final String keyVariable;
    private final String baseUrlVariable;
    private final String defaultBaseUrl;
    private final String defaultModel;
    private final double inputPricePerMillion;
    private final double outputPricePerMillion;

    LlmProvider(String id, String keyVariable, String baseUrlVariable, String defaultBaseUrl, String defaultModel,
            double inputPricePerMillion, double outputPricePerMillion) {
        this.id = id;
        this.keyVariable = keyVariable;
        this.baseUrlVariable = baseUrlVariable;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
        this.inputPricePerMillion = inputPricePerMillion;
        this.outputPricePerMillion = outputPricePerMillion;
    }

    /** The name used on the command line and in reports: {@code openai}, {@code anthropic}, {@code ollama}. */
    public String id() {
        return id;
    }

    /** The environment variable holding the API key, or {@code null} when the provider needs none. */
    public String keyVariable() {
        return keyVariable;
    }

    /** The environment variable that may hold the base URL ({@code OLLAMA_BASE_URL}), or {@code null}. */
    public String baseUrlVariable() {
        return baseUrlVariable;
    }

    /** The public endpoint used when no base URL is given. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** The model used when none is given: a small, cheap one that is good enough for records. */
    public String defaultModel() {
        return defaultModel;
    }

    /** US dollars per million input tokens of {@link #defaultModel()}, for the cost estimate. */
    public double inputPricePerMillion() {
        return inputPricePerMillion;
    }

    /** US dollars per million output tokens of {@link #defaultModel()}, for the cost estimate. */
    public double outputPricePerMillion() {
        return outputPricePerMillion;
    }

    /**
     * The provider called {@code name} (case-insensitive).
     *
     * @throws ConfigurationException listing the known names
     */
    public static LlmProvider fromName(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return Stream.of(values()).filter(p -> p.id.equals(key)).findFirst()
                .orElseThrow(() -> new ConfigurationException("unknown LLM provider '" + name + "'; expected one of "
                        + Stream.of(values()).map(LlmProvider::id).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return id;
    }
}
