package dev.attendees.plan;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The values a store holds, per dimension (its companies, job titles, interests, booths, events,
 * industries, sizes): what a translator grounds a question's words in, so that a plan names only
 * values that exist. Read once per store and reused; {@link #EMPTY} knows none.
 *
 * @param values distinct values per dimension, as stored
 */
public record Vocabulary(Map<Dimension, List<String>> values) {
    /** No values at all. */
    public static final Vocabulary EMPTY = new Vocabulary(Map.of());

    public Vocabulary {
        Map<Dimension, List<String>> copy = new EnumMap<>(Dimension.class);
        if (values != null) {
            values.forEach((d, v) -> copy.put(d, List.copyOf(v)));
        }
        values = java.util.Collections.unmodifiableMap(copy);
    }

    /** The values of one dimension (empty when none are known). */
    public List<String> of(Dimension dimension) {
        return values.getOrDefault(dimension, List.of());
    }
}
