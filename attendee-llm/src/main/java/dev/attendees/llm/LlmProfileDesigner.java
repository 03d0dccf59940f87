package dev.attendees.llm;

import dev.attendees.ConfigurationException;
import dev.attendees.ProviderException;
import dev.attendees.llm.internal.Escape;
import dev.attendees.llm.internal.JsonExtractor;
import dev.attendees.llm.internal.LlmClient;
import dev.attendees.llm.internal.ProfileMapper;
import dev.attendees.llm.internal.Prompts;
import dev.attendees.llm.internal.ReportingSource;
import dev.attendees.llm.internal.Vocabulary;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import dev.attendees.spi.ProviderReport;
import dev.attendees.spi.RecordSourceFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profile mode: a language model designs a whole {@link EventProfile} for any event name or
 * description (companies with domains, industries and sizes, the job-title mix, the interest
 * catalogue, booths, the arrival curve). The design is repaired where it has one obvious repair,
 * validated like any profile file, and cached on disk, so the offline engine then makes any number
 * of attendees from it at full speed: a million LLM-quality attendees for one call.
 *
 * <pre>{@code
 * try (LlmProfileDesigner designer = LlmProfileDesigner.builder()
 *         .settings(LlmSettings.builder().provider(LlmProvider.ANTHROPIC).build())   // ANTHROPIC_API_KEY
 *         .build()) {
 *     EventProfile profile = designer.design("Rural Veterinary Expo 2027, Des Moines");
 *     AttendeeGenerator generator = AttendeeGenerator.builder()
 *             .event("Rural Veterinary Expo 2027")
 *             .profile(profile)
 *             .source(designer.source())        // the offline engine, reporting the design's cost
 *             .build();
 *     generator.generate(100_000);
 * }
 * }</pre>
 */
