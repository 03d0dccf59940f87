package dev.attendees.spi;

import dev.attendees.Attendee;
import java.util.ArrayList;
import java.util.List;

/**
 * Receives generated attendees in order, batch by batch, and makes them visible all at once on
 * {@link #commit()}. Closing without a commit discards everything written (a file sink leaves no
 * file under the requested name; a database sink rolls back).
 *
 * <p>What a sink takes, its destination gives back unchanged: an attendee it could not write so is
 * refused, with its whole batch, by a {@link dev.attendees.ConfigurationException}, and the sink
 * stays usable. {@link #commit()} and {@link #close()} end a sink: it then refuses writes and
 * commits with an {@link IllegalStateException}, and closing it again does nothing.
 * {@code AbstractAttendeeSinkContractTest} in core's test-jar checks all of this for an
 * implementation.
 *
 * <pre>{@code
 * try (AttendeeSink sink = AttendeeFormat.CSV.open(Path.of("out.csv"))) {
 *     generator.writeTo(sink, 1_000);   // commits on success
 * }
 * }</pre>
 */
public interface AttendeeSink extends AutoCloseable {

    /**
     * Writes one batch, in order after the previous one.
     *
     * @throws dev.attendees.ConfigurationException when the batch holds an attendee this sink could
     *     not give back as it is; none of the batch is written
     * @throws IllegalStateException after {@link #commit()} or {@link #close()}
     */
    void write(List<Attendee> batch);

    /**
     * The batch as this sink will write it: the same attendees, except that a sink may give some
     * of them another e-mail address, the next free one of its family (a store that holds the
     * address already; see {@link dev.attendees.store.UniqueEmails}). Most sinks return the batch
     * itself. A sink's {@link #write} admits a batch first unless it is what this sink's last
     * {@code admit} returned; {@link #allOf} admits a batch through every sink, then writes the
     * result to each, so that all of them write the same attendees.
     */
    default List<Attendee> admit(List<Attendee> batch) {
        return batch;
    }

    /**
     * Makes everything written visible, and ends the sink.
     *
     * @throws IllegalStateException after {@link #commit()} or {@link #close()}
     */
    void commit();

    /** Releases resources; discards what was written unless committed. May be called again. */
    @Override
    void close();

    /**
     * One sink that writes every batch to each of {@code sinks} in order, commits them in order
     * and closes them all. Put the sink most likely to fail at commit (a database) first, and a
     * file sink last: a failure before the file's commit leaves no file.
     *
     * <pre>{@code
     * try (AttendeeSink both = AttendeeSink.allOf(store.sink(run), AttendeeFormat.CSV.open(csv))) {
     *     generator.writeTo(both, 10_000);
     * }
     * }</pre>
     */
    static AttendeeSink allOf(AttendeeSink... sinks) {
        List<AttendeeSink> all = List.of(sinks);
        if (all.size() == 1) {
            return all.get(0);
        }
        return new AttendeeSink() {
            private List<Attendee> admitted;

            @Override
            public List<Attendee> admit(List<Attendee> batch) {
                List<Attendee> out = batch;
                for (AttendeeSink s : all) {
                    out = s.admit(out);
                }
                admitted = out;
                return out;
            }

            @Override
            public void write(List<Attendee> batch) {
                List<Attendee> out = batch == admitted ? batch : admit(batch);
                admitted = null;
                for (AttendeeSink s : all) {
                    s.write(out);
                }
            }

            @Override
            public void commit() {
                for (AttendeeSink s : all) {
                    s.commit();
                }
            }

            @Override
            public void close() {
                List<RuntimeException> failures = new ArrayList<>();
                for (AttendeeSink s : all) {
                    try {
                        s.close();
                    } catch (RuntimeException e) {
                        failures.add(e);
                    }
                }
                if (!failures.isEmpty()) {
                    RuntimeException first = failures.get(0);
                    failures.subList(1, failures.size()).forEach(first::addSuppressed);
                    throw first;
                }
            }
        };
    }
}
