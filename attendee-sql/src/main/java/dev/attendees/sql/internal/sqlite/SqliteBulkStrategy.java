package dev.attendees.sql.internal.sqlite;

import dev.attendees.Attendee;
import dev.attendees.sql.internal.AttendeeRows;
import dev.attendees.sql.internal.BulkStrategy;
import dev.attendees.sql.internal.SqlExpressions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * How SQLite does work on many attendees: bulk writes ({@link SqliteBulkWrite}), overwrites and
 * deletes step around the row triggers and keep the derived tables and the full-text index in
 * step set-based ({@link SetBasedMaintenance}), one pass over the rows in C instead of a trigger
 * call a row. When users have triggers of their own on these tables
 * ({@link RowTriggers#othersPresent}), the row triggers stay and do the work row by row.
 */
final class SqliteBulkStrategy implements BulkStrategy {

    private final SqlExpressions sql;
    private final SqliteJournal journal;
    private final int derivedCapacity;

    /**
     * @param journal the store's journal mode, which bulk writes hold still while they run
     * @param derivedCapacity rows of the derived tables a bulk write holds before it writes them
     */
    SqliteBulkStrategy(SqlExpressions sql, SqliteJournal journal, int derivedCapacity) {
        this.sql = sql;
        this.journal = journal;
        this.derivedCapacity = derivedCapacity;
    }

    @Override
    public Bulk begin(Connection connection, long existing, boolean keepEmailIndex) throws SQLException {
        return SqliteBulkWrite.start(connection, journal, existing, keepEmailIndex, derivedCapacity);
    }

    /**
     * Overwrites in place without the row triggers, which cost a call an attendee (every trigger
     * call splits both lists in SQL and updates the full-text index row by row): each
     * chunk's derived rows and words go out and in with one statement each
     * ({@link SetBasedMaintenance#removeListed}, {@link SetBasedMaintenance#addListed}). The triggers
     * come back before the commit; a rollback brings them back too.
     */
    @Override
    public Rewrite beginRewrite(Connection connection) throws SQLException {
        if (RowTriggers.othersPresent(connection)) {
            return (ids, rows) -> AttendeeRows.updateEach(connection, sql, ids, rows);
        }
        RowTriggers.drop(connection);
        return new Rewrite() {
            @Override
            public int overwrite(long[] ids, List<Attendee> rows) throws SQLException {
                SetBasedMaintenance.removeListed(connection, ids);
                int updated = AttendeeRows.updateEach(connection, sql, ids, rows);
                SetBasedMaintenance.addListed(connection, ids);
                return updated;
            }

            @Override
            public void finish() throws SQLException {
                RowTriggers.create(connection);
            }
        };
    }

    /**
     * Deletes without the row triggers, which cost a call an attendee, set-based
     * ({@link SetBasedMaintenance#delete}); with users' own triggers, row by row. The times of both
     * ways are in docs/sql-design.md.
     */
    @Override
    public long delete(Connection connection, DSLContext ctx, Condition where) throws SQLException {
        if (RowTriggers.othersPresent(connection)) {
            return BulkStrategy.super.delete(connection, ctx, where);
        }
        return SetBasedMaintenance.delete(connection, ctx, where);
    }

    /**
     * Deletes ids {@code first..last} (a run) as {@link #delete} does, by ranges
     * ({@link SetBasedMaintenance#deleteRange}).
     */
    @Override
    public long deleteBetween(Connection connection, DSLContext ctx, long first, long last) throws SQLException {
        if (RowTriggers.othersPresent(connection)) {
            return BulkStrategy.super.deleteBetween(connection, ctx, first, last);
        }
        return SetBasedMaintenance.deleteRange(connection, first, last);
    }
}
