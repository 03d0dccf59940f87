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
import java.util.Locale;

/**
 * Profile files, JSON or YAML, read and written with Jackson. Apart from {@link EventProfiles}, so
 * that finding a shipped profile (compiled at build time, {@code dev.attendees.internal.CompiledProfiles})
 * loads no Jackson class: only a run that reads or writes a profile file of its own does.
 */
final class ProfileFiles {

    private static final ObjectMapper JSON = JsonMapper.builder()
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

    private ProfileFiles() {}

    /** See {@link EventProfiles#read(InputStream, String)}. */
    static EventProfile read(InputStream in, String source) {
        String name = source.toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
        try {
            return parse(mapper, in, source);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read profile " + source + ": " + e.getMessage(), e);
        }
    }

    /** See {@link EventProfiles#parse(String, String)}. */
    static EventProfile parse(String json, String source) {
        try {
            return JSON.readValue(json, EventProfile.class).validate(source);
        } catch (JsonMappingException e) {
            throw mappingError(source, e);
        } catch (JsonProcessingException e) {
            throw new ConfigurationException(source + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String toJson(EventProfile profile) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String toYaml(EventProfile profile) {
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
}
