package dev.attendees.sql.internal;

import dev.attendees.Attendee;
import dev.attendees.AttendeeException;
import dev.attendees.ConfigurationException;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.store.GenerationRun;
import dev.attendees.store.RunInfo;
import dev.attendees.store.UniqueEmails;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams attendees into the store in one transaction: batched inserts, derived tables filled
 * set-based on commit, the run recorded, then one commit. Closing without a commit rolls
 * everything back. An attendee whose e-mail address the store holds already (from an earlier run,
 * or earlier in this one) is written with the next free address of its family ({@link UniqueEmails}),
 * and counted as renamed.
 *
 * <p>Two threads share the work: the caller's prepares each batch ({@link BoundRow}: lists
 * joined, timestamps formatted, derived rows noted), a thread of the sink's own binds and sends
 * it, at most {@value #IN_FLIGHT} batches behind. Memory stays bounded: those batches, and what
 * the bulk write holds for the derived tables.
 */
public final class StoreSink implements AttendeeSink {

    /** Prepared batches waiting for, or being sent by, the writing thread, at most: {@value}. */
    static final int IN_FLIGHT = 2;

    private final Database database;
    private final Runs runs;
    private final RunInfo run;
    private final Instant started = Instant.now();
    private final Connection connection;
    private final BulkStrategy.Bulk bulk;
    private final BulkWriter writer;
    private final long offset;
    /** Every address in the store and in this run so far. */
    private final UniqueEmails emails = new UniqueEmails();
    /** What the last {@link #admit} returned: {@link #write} does not admit it again. */
    private List<Attendee> admitted;
    private final ExecutorService writing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "attendees-sql-writer");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Future<?>> inFlight = new ArrayDeque<>();
    private GenerationRun committedRun;
    private boolean closed;
    /** Why a write failed after it had started to note rows; then the sink can only be closed. */
    private String failed;

    /**
     * Opens a sink for {@code run}: takes the write lock, reads the largest id and the stored
     * addresses, and starts the bulk write; {@link #commit} records the run in {@code runs}.
     */
    public StoreSink(Database database, Runs runs, RunInfo run) {
        this.database = database;
        this.runs = runs;
        this.run = run;
        Connection c = null;
        BulkStrategy.Bulk started = null;
        try {
            c = database.connection();
            c.setAutoCommit(false);
            database.dialect().bulk().lockForWrite(c);
            long maxId = Runs.maxId(c);
            this.offset = Runs.lastId(c, maxId);
            if (maxId > 0) {
                StoredEmails.takeInto(c, emails, null);
            }
            started = database.dialect().bulk().begin(c, maxId, false);
            this.bulk = started;
            this.writer = new BulkWriter(c, database.dialect(), bulk);
            this.connection = c;
        } catch (SQLException | RuntimeException e) {
            writing.shutdown();
            if (c != null) {
                Database.rollbackQuietly(c);
                if (started != null) {
                    try {
                        c.setAutoCommit(true);
                    } catch (SQLException ignored) {
                        // The pool resets it.
                    }
                    started.ended();
                }
                closeQuietly(c);
            }
            throw Errors.of(e, "write attendees", database.location());
        }
    }

    @Override
    public synchronized List<Attendee> admit(List<Attendee> batch) {
        ensureOpen();
        admitted = emails.admit(batch);
        return admitted;
    }

    @Override
    public synchronized void write(List<Attendee> batch) {
        ensureOpen();
        if (failed != null) {
            throw new AttendeeException("an earlier write to this sink failed (" + failed + "); close it");
        }
        if (batch != admitted) {
            batch = admit(batch);
        }
        admitted = null;
        // The whole batch is checked before any of it is noted: a bad batch leaves the sink as it was.
        List<BoundRow> rows = new ArrayList<>(batch.size());
        long[] ids = new long[batch.size()];
        for (Attendee a : batch) {
            if (a.id() < 1) {
                throw new ConfigurationException("attendee ids must be at least 1, was " + a.id() + " for " + a.email());
            }
            storable(a);
            ids[rows.size()] = Runs.idAfter(offset, a.id());
            rows.add(BoundRow.of(a, database.dialect().sql()));
        }
        boolean flushHeld = false;
        try {
            for (int i = 0; i < ids.length; i++) {
                flushHeld |= bulk.added(ids[i], rows.get(i));
            }
        } catch (RuntimeException e) {
            failed = Errors.of(e, "write attendees", database.location()).getMessage();
            throw e;
        }
        boolean flush = flushHeld;
        inFlight.add(writing.submit(() -> {
            for (int i = 0; i < ids.length; i++) {
                writer.add(rows.get(i), ids[i]);
            }
            if (flush) {
                writer.flush();
                bulk.flushHeld();
            }
            return null;
        }));
        // After a flush of held rows the next batch may add to them again: wait for it.
        while (!inFlight.isEmpty() && (flush || inFlight.size() > IN_FLIGHT)) {
            await(inFlight.poll());
        }
    }

    /**
     * Refuses what the store could not give back as it was: a list item holding {@code ;} (the
     * stored lists are {@code ;}-joined) and a NUL character (PostgreSQL's text cannot hold one).
     * Files are checked so by their readers already.
     */
    private static void storable(Attendee a) {
        for (String item : a.productInterests()) {
            refuseSeparator(a, "product_interests", item);
        }
        for (String item : a.boothVisited()) {
            refuseSeparator(a, "booth_visited", item);
        }
        refuseNul(a, "name", a.name());
        refuseNul(a, "email", a.email());
        refuseNul(a, "company", a.company());
        refuseNul(a, "event_name", a.eventName());
        refuseNul(a, "job_title", a.jobTitle());
        refuseNul(a, "image_path", a.imagePath());
        refuseYear(a, "attendance_time", a.attendanceTime());
        refuseYear(a, "created_at", a.createdAt());
    }

    /** The contract's timestamps have four-digit years (SQLite keeps the text, PostgreSQL parses it). */
    private static void refuseYear(Attendee a, String column, LocalDateTime time) {
        if (time != null && (time.getYear() < 1 || time.getYear() > 9999)) {
            throw new ConfigurationException("attendee " + a.id() + ": " + column + " " + time
                    + " is outside the years 1 to 9999 that the stored text YYYY-MM-DD HH:MM:SS holds");
        }
    }

    private static void refuseSeparator(Attendee a, String column, String item) {
        if (item.indexOf(';') >= 0) {
            throw new ConfigurationException("attendee " + a.id() + ": " + column + " item '" + item
                    + "' holds ';', which joins the stored list (it would come back as two items)");
        }
        refuseNul(a, column, item);
    }

    private static void refuseNul(Attendee a, String column, String text) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw new ConfigurationException("attendee " + a.id() + ": " + column + " holds a NUL character,"
                    + " which a database text cannot keep");
        }
    }

    private void await(Future<?> sent) {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AttendeeException("interrupted while writing attendees to " + database.location(), e);
        } catch (ExecutionException e) {
            AttendeeException failure = Errors.of(e.getCause(), "write attendees", database.location());
            failed = failure.getMessage();
            throw failure;
        }
    }

    @Override
    public synchronized void commit() {
        ensureOpen();
        if (failed != null) {
            close();
            throw new AttendeeException("an earlier write to this sink failed (" + failed + "); nothing was committed");
        }
        try {
            while (!inFlight.isEmpty()) {
                await(inFlight.poll());
            }
            writer.flush();
            long first = writer.first(offset);
            long last = writer.last(offset);
            bulk.finish(first, last);
            GenerationRun recorded = runs.record(connection, run, first, last, writer.count(), 0, 0, emails.adjusted(), started);
            connection.commit();
            committedRun = recorded;
        } catch (SQLException | RuntimeException e) {
            throw Errors.of(e, "write attendees", database.location());
        } finally {
            close();
        }
    }

    /** The run recorded on commit, or {@code null} before. */
    GenerationRun run() {
        return committedRun;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Batches still being sent finish first (their failures no longer matter): the connection is then idle.
        while (!inFlight.isEmpty()) {
            try {
                inFlight.poll().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException ignored) {
                // Rolled back below.
            }
        }
        writing.shutdown();
        try {
            writer.close();
        } catch (SQLException ignored) {
            // The connection goes below.
        }
        if (committedRun == null) {
            Database.rollbackQuietly(connection);
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The pool resets it.
        }
        bulk.ended();
        closeQuietly(connection);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("sink is closed");
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Nothing to save.
        }
    }
}
