package dev.attendees.sql.internal;

import dev.attendees.Attendee;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * How one database does work on many attendees at once inside the caller's transaction: a bulk
 * write (sinks, imports), an in-place overwrite ({@code regenerate}) and a delete, each keeping the
 * derived tables, the full-text index and the secondary indexes in step, by triggers or set-based.
 */
public interface BulkStrategy {

    /**
     * Makes the connection's open transaction the only writer of {@code attendees} until it ends,
     * before a bulk write reads the largest id (new ids follow it): SQLite's write transactions
     * start {@code IMMEDIATE}, which does this already; readers are never blocked.
     */
    default void lockForWrite(Connection connection) throws SQLException {}

    /**
     * Starts a bulk write in {@code connection}'s open transaction: takes the table's write lock
     * where the database needs one, and may suspend per-row maintenance of derived tables and
     * indexes until {@link Bulk#finish}.
     *
     * @param existing the largest id before the write (a cheap measure of the table's size)
     * @param keepEmailIndex whether lookups by e-mail must stay fast during the write (imports)
     */
    Bulk begin(Connection connection, long existing, boolean keepEmailIndex) throws SQLException;

    /**
     * Starts overwriting attendees in place, chunk by chunk, in {@code connection}'s open
     * transaction ({@code regenerate}).
     */
    Rewrite beginRewrite(Connection connection) throws SQLException;

    /**
     * Deletes the attendees that {@code where} selects, in {@code connection}'s open transaction,
     * with their derived rows; returns how many. By default one {@code DELETE}, and the triggers
     * keep the derived tables in step.
     */
    default long delete(Connection connection, DSLContext ctx, Condition where) throws SQLException {
        return ctx.deleteFrom(Tables.ATTENDEES).where(where).execute();
    }

    /** Deletes the attendees with ids {@code first..last} (a run) as {@link #delete} does. */
    default long deleteBetween(Connection connection, DSLContext ctx, long first, long last) throws SQLException {
        return delete(connection, ctx, Tables.ID.between(first, last));
    }

    /** One in-place overwrite (see {@link #beginRewrite}). */
    interface Rewrite {
        /**
         * Overwrites the attendees with these ids (ascending) by {@code rows}, keeping their ids;
         * returns how many were overwritten (fewer when another transaction deleted some since
         * they were chosen: PostgreSQL's writers do not lock the rows they only read).
         */
        int overwrite(long[] ids, List<Attendee> rows) throws SQLException;

        /** Every chunk is written; the transaction commits next. */
        default void finish() throws SQLException {}
    }

    /** One bulk write's maintenance of derived tables and indexes. */
    interface Bulk {
        /**
         * {@code row} is going to be inserted with this id. Called in insertion order, for every
         * row, possibly on another thread than the other methods but never at the same time as
         * {@link #flushHeld}.
         *
         * @return whether what the bulk write holds for the derived tables should be written now:
         *     the caller then calls {@link #flushHeld} once the row has been sent
         */
        default boolean added(long id, BoundRow row) {
            return false;
        }

        /** Writes what {@link #added} holds for the derived tables; the rows added have been sent. */
        default void flushHeld() throws SQLException {}

        /** Called after each JDBC batch with the number of rows inserted so far. */
        void written(long rows) throws SQLException;

        /** The attendees with ids {@code first..last} were inserted; their derived rows must exist when this returns. */
        void finish(long first, long last) throws SQLException;

        /**
         * Attendee {@code id} is about to be overwritten: it existed before the bulk write, or
         * ({@code addedHere}) this write inserted it earlier and its batch has been sent.
         */
        void beforeReplace(long id, boolean addedHere) throws SQLException;

        /** Attendee {@code id} was overwritten (see {@link #beforeReplace}). */
        void afterReplace(long id, boolean addedHere) throws SQLException;

        /**
         * The bulk write's transaction has ended, committed or not, and the connection is back in
         * autocommit mode. Never throws.
         */
        default void ended() {}
    }
}
