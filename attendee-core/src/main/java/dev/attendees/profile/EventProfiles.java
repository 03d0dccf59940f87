package dev.attendees.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.attendees.ConfigurationException;
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
import java.util.regex.Pattern;

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

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** The same schema written as YAML ({@code .yaml} or {@code .yml} files). */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private static final Map<String, EventProfile> BUILT_IN = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> KEYWORD_PATTERNS = new ConcurrentHashMap<>();

    private EventProfiles() {}

    /**
     * A shipped profile.
     *
     * @throws ConfigurationException for an unknown name, listing the known ones
     */
    public static EventProfile builtIn(String id) {
        String key = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        if (!BUILT_IN_IDS.contains(key)) {
            throw new ConfigurationException("unknown event type '" + id + "'; expected one of "
                    + String.join(", ", BUILT_IN_IDS) + " or a profile file (--profile FILE)");
        }
        return BUILT_IN.computeIfAbsent(key, EventProfiles::readBuiltIn);
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
        String name = source.toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : MAPPER;
        try {
            return parse(mapper, in, source);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read profile " + source + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and validates a profile from JSON text.
     *
     * @param source a name for messages
     */
    public static EventProfile parse(String json, String source) {
        try {
            return MAPPER.readValue(json, EventProfile.class).validate(source);
        } catch (JsonMappingException e) {
            throw mappingError(source, e);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes a profile as pretty JSON in the file schema. */
    public static String toJson(EventProfile profile) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a profile as YAML in the file schema. */
    public static String toYaml(EventProfile profile) {
        try {
            return YAML.writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventProfile parse(ObjectMapper mapper, InputStream in, String source) throws IOException {
        try {
            return mapper.readValue(in, EventProfile.class).validate(source);
        } catch (JsonMappingException e) {
            throw mappingError(source, e);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException(source + ": not valid " + (mapper == YAML ? "YAML" : "JSON") + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static ConfigurationException mappingError(String source, JsonMappingException e) {
        if (e.getCause() instanceof ConfigurationException ce) {
            return new ConfigurationException(source + ": " + path(e) + ": " + ce.getMessage(), ce);
        }
        return new ConfigurationException(source + ": " + path(e) + ": " + e.getOriginalMessage(), e);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(document)" : sb.toString();
    }

    private static EventProfile readBuiltIn(String id) {
        String resource = "/dev/attendees/profiles/" + id + ".json";
        try (InputStream in = EventProfiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped profile missing from the jar: " + resource);
            }
            return parse(MAPPER, in, resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
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
        for (EventProfile profile : builtIns()) {
            for (String keyword : profile.eventNameKeywords()) {
                if (keyword.length() > bestLength && matches(text, keyword)) {
                    best = profile.id();
                    bestLength = keyword.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean matches(String text, String keyword) {
        Pattern p = KEYWORD_PATTERNS.computeIfAbsent(keyword,
                k -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(k.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])"));
        return p.matcher(text).find();
    }
}
