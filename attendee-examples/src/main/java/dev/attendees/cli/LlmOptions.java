package dev.attendees.cli;

import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.Secrets;
import dev.attendees.llm.LlmProfileDesigner;
import dev.attendees.llm.LlmProvider;
import dev.attendees.llm.LlmRecordSource;
import dev.attendees.llm.LlmSettings;
import dev.attendees.llm.ProfileDesign;
import dev.attendees.profile.EventProfiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The LLM options of {@code attendees generate}: which model writes records (record mode) or
 * designs the event's profile (profile mode), and the limits of the run. Keys come only from the
 * environment ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}; {@code OLLAMA_BASE_URL} for Ollama).
 */
final class LlmOptions {
    static final List<String> PROVIDERS = List.of("none", "openai", "anthropic", "ollama");
    static final List<String> MODES = List.of("record", "profile");

    /** Where environment variables come from; tests put a map here. */
    static Function<String, String> environment = System::getenv;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--llm", paramLabel = "PROVIDER", defaultValue = "none",
            description = "none (default), openai, anthropic or ollama. Keys from OPENAI_API_KEY / ANTHROPIC_API_KEY.")
    String llm;

    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "The endpoint: any OpenAI-compatible server (vLLM, LM Studio, llama.cpp) with --llm openai.")
    String llmBaseUrl;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "The model (default: gpt-4o-mini, claude-haiku-4-5, llama3.1).")
    String llmModel;

    @Option(names = "--llm-mode", paramLabel = "record|profile",
            description = "record: the model writes every record (default); profile: it designs the event's profile "
                    + "once and the offline engine makes the attendees.")
    String mode;

    @Option(names = "--llm-concurrency", paramLabel = "N", description = "Calls in flight (default: 10).")
    Integer concurrency;

    @Option(names = "--llm-batch-size", paramLabel = "N", description = "Records per call (default: 20).")
    Integer batchSize;

    @Option(names = "--llm-timeout", paramLabel = "SECONDS", description = "Time one call may take (default: 120).")
    Integer timeoutSeconds;

    @Option(names = "--llm-max-attempts", paramLabel = "N", description = "Tries of one call on 429, 5xx, timeouts (default: 5).")
    Integer maxAttempts;

    @Option(names = "--llm-rpm", paramLabel = "N", description = "Calls started per minute at most (default: 500).")
    Integer requestsPerMinute;

    @Option(names = "--llm-price", paramLabel = "IN,OUT",
            description = "US dollars per million input and output tokens, for the cost estimate.")
    String price;

    @Option(names = "--llm-no-schema", description = "Do not ask for JSON-schema output (for servers that reject it).")
    boolean noSchema;

    @Option(names = "--llm-no-fallback", description = "Fail instead of filling missing records from the offline engine.")
    boolean noFallback;

    @Option(names = "--llm-checkpoint", paramLabel = "FILE",
            description = "Record mode's resume file (default: the --out file's name + .llm-checkpoint).")
    Path checkpoint;

    @Option(names = "--llm-cache", paramLabel = "DIR", description = "Profile mode's cache (default: ~/.cache/attendees/profiles).")
    Path cache;

    @Option(names = "--llm-refresh", description = "Profile mode: design again even when the cache has the profile.")
    boolean refresh;

    @Option(names = "--llm-save-profile", paramLabel = "FILE",
            description = "Profile mode: also write the designed profile here (reuse it with --profile); nothing when no design was usable.")
    Path saveProfile;

    private LlmRecordSource recordSource;
    /** Profile mode's call to the model, prepared by {@link #configure} and run by {@link #designProfile}. */
    private Runnable design;

    /** Whether an LLM was asked for. */
    boolean enabled() {
        return !llm.equalsIgnoreCase("none");
    }

    /**
     * Checks the options and configures {@code builder} for the LLM they ask for; {@code out} is the
     * output file (the checkpoint goes beside it), or {@code null} for standard output. Profile mode
     * only prepares here: {@link #designProfile} calls the model, once the command has checked
     * everything else.
     *
     * @throws ConfigurationException naming the option that is wrong
     */
    void configure(AttendeeGenerator.Builder builder, Path out) {
        design = null;
        String provider = llm.toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw new ConfigurationException("--llm must be one of " + String.join(", ", PROVIDERS) + ", was '" + llm + "'");
        }
        if (!enabled()) {
            String stray = first(Stream.of(recordOptions(), profileOptions(), sharedOptions()).flatMap(List::stream).toList());
            if (stray != null) {
                throw new ConfigurationException(stray + " needs --llm openai, anthropic or ollama");
            }
            return;
        }
        String m = mode == null ? "record" : mode.toLowerCase(Locale.ROOT);
        if (!MODES.contains(m)) {
            throw new ConfigurationException("--llm-mode must be record or profile, was '" + mode + "'");
        }
        String misplaced = m.equals("record") ? first(profileOptions()) : first(recordOptions());
        if (misplaced != null) {
            throw new ConfigurationException(misplaced + " is for --llm-mode " + (m.equals("record") ? "profile" : "record"));
        }
        LlmSettings settings = settings(LlmProvider.fromName(provider));
        if (m.equals("record")) {
            Path file = checkpoint != null ? checkpoint : out == null ? null
                    : out.resolveSibling(out.getFileName() + ".llm-checkpoint");
            LlmRecordSource.Builder records = LlmRecordSource.builder().settings(settings).checkpoint(file);
            builder.source(options -> {
                recordSource = records.build(options);
                return recordSource;
            });
            return;
        }
        String event = command == null ? null : command.findOption("--event").getValue();
        if (event == null || event.isBlank()) {
            throw new ConfigurationException("--llm-mode profile needs --event with the event's name or a description");
        }
        for (String other : List.of("--event-type", "--profile")) {
            if (command.findOption(other).getValue() != null) {
                throw new ConfigurationException("--llm-mode profile designs the event's profile itself; leave out " + other);
            }
        }
        LlmProfileDesigner designer = LlmProfileDesigner.builder().settings(settings)
                .cacheDirectory(cache != null ? cache : LlmProfileDesigner.defaultCacheDirectory(environment))
                .refresh(refresh).build();
        design = () -> {
            ProfileDesign designed = designer.designFor(event);
            if (saveProfile != null) {
                save(designed);
            }
            builder.profile(designed.profile());
            builder.source(designer.source());
        };
    }

    /**
     * {@code --llm-save-profile}: writes the profile when the model designed it; a built-in profile
     * standing in for a failed design is not the event's own, so nothing is written, and one line
     * on standard error says so and why.
     */
    private void save(ProfileDesign designed) {
        if (!designed.byModel()) {
            PrintWriter err = command.commandLine().getErr();
            err.println(Secrets.mask("attendees: --llm-save-profile: nothing was written to " + saveProfile + ": "
                    + designed.problem() + "; this run uses the built-in '" + designed.profile().id() + "' profile"));
            err.flush();
            return;
        }
        try {
            Files.writeString(saveProfile, EventProfiles.toJson(designed.profile()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigurationException("--llm-save-profile: cannot write " + saveProfile + ": " + e.getMessage(), e);
        }
    }

    /**
     * Profile mode: designs the event's profile (or reads it from the cache) into the builder that
     * {@link #configure} was given. Nothing in record mode or without {@code --llm}.
     */
    void designProfile() {
        if (design != null) {
            design.run();
        }
    }

    /** Options given that only record mode uses, by name (null when not given). */
    private List<String> recordOptions() {
        return Arrays.asList(concurrency != null ? "--llm-concurrency" : null, batchSize != null ? "--llm-batch-size" : null,
                checkpoint != null ? "--llm-checkpoint" : null);
    }

    /** Options given that only profile mode uses. */
    private List<String> profileOptions() {
        return Arrays.asList(cache != null ? "--llm-cache" : null, refresh ? "--llm-refresh" : null,
                saveProfile != null ? "--llm-save-profile" : null);
    }

    /** Options given that both modes use. */
    private List<String> sharedOptions() {
        return Arrays.asList(llmBaseUrl != null ? "--llm-base-url" : null, llmModel != null ? "--llm-model" : null,
                mode != null ? "--llm-mode" : null, timeoutSeconds != null ? "--llm-timeout" : null,
                maxAttempts != null ? "--llm-max-attempts" : null, requestsPerMinute != null ? "--llm-rpm" : null,
                price != null ? "--llm-price" : null, noSchema ? "--llm-no-schema" : null, noFallback ? "--llm-no-fallback" : null);
    }

    private static String first(List<String> options) {
        return options.stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** The run's output is safely written: the record mode's checkpoint is no longer needed. */
    void completed() {
        if (recordSource != null) {
            recordSource.complete();
        }
    }

    /**
     * The settings of a model that translates questions ({@code attendees query --llm}): the
     * provider, and optionally its base URL and model; the key from the environment.
     *
     * @throws ConfigurationException naming the option that is wrong
     */
    static LlmSettings questionSettings(String llm, String baseUrl, String model) {
        String provider = llm.toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider) || provider.equals("none")) {
            throw new ConfigurationException("--llm must be one of openai, anthropic, ollama, was '" + llm + "'");
        }
        LlmSettings.Builder b = LlmSettings.builder().provider(LlmProvider.fromName(provider)).environment(environment);
        if (baseUrl != null) {
            option("--llm-base-url", () -> b.baseUrl(baseUrl));
        }
        if (model != null) {
            option("--llm-model", () -> b.model(model));
        }
        LlmSettings[] built = new LlmSettings[1];
        option("--llm", () -> built[0] = b.build());
        return built[0];
    }

    private LlmSettings settings(LlmProvider provider) {
        LlmSettings.Builder b = LlmSettings.builder().provider(provider).environment(environment);
        if (llmBaseUrl != null) {
            option("--llm-base-url", () -> b.baseUrl(llmBaseUrl));
        }
        if (llmModel != null) {
            option("--llm-model", () -> b.model(llmModel));
        }
        if (concurrency != null) {
            option("--llm-concurrency", () -> b.concurrency(concurrency));
        }
        if (batchSize != null) {
            option("--llm-batch-size", () -> b.batchSize(batchSize));
        }
        if (timeoutSeconds != null) {
            if (timeoutSeconds < 1) {
                throw new ConfigurationException("--llm-timeout must be at least 1 second, was " + timeoutSeconds);
            }
            b.timeout(Duration.ofSeconds(timeoutSeconds));
        }
        if (maxAttempts != null) {
            option("--llm-max-attempts", () -> b.maxAttempts(maxAttempts));
        }
        if (requestsPerMinute != null) {
            option("--llm-rpm", () -> b.requestsPerMinute(requestsPerMinute));
        }
        if (price != null) {
            double[] prices = prices(price);
            option("--llm-price", () -> b.prices(prices[0], prices[1]));
        }
        b.structuredOutput(!noSchema).fallbackToOffline(!noFallback);
        return b.build();
    }

    /** {@code --llm-price IN,OUT}: exactly two numbers, neither empty. */
    private static double[] prices(String text) {
        List<String> items = GenerateCommand.items(text);
        if (items.size() == 2 && items.stream().noneMatch(String::isBlank)) {
            try {
                return new double[] {Double.parseDouble(items.get(0).strip()), Double.parseDouble(items.get(1).strip())};
            } catch (NumberFormatException e) {
                // Refused below.
            }
        }
        throw new ConfigurationException("--llm-price needs two numbers IN,OUT (dollars per million tokens), was '" + text + "'");
    }

    private static void option(String name, Runnable step) {
        try {
            step.run();
        } catch (ConfigurationException e) {
            throw new ConfigurationException(name + ": " + e.getMessage(), e);
        }
    }
}