public final class LlmProfileDesigner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LlmProfileDesigner.class);

    /**
     * Where designed profiles are cached when no folder is given: {@code $ATTENDEES_CACHE_DIR/profiles}
     * if that variable is set, else {@code ~/.cache/attendees/profiles}.
     */
    public static final String DEFAULT_CACHE_FOLDER = "~/.cache/attendees/profiles";

    /** Output tokens one design may use: {@value}. */
    public static final int MAX_OUTPUT_TOKENS = 16_000;

    private final LlmSettings settings;
    private final Path cacheDirectory;
    private final boolean refresh;
    private final LlmClient client;
    private final List<String> notes = new ArrayList<>();

    private LlmProfileDesigner(Builder b) {
        this.settings = b.settings;
        this.cacheDirectory = b.cacheDirectory;
        this.refresh = b.refresh;
        this.client = new LlmClient(settings, "llm-profile");
    }

    /** A builder; {@link Builder#settings(LlmSettings)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The profile of an event: from the cache when this provider, model and endpoint designed it
     * before, else asked for (and asked again, with the reason, when the design is unusable). With
     * fallback on and no usable design, the built-in profile the event's name suggests;
     * {@link #designFor} tells the two apart.
     *
     * @param event the event's name or a description, e.g. {@code "PyCon US 2027, Pittsburgh"}
     * @throws ProviderException when the provider rejects the key, model or request, or (with
     *     fallback off) gives no usable design
     */
    public EventProfile design(String event) {
        return designFor(event).profile();
    }

    /**
     * Like {@link #design}, saying where the profile came from: the model now, the cache, or (no
     * design was usable, fallback on) a built-in profile, with the reason.
     *
     * <pre>{@code
     * ProfileDesign design = designer.designFor("PyCon US 2027");
     * design.byModel();   // false when the built-in profile stands in; design.problem() says why
     * }</pre>
     *
     * @throws ProviderException as {@link #design} does
     */
    public synchronized ProfileDesign designFor(String event) {
        if (event == null || event.isBlank()) {
            throw new ConfigurationException("profile mode needs an event name or description (--event)");
        }
        String text = event.strip();
        String id = Prompts.slug(text);
        Path cached = cacheDirectory == null ? null : cacheDirectory.resolve(id + "-" + key(text).substring(0, 16) + ".json");
        if (cached != null && !refresh && Files.isRegularFile(cached)) {
            try {
                EventProfile profile = EventProfiles.load(cached);
                notes.add("profile '" + id + "' designed earlier by " + settings.describe() + ", from the cache " + cached);
                return new ProfileDesign(profile, ProfileDesign.Origin.CACHE, "");
            } catch (ConfigurationException e) {
                LOG.warn("ignoring an unusable cached profile: {}", e.getMessage());
            }
        }
        String problem = null;
        for (int attempt = 1; attempt <= settings.batchAttempts(); attempt++) {
            LlmClient.Reply reply;
            try {
                reply = client.ask(Prompts.PROFILE_SYSTEM, Prompts.profileUser(text, problem), Prompts.profileSchema(),
                        MAX_OUTPUT_TOKENS, 0.7);
            } catch (ProviderException e) {
                if (!e.retriable()) {
                    throw e;
                }
                problem = e.getMessage();
                break;
            }
            try {
                EventProfile profile = ProfileMapper.toProfile(JsonExtractor.document(reply.text()), id, text,
                        "the profile " + settings.provider().id() + " designed");
                store(cached, profile);
                notes.add("profile '" + id + "' designed by " + settings.describe() + " in " + client.calls() + " call"
                        + (client.calls() == 1 ? "" : "s") + (cached == null ? "" : ", cached in " + cached));
                return new ProfileDesign(profile, ProfileDesign.Origin.MODEL, "");
            } catch (ConfigurationException e) {
                problem = e.getMessage();
                LOG.debug("profile design {} rejected: {}", attempt, Escape.oneLine(problem));
            }
        }
        if (!settings.fallbackToOffline()) {
            throw new ProviderException(settings.describe() + " gave no usable profile for '" + Escape.oneLine(text)
                    + "' in " + settings.batchAttempts() + " tries: " + Escape.oneLine(problem), true);
        }
        String builtIn = EventProfiles.inferId(text).orElse(EventProfiles.DEFAULT_ID);
        String why = "no usable profile from " + settings.describe() + " (" + Escape.oneLine(problem) + ")";
        notes.add(why + ": using the built-in '" + builtIn + "' profile");
        return new ProfileDesign(EventProfiles.builtIn(builtIn), ProfileDesign.Origin.BUILT_IN, why);
    }

    /**
     * A record source factory for a generator using the designed profile: the offline engine, whose
     * {@code report()} carries this designer's notes (design, cache, tokens and cost).
     */
    public RecordSourceFactory source() {
        return options -> new ReportingSource(RecordSourceFactory.offline().create(options), this::report);
    }

    /** Notes on what was designed or read from the cache, tokens and the estimated cost. */
    public synchronized ProviderReport report() {
        List<String> all = new ArrayList<>(notes);
        if (client.calls() > 0) {
            all.add(client.usageNote());
        }
        return new ProviderReport(Map.of(), all);
    }

    /** HTTP calls made so far. */
    public long calls() {
        return client.calls();
    }

    /** Nothing to release but kept for symmetry with record sources; calls in flight finish. */
    @Override
    public void close() {}

    private String key(String event) {
        String text = settings.provider().id() + "\n" + settings.model() + "\n" + settings.baseUrl() + "\n" + event;
        return Vocabulary.sha256(text);
    }

    private static void store(Path file, EventProfile profile) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            Files.writeString(tmp, EventProfiles.toJson(profile), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("cannot cache the designed profile in {}: {}", file, e.getMessage());
        }
    }

    /** The default cache folder, resolved against the environment and the home folder. */
    public static Path defaultCacheDirectory(java.util.function.Function<String, String> environment) {
        String dir = environment.apply("ATTENDEES_CACHE_DIR");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir.strip(), "profiles");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "attendees", "profiles");
    }

    /** Configures an {@link LlmProfileDesigner}. */
    public static final class Builder {
        private LlmSettings settings;
        private Path cacheDirectory = defaultCacheDirectory(System::getenv);
        private boolean refresh;

        private Builder() {}

        /** Provider, model and limits. Required. */
        public Builder settings(LlmSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /** The cache folder ({@value LlmProfileDesigner#DEFAULT_CACHE_FOLDER} by default), or {@code null} for no cache. */
        public Builder cacheDirectory(Path folder) {
            this.cacheDirectory = folder;
            return this;
        }

        /** Whether to design again even when the cache has the profile; off by default. */
        public Builder refresh(boolean on) {
            this.refresh = on;
            return this;
        }

        /** The designer. */
        public LlmProfileDesigner build() {
            if (settings == null) {
                throw new ConfigurationException("LlmProfileDesigner needs settings(...)");
            }
            return new LlmProfileDesigner(this);
        }
    }

    @Override
    public String toString() {
        return "LlmProfileDesigner[" + settings.describe() + ", cache " + (cacheDirectory == null ? "off" : cacheDirectory)
                + String.format(Locale.ROOT, "%s]", refresh ? ", refresh" : "");
    }
}
