package dev.attendees.spi;

import dev.attendees.Attendee;
import java.util.List;

/**
 * Writes attendee records. The default is the offline engine; {@code attendee-llm} adds sources
 * that ask a language model. A source is made for one {@link dev.attendees.GenerationOptions} by a
 * {@link RecordSourceFactory}.
 *
 * <pre>{@code
 * RecordSource source = generator.source();
 * List<Attendee> first100 = source.generate(0, 100);   // ids 1..100
 * }</pre>
 */
public interface RecordSource extends AutoCloseable {

    /**
     * The attendees with 0-based indices {@code [from, to)}, so ids {@code from + 1 .. to}, in
     * order. Must return exactly {@code to - from} valid attendees (none for {@code from == to}).
     *
     * @throws dev.attendees.ConfigurationException when {@code from < 0} or {@code to < from}
     */
    List<Attendee> generate(long from, long to);

    /**
     * Whether {@link #generate} is a pure function of its arguments (and the options): then any
     * slice can be made independently, in parallel, and gives the same attendees as the whole.
     * Sources that are not pure (an LLM) are called once, in order, on one thread.
     */
    default boolean pure() {
        return true;
    }

    /** A short name for summaries and logs, e.g. {@code offline}. */
    String name();

    /**
     * What the source did so far, for the run's summary: records by origin (when some came from a
     * fallback) and notes such as token usage. Nothing by default.
     */
    default ProviderReport report() {
        return ProviderReport.EMPTY;
    }

    /** Releases what the source holds (HTTP clients, threads); nothing by default. */
    @Override
    default void close() {}
}
