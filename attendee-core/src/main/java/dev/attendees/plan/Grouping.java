package dev.attendees.plan;

import dev.attendees.ConfigurationException;
import java.util.List;

/**
 * A dimension a plan groups by, with the values to keep when only some are compared
 * ({@code startups vs enterprises}: company size, only Startup and Enterprise); empty keeps all.
 */
public record Grouping(Dimension dimension, List<String> only) {
    public Grouping {
        only = only == null ? List.of() : List.copyOf(only);
    }

    /** Every value of {@code dimension}. */
    public static Grouping by(Dimension dimension) {
        return new Grouping(dimension, List.of());
    }

    void validate() {
        if (dimension == null || dimension == Dimension.NAME) {
            throw new ConfigurationException("query plan: cannot group by " + (dimension == null ? "nothing" : dimension.id()));
        }
        if (dimension.isCount() && only.stream().anyMatch(v -> !v.matches("\\d{1,4}"))) {
            throw new ConfigurationException("query plan: " + dimension.id() + " compares counts (0, 1, 2 ...), was " + only);
        }
    }
}
