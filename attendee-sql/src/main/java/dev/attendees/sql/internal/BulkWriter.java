package dev.attendees.sql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts attendees in JDBC batches of multi-row {@code INSERT}s, or through the dialect's load
 * command where it has one ({@link RowInserts#rowCopy}: PostgreSQL's {@code COPY}), inside the caller's
 * transaction.
 * Plain JDBC rather than jOOQ here: this is the one hot loop (a million rows in seconds). A
 * statement of {@value #ROWS_PER_STATEMENT} rows makes one native step where one-row statements
 * make {@value #ROWS_PER_STATEMENT} (sqlite-jdbc crosses JNI for every step and every bound value);
 * each statement in the dialect's form for its rows ({@link RowInserts#insertForm}), a batch holding
 * one form; rows left over at a flush go in one-row statements.
 */
public final class BulkWriter implements AutoCloseable {

    /** Rows per statement: {@value}. */
    static final int ROWS_PER_STATEMENT = 32;

    /** Rows per JDBC batch: {@value}. */
    static final int BATCH = 1024;

    private final SqlExpressions sql;
    private final RowInserts inserts;
    private final BulkStrategy.Bulk bulk;
    /** The multi-row statement in each of the dialect's forms. */
    private final List<PreparedStatement> insertMany = new ArrayList<>();
    private final PreparedStatement insertOne;
    /** The dialect's load command, used instead of the statements where there is one. */
    private final RowInserts.RowCopy copy;
    private final BoundRow[] rows = new BoundRow[ROWS_PER_STATEMENT];
    private final long[] ids = new long[ROWS_PER_STATEMENT];
    private int row;
    private int pending;
    /** The form of the statements in the pending batch. */
    private int pendingForm;
    private long count;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    public BulkWriter(Connection connection, Dialect dialect, BulkStrategy.Bulk bulk) throws SQLException {
        this.sql = dialect.sql();
        this.inserts = dialect.inserts();
        this.bulk = bulk;
        this.copy = inserts.rowCopy(connection);
        PreparedStatement one = null;
        try {
            if (copy == null) { // else the load command takes every row
                for (String statement : inserts.insertSql(ROWS_PER_STATEMENT)) {
                    insertMany.add(connection.prepareStatement(statement));
                }
                one = connection.prepareStatement(AttendeeRows.INSERT);
            }
        } catch (SQLException | RuntimeException e) {
            try {
                closeAll(one);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        this.insertOne = one;
    }

    /**
     * Adds one attendee with this id. The caller has told the bulk write ({@link BulkStrategy.Bulk#added}),
     * usually on the thread that made the row.
     */
    public void add(BoundRow bound, long id) throws SQLException {
        rows[row] = bound;
        ids[row] = id;
        count++;
        first = Math.min(first, id);
        last = Math.max(last, id);
        if (copy != null) {
            copy.add(bound, id);
            if (copy.open() >= RowInserts.RowCopy.ROWS) {
                copy.end();
                bulk.written(count);
            }
            return;
        }
        if (++row == ROWS_PER_STATEMENT) {
            int form = inserts.insertForm(rows, ids);
            if (pending > 0 && form != pendingForm) {
                insertMany.get(pendingForm).executeBatch(); // the batch so far, in order
                pending = 0;
                bulk.written(count - ROWS_PER_STATEMENT); // all but this statement's rows
            }
            PreparedStatement statement = insertMany.get(form);
            inserts.bindInsert(statement, form, rows, ids);
            statement.addBatch();
            pendingForm = form;
            row = 0;
            pending += ROWS_PER_STATEMENT;
            if (pending >= BATCH) {
                statement.executeBatch();
                pending = 0;
                bulk.written(count);
            }
        }
    }

    /** Sends what is pending. */
    public void flush() throws SQLException {
        if (copy != null) {
            if (copy.open() > 0) {
                copy.end();
                bulk.written(count);
            }
            return;
        }
        if (pending == 0 && row == 0) {
            return;
        }
        if (pending > 0) {
            insertMany.get(pendingForm).executeBatch();
            pending = 0;
        }
        if (row > 0) {
            for (int r = 0; r < row; r++) {
                AttendeeRows.bind(insertOne, 0, sql, rows[r], ids[r]);
                insertOne.addBatch();
            }
            insertOne.executeBatch();
            row = 0;
        }
        bulk.written(count);
    }

    /** Attendees added. */
    public long count() {
        return count;
    }

    /**
     * The smallest id added; when none was, the id after {@code base} (the largest id before the
     * write), so that {@code first(base)..last(base)} is an empty range there.
     */
    public long first(long base) {
        return count > 0 ? first : base == Long.MAX_VALUE ? base : base + 1;
    }

    /** The largest id added, or {@code base} (the largest id before the write) when none was. */
    public long last(long base) {
        return count > 0 ? last : base;
    }

    @Override
    public void close() throws SQLException {
        if (copy != null) {
            copy.cancel(); // a load still open here was not flushed: the write failed
        }
        closeAll(insertOne);
    }

    /** Closes the multi-row statements and {@code one} (may be {@code null}), all of them even if one fails. */
    private void closeAll(PreparedStatement one) throws SQLException {
        SQLException failed = null;
        List<PreparedStatement> all = new ArrayList<>(insertMany);
        if (one != null) {
            all.add(one);
        }
        for (PreparedStatement statement : all) {
            try {
                statement.close();
            } catch (SQLException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
