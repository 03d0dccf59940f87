package dev.attendees.spi;

import dev.attendees.Attendee;
import dev.attendees.ConfigurationException;
import dev.attendees.store.UniqueEmails;
import java.util.ArrayList;
import java.util.List;

/**
 * A destination in memory whose sinks behave as a store's do: each commit adds a run, numbered on
 * from the largest id there; addresses are kept unique against what the destination and the run
 * hold ({@link UniqueEmails}); ids below 1 are refused, the whole batch with them. For testing
 * {@link AttendeeSink#allOf} beside a file without a database.
 */
final class MemoryDestination {
    private final List<Attendee> committed = new ArrayList<>();
    private List<Attendee> lastRun;
    private long lastRenamed;
    private RuntimeException nextCommitFailure;

    /** Everything committed, in order. */
    synchronized List<Attendee> committed() {
        return List.copyOf(committed);
    }

    /** The attendees of the last committed run with the ids they were written with, or {@code null} before any. */
    synchronized List<Attendee> lastRun() {
        return lastRun;
    }

    /** How many attendees of the last committed run were given another address. */
    synchronized long lastRenamed() {
        return lastRenamed;
    }

    /** Makes the next commit throw {@code failure} and keep nothing. */
    synchronized void failNextCommit(RuntimeException failure) {
        nextCommitFailure = failure;
    }

    AttendeeSink sink() {
        return new Sink();
    }

    private final class Sink implements AttendeeSink {
        private final UniqueEmails emails = new UniqueEmails();
        private final List<Attendee> written = new ArrayList<>();
        private final long offset;
        private List<Attendee> admitted;
        private boolean closed;

        Sink() {
            synchronized (MemoryDestination.this) {
                committed.forEach(a -> emails.take(a.email()));
                offset = committed.stream().mapToLong(Attendee::id).max().orElse(0);
            }
        }

        @Override
        public List<Attendee> admit(List<Attendee> batch) {
            ensureOpen();
            admitted = emails.admit(batch);
            return admitted;
        }

        @Override
        public void write(List<Attendee> batch) {
            ensureOpen();
            List<Attendee> out = batch == admitted ? batch : admit(batch);
            admitted = null;
            for (Attendee a : out) {
                if (a.id() < 1) {
                    throw new ConfigurationException("attendee ids must be at least 1, was " + a.id());
                }
            }
            written.addAll(out);
        }

        @Override
        public void commit() {
            ensureOpen();
            try {
                synchronized (MemoryDestination.this) {
                    if (nextCommitFailure != null) {
                        RuntimeException failure = nextCommitFailure;
                        nextCommitFailure = null;
                        throw failure;
                    }
                    written.forEach(a -> committed.add(a.withId(offset + a.id())));
                    lastRun = List.copyOf(written);
                    lastRenamed = emails.adjusted();
                }
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            closed = true;
        }

        private void ensureOpen() {
            if (closed) {
                throw new IllegalStateException("sink is closed");
            }
        }
    }
}
