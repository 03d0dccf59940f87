package dev.attendees.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.attendees.ConfigurationException;
import java.util.Locale;

/** What a plan computes. */
public enum Measure {
    /** The number of attendees (per group). */
    COUNT,
    /** The number of different values of {@link QueryPlan#distinct()} (per group). */
    COUNT_DISTINCT,
    /**
     * A percentage: of the attendees (in each group, or of all when the plan is not grouped) the share
     * that meets {@link QueryPlan#shareOf()}; with no such conditions, each group's share of all.
     */
    SHARE,
    /** The mean of {@link QueryPlan#metric()}. */
    AVERAGE,
    /** The least value of {@link QueryPlan#metric()}. */
    MINIMUM,
    /** The greatest value of {@link QueryPlan#metric()}. */
    MAXIMUM,
    /** The attendees themselves, one row each. */
    LIST;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Measure fromId(String id) {
        for (Measure m : values()) {
            if (m.id().equalsIgnoreCase(id == null ? "" : id.trim().replace('-', '_'))) {
                return m;
            }
        }
        throw new ConfigurationException("unknown measure '" + id
                + "'; expected count, count_distinct, share, average, minimum, maximum or list");
    }
}
