package dev.attendees.profile;

import dev.attendees.ConfigurationException;
import dev.attendees.internal.CompiledProfiles;
import dev.attendees.internal.Words;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds event profiles: the shipped ones by name, a user's own by path, and the right one for an
 * event name.
 *
 * <pre>{@code
 * EventProfile p = EventProfiles.builtIn("security");
 * EventProfile q = EventProfiles.load(Path.of("my-event.json"));
 * EventProfiles.inferId("RSA Conference 2026");   // Optional[security]
 * }</pre>
 */
public final class EventProfiles {

    /** The event type used when none is given and none is inferred from the event name. */
    public static final String DEFAULT_ID = "cloud-native";

    /** The shipped event types, in the order inference breaks ties. */
    public static final List<String> BUILT_IN_IDS =
            List.of("cloud-native", "security", "ai-ml", "data-analytics", "fintech", "healthcare-it");

    /** The shipped types' event-name keywords, read on first inference. */
    private static final class Keywords {
        static final Map<String, List<String>> BY_TYPE = CompiledProfiles.keywords();

        private Keywords() {}
    }

    private static final Map<String, EventProfile> BUILT_IN = new ConcurrentHashMap<>();

    private EventProfiles() {}

    /**
     * A shipped profile. The build validates the shipped files and compiles them; a run reads only
     * the profiles it asks for.
     *
     * @throws ConfigurationException for an unknown name, listing the known ones
     */
    public static EventProfile builtIn(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        if (!BUILT_IN_IDS.contains(key)) {
            throw new ConfigurationException("unknown event type '" + id + "'; expected one of "
                    + String.join(", ", BUILT_IN_IDS) + " or a profile file (--profile FILE)");
        }
        EventProfile profile = BUILT_IN.get(key);
        if (profile == null) {
            // Two threads may both read it; the first one kept serves both.
            EventProfile read = CompiledProfiles.read(key);
            profile = BUILT_IN.putIfAbsent(key, read);
            return profile != null ? profile : read;
        }
        return profile;
    }

    /** All shipped profiles, in {@link #BUILT_IN_IDS} order. */
    public static List<EventProfile> builtIns() {
        return BUILT_IN_IDS.stream().map(EventProfiles::builtIn).toList();
    }

    /**
     * Reads and validates a user's profile file: JSON, or YAML when the name ends in {@code .yaml}
     * or {@code .yml}; the schema of {@code docs/profiles.md} either way.
     *
     * @throws ConfigurationException naming the file and the field that is wrong
     */
    public static EventProfile load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ConfigurationException("profile file not found: " + file);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read profile file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and validates a profile from a stream (a class-path resource, say): YAML when
     * {@code source} ends in {@code .yaml} or {@code .yml}, else JSON. The stream is not closed.
     *
     * <pre>{@code
     * try (InputStream in = MyTest.class.getResourceAsStream("/profiles/devday.yaml")) {
     *     EventProfile devDay = EventProfiles.read(in, "profiles/devday.yaml");
     * }
     * }</pre>
     *
     * @param source the name for messages, whose extension picks the format
     * @throws ConfigurationException naming the source and the field that is wrong
     */
    public static EventProfile read(InputStream in, String source) {
        return ProfileFiles.read(in, source);
    }

    /**
     * Reads and validates a profile from JSON text.
     *
     * @param source a name for messages
     */
    public static EventProfile parse(String json, String source) {
        return ProfileFiles.parse(json, source);
    }

    /** Writes a profile as pretty JSON in the file schema. */
    public static String toJson(EventProfile profile) {
        return ProfileFiles.toJson(profile);
    }

    /** Writes a profile as YAML in the file schema. */
    public static String toYaml(EventProfile profile) {
        return ProfileFiles.toYaml(profile);
    }

    /**
     * The shipped event type whose keywords best match an event name: the longest matching keyword
     * wins, ties go to the earlier type in {@link #BUILT_IN_IDS}.
     *
     * <pre>{@code
     * inferId("KubeCon Europe")  // Optional[cloud-native]
     * inferId("NeurIPS 2026")    // Optional[ai-ml]
     * inferId("Family picnic")   // Optional.empty
     * }</pre>
     */
    public static Optional<String> inferId(String eventName) {
        if (eventName == null || eventName.isBlank()) {
            return Optional.empty();
        }
        String text = eventName.toLowerCase(Locale.ROOT);
        String best = null;
        int bestLength = 0;
        for (String id : BUILT_IN_IDS) {
            for (String keyword : Keywords.BY_TYPE.get(id)) {
                if (keyword.length() > bestLength && Words.containsWord(text, keyword.toLowerCase(Locale.ROOT))) {
                    best = id;
                    bestLength = keyword.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }
}
