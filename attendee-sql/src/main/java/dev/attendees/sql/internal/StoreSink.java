package dev.attendees.sql.internal;

import dev.attendees.Attendee;
import dev.attendees.ConfigurationException;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.store.GenerationRun;
import dev.attendees.store.RunInfo;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Streams attendees into the store in one transaction: batched inserts, derived tables filled
 * set-based on commit, the run recorded, then one commit. Memory stays constant (one JDBC batch).
 * Closing without a commit rolls everything back.
 */
final class StoreSink implements AttendeeSink {
    private final StoreCore core;
    private final RunInfo run;
    private final Instant started = Instant.now();
    private final Connection connection;
    private final Dialect.Bulk bulk;
    private final BulkWriter writer;
    private final long offset;
    private GenerationRun committedRun;
    private boolean closed;

    StoreSink(StoreCore core, RunInfo run) {
        this.core = core;
        this.run = run;
        Connection c = null;
        Dialect.Bulk started = null;
        try {
            c = core.connection();
            c.setAutoCommit(false);
            this.offset = StoreCore.maxId(c);
            started = core.dialect().beginBulk(c, offset, false);
            this.bulk = started;
            this.writer = new BulkWriter(c, core.dialect(), bulk);
            this.connection = c;
        } catch (SQLException | RuntimeException e) {
            if (c != null) {
                StoreCore.rollbackQuietly(c);
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
            throw Errors.of(e, "write attendees", core.location());
        }
    }

    @Override
    public synchronized void write(List<Attendee> batch) {
        ensureOpen();
        try {
            for (Attendee a : batch) {
                if (a.id() < 1) {
                    throw new ConfigurationException("attendee ids must be at least 1, was " + a.id() + " for " + a.email());
                }
                writer.add(a, offset + a.id());
            }
        } catch (SQLException e) {
            throw Errors.of(e, "write attendees", core.location());
        }
    }

    @Override
    public synchronized void commit() {
        ensureOpen();
        try {
            writer.flush();
            long first = writer.first(offset + 1);
            long last = writer.last(offset);
            bulk.finish(first, last);
            GenerationRun recorded = core.insertRun(connection, run, first, last, writer.count(), 0, 0, started);
            connection.commit();
            committedRun = recorded;
        } catch (SQLException | RuntimeException e) {
            throw Errors.of(e, "write attendees", core.location());
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
        try {
            writer.close();
        } catch (SQLException ignored) {
            // The connection goes below.
        }
        if (committedRun == null) {
            StoreCore.rollbackQuietly(connection);
        }
        try {
            connection.setAutoCommit(true);
            bulk.ended();
        } catch (SQLException ignored) {
            // The pool resets it.
        }
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
