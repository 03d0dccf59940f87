package dev.attendees.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attendees.AttendeeException;
import dev.attendees.AttendeeGenerator;
import dev.attendees.GenerationOptions;
import java.util.Objects;

/**
 * What a store records about a run before it starts: the row of {@code generation_runs} that a
 * sink fills in with counts and ids on commit. {@link #of(AttendeeGenerator)} describes a
 * generator's run.
 *
 * <pre>{@code
 * try (AttendeeSink sink = store.sink(RunInfo.of(generator))) {   // or simply store.sink(generator)
 *     generator.writeTo(sink, 10_000);
 * }
 * store.sink(new RunInfo(RunKind.GENERATE, "my own writer", null, null, "Acme Days", null, "{}"));
 * }</pre>
 *
 * @param kind generation or import
 * @param description a short description
 * @param seed the seed, or {@code null}
 * @param dataVersion the data version, or {@code null}
 * @param eventName the event's name, or {@code null}
 * @param eventType the event type, or {@code null}
 * @param options the options as a JSON object
 */
public record RunInfo(RunKind kind, String description, Long seed, Integer dataVersion, String eventName,
        String eventType, String options) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunInfo {
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
        options = options == null || options.isBlank() ? "{}" : options;
    }

    /** The run of {@code generator}: its source, seed, data version, event and every option. */
    public static RunInfo of(AttendeeGenerator generator) {
        GenerationOptions o = generator.options();
        ObjectNode json = JSON.createObjectNode();
        json.put("source", generator.source().name());
        json.put("event_name", o.eventName());
        json.put("event_type", o.profile().id());
        json.put("seed", o.seed());
        json.put("data_version", AttendeeGenerator.DATA_VERSION);
        json.put("corporate_ratio", o.corporateRatio());
        o.interests().forEach(json.putArray("interests")::add);
        o.booths().forEach(json.putArray("booths")::add);
        json.put("from", o.from().toString());
        json.put("to", o.to().toString());
        json.put("daily_open", o.dailyOpen().toString());
        json.put("daily_close", o.dailyClose().toString());
        ObjectNode locales = json.putObject("locales");
        o.locales().forEach(locales::put);
        json.put("undeliverable_emails", o.undeliverableEmails());
        try {
            return new RunInfo(RunKind.GENERATE, generator.source().name(), o.seed(), AttendeeGenerator.DATA_VERSION,
                    o.eventName(), o.profile().id(), JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new AttendeeException("cannot describe the run: " + e.getMessage(), e);
        }
    }
}
