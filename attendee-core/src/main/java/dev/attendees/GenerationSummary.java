package dev.attendees;

import java.time.Duration;

/**
 * What a run made: how many attendees, from which source, in how long.
 *
 * @param count attendees written
 * @param source the record source's name
 * @param seed the seed
 * @param eventType the event type (profile id)
 * @param dataVersion {@link AttendeeGenerator#DATA_VERSION} of the engine that made them
 * @param elapsed wall time of the run
 */
public record GenerationSummary(long count, String source, long seed, String eventType, int dataVersion, Duration elapsed) {

    /** Attendees per second. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? count : count / seconds;
    }
}
