package dev.attendees.spi;

import dev.attendees.Attendee;
import java.util.List;

/**
 * Receives generated attendees in order, batch by batch, and makes them visible all at once on
 * {@link #commit()}. Closing without a commit discards everything written (a file sink leaves no
 * file under the requested name; a database sink rolls back).
 *
 * <pre>{@code
 * try (AttendeeSink sink = AttendeeFormat.CSV.open(Path.of("out.csv"))) {
 *     generator.writeTo(sink, 1_000);   // commits on success
 * }
 * }</pre>
 */
public interface AttendeeSink extends AutoCloseable {

    /** Writes one batch, in order after the previous one. */
    void write(List<Attendee> batch);

    /** Makes everything written visible. */
    void commit();

    /** Releases resources; discards what was written unless committed. */
    @Override
    void close();
}
