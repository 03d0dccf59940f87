package dev.attendees;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run made: how many attendees, from which source, in how long, and what the providers
 * report (records and images by origin, notes such as token usage).
 *
 * @param count attendees written
 * @param source the record source's name
 * @param seed the seed
 * @param eventType the event type (profile id)
 * @param dataVersion {@link AttendeeGenerator#DATA_VERSION} of the engine that made them
 * @param elapsed wall time of the run
 * @param recordOrigins records by origin when some came from a fallback ({@code {openai=980,
 *     offline=20}}); empty when all came from {@code source}
 * @param imageOrigins images by origin ({@code {unsplash=990, avatar=10}}); empty without images
 * @param notes the providers' one-line notes
 */
public record GenerationSummary(
        long count,
        String source,
        long seed,
        String eventType,
        int dataVersion,
        Duration elapsed,
        Map<String, Long> recordOrigins,
        Map<String, Long> imageOrigins,
        List<String> notes) {

    public GenerationSummary {
        recordOrigins = Collections.unmodifiableMap(new LinkedHashMap<>(recordOrigins));
        imageOrigins = Collections.unmodifiableMap(new LinkedHashMap<>(imageOrigins));
        notes = List.copyOf(notes);
    }

    /** A summary with nothing from the providers. */
    public GenerationSummary(long count, String source, long seed, String eventType, int dataVersion, Duration elapsed) {
        this(count, source, seed, eventType, dataVersion, elapsed, Map.of(), Map.of(), List.of());
    }

    /** Attendees per second. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? count : count / seconds;
    }
}
