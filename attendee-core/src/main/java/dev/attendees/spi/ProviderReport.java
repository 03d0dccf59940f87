package dev.attendees.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a provider did during a run, for the run's summary: how many items came from where, and
 * short notes. An LLM source that fell back for some batches reports
 * {@code {openai=980, offline=20}} and a note on tokens and cost; an image provider reports
 * {@code {unsplash=990, avatar=10}}.
 *
 * <pre>{@code
 * new ProviderReport(Map.of("openai", 980L, "offline", 20L), List.of("tokens: 412,004 in, 96,310 out"));
 * }</pre>
 *
 * @param origins counts by origin, in the provider's order; empty when everything came from the
 *     provider itself
 * @param notes one-line notes (token usage, estimated cost, waits for rate limits ...)
 */
public record ProviderReport(Map<String, Long> origins, List<String> notes) {

    /** Nothing to report. */
    public static final ProviderReport EMPTY = new ProviderReport(Map.of(), List.of());

    public ProviderReport {
        origins = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(origins, "origins")));
        notes = List.copyOf(notes);
    }
}
