package dev.attendees.cli;

import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The LLM options of {@code attendees generate}: which model writes records or designs the profile. */
final class LlmOptions {
    static final List<String> PROVIDERS = List.of("none", "openai", "anthropic", "ollama");

    @Option(names = "--llm", paramLabel = "PROVIDER", defaultValue = "none",
            description = "none, openai, anthropic or ollama (only none is available yet).")
    String llm;

    @Option(names = "--llm-base-url", paramLabel = "URL", description = "Base URL of an OpenAI-compatible server.")
    String llmBaseUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "The model's name.")
    String llmModel;

    /** Whether an LLM was asked for. */
    boolean enabled() {
        return !llm.equalsIgnoreCase("none");
    }

    /**
     * Configures {@code builder} for the LLM the options ask for; {@code out} is the output file
     * (a checkpoint goes beside it), or {@code null} for standard output.
     *
     * @throws ConfigurationException naming the option that is wrong
     */
    void configure(AttendeeGenerator.Builder builder, Path out) {
        if (!PROVIDERS.contains(llm.toLowerCase(Locale.ROOT))) {
            throw new ConfigurationException("--llm must be one of " + String.join(", ", PROVIDERS) + ", was '" + llm + "'");
        }
        if (enabled()) {
            throw new ConfigurationException("--llm " + llm + " is not available yet: LLM generation arrives with a later release");
        }
        if (llmBaseUrl != null || llmModel != null) {
            throw new ConfigurationException((llmBaseUrl != null ? "--llm-base-url" : "--llm-model") + " needs --llm");
        }
    }
}
