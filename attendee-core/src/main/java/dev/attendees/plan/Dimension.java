package dev.attendees.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.attendees.ConfigurationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a plan groups by, filters on, or counts distinct values of. */
public enum Dimension {
    COMPANY("company"),
    INDUSTRY("industry"),
    COMPANY_SIZE("company size"),
    JOB_TITLE("job title"),
    EVENT("event"),
    /** One product interest (an attendee with three counts once for each). */
    INTEREST("interest"),
    /** One booth visited. */
    BOOTH("booth"),
    /** The day of arrival, {@code YYYY-MM-DD}. */
    ARRIVAL_DAY("arrival day"),
    /** The hour of arrival, {@code 00} to {@code 23}. */
    ARRIVAL_HOUR("arrival hour"),
    /** The domain of the e-mail address, lower case. */
    EMAIL_DOMAIN("e-mail domain"),
    /** {@code personal} (a free-mail domain such as gmail.com) or {@code corporate}. */
    EMAIL_KIND("e-mail kind"),
    NAME("name"),
    /** How many booths an attendee visited, {@code 0} up: for distributions ("how many attendees visited 0, 1, 2 ... booths"). */
    BOOTH_COUNT("number of booths visited"),
    /** How many product interests an attendee has. */
    INTEREST_COUNT("number of interests");

    private final String words;

    Dimension(String words) {
        this.words = words;
    }

    /** The dimension in words, for explanations: {@code company size}. */
    public String words() {
        return words;
    }

    /** Whether the dimension is one of an attendee's list items (interests, booths). */
    public boolean isList() {
        return this == INTEREST || this == BOOTH;
    }

    /** Whether the dimension is a count per attendee ({@link #BOOTH_COUNT}, {@link #INTEREST_COUNT}), grouped in numeric order. */
    public boolean isCount() {
        return this == BOOTH_COUNT || this == INTEREST_COUNT;
    }

    /** The plan-file spelling: {@code company_size}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code company_size} (case-insensitive, {@code -} for {@code _} too). */
    @JsonCreator
    public static Dimension fromId(String id) {
        for (Dimension d : values()) {
            if (d.id().equalsIgnoreCase(id == null ? "" : id.trim().replace('-', '_'))) {
                return d;
            }
        }
        throw new ConfigurationException("unknown dimension '" + id + "'; expected one of "
                + Arrays.stream(values()).map(Dimension::id).collect(Collectors.joining(", ")));
    }
}
