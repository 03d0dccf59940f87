package dev.attendees.sql.internal;

import dev.attendees.Attendee;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Inserts attendees with one prepared statement in JDBC batches, inside the caller's transaction.
 * Plain JDBC rather than jOOQ here: this is the one hot loop (a million rows in seconds), and a
 * reused prepared statement with batches is the fastest path both drivers offer.
 */
public final class BulkWriter implements AutoCloseable {

    /** Rows per JDBC batch: {@value}. */
    static final int BATCH = 1024;

    private final Dialect dialect;
    private final Dialect.Bulk bulk;
    private final PreparedStatement insert;
    private int pending;
    private long count;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    public BulkWriter(Connection connection, Dialect dialect, Dialect.Bulk bulk) throws SQLException {
        this.dialect = dialect;
        this.bulk = bulk;
        this.insert = connection.prepareStatement(AttendeeRows.INSERT);
    }

    /** Adds one attendee with this id. */
    public void add(Attendee attendee, long id) throws SQLException {
        AttendeeRows.bind(insert, dialect, attendee, id);
        insert.addBatch();
        count++;
        first = Math.min(first, id);
        last = Math.max(last, id);
        if (++pending == BATCH) {
            flush();
        }
    }

    /** Sends what is pending. */
    public void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
            bulk.written(count);
        }
    }

    /** Attendees added. */
    public long count() {
        return count;
    }

    /** The smallest id added, or {@code fallback} when none was. */
    public long first(long fallback) {
        return count == 0 ? fallback : first;
    }

    /** The largest id added, or {@code fallback} when none was. */
    public long last(long fallback) {
        return count == 0 ? fallback : last;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
