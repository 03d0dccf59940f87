package dev.attendees.export;

import dev.attendees.Attendee;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads attendees from a file, one at a time, in constant memory. A value that breaks the contract
 * (a bad timestamp, an unknown industry, a missing name) throws an
 * {@link dev.attendees.InputException} naming the file, the line and the field.
 *
 * <pre>{@code
 * try (AttendeeReader reader = AttendeeFormat.read(Path.of("attendees.csv"))) {
 *     long fromStartups = reader.stream().filter(a -> a.companySize() == CompanySize.STARTUP).count();
 * }
 * }</pre>
 */
public interface AttendeeReader extends Iterator<Attendee>, AutoCloseable {

    /** The line where the attendee last returned by {@link #next()} starts (1-based). */
    long line();

    /** The remaining attendees as a sequential stream. */
    default Stream<Attendee> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    void close();
}
