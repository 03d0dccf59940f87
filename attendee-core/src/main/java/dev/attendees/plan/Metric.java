package dev.attendees.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.attendees.ConfigurationException;
import java.util.Locale;

/** A number per attendee that a plan averages or takes the least or most of. */
public enum Metric {
    /** How many booths the attendee visited. */
    BOOTHS_VISITED("booths visited"),
    /** How many product interests the attendee has. */
    INTERESTS("interests"),
    /** The time of day the attendee arrived, in hours since midnight (9.5 is 09:30). */
    ARRIVAL_TIME("arrival time");

    private final String words;

    Metric(String words) {
        this.words = words;
    }

    /** The metric in words, for explanations. */
    public String words() {
        return words;
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Metric fromId(String id) {
        for (Metric m : values()) {
            if (m.id().equalsIgnoreCase(id == null ? "" : id.trim().replace('-', '_'))) {
                return m;
            }
        }
        throw new ConfigurationException("unknown metric '" + id + "'; expected booths_visited, interests or arrival_time");
    }
}
