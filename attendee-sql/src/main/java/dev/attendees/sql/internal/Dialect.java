package dev.attendees.sql.internal;

import dev.attendees.Attendee;
import dev.attendees.store.Sort;
import dev.attendees.store.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;

/**
 * What differs between SQLite and PostgreSQL: types of timestamps, full text, text order, how
 * derived tables are kept in step during bulk writes, and how the schema is listed. Everything
 * else is shared jOOQ code.
 */
public abstract class Dialect {

    /** {@code sqlite} or {@code postgresql}; also the folder of the dialect's migration scripts. */
    public abstract String name();

    /** The jOOQ dialect. */
    public abstract SQLDialect jooq();

    /** The contract's text of a time ({@code yyyy-MM-dd HH:mm:ss}), or {@code null} for none. */
    public static String contractText(LocalDateTime time) {
        return time == null ? null : Attendee.formatTimestamp(time);
    }

    /** A timestamp as a bind value of this dialect. */
    public abstract Object timestamp(LocalDateTime time);

    /**
     * A timestamp as a jOOQ bind value of this dialect's timestamp columns, compared with them by
     * the query API's bounds ({@code >= from}, {@code < to}): the rows it selects are those of the
     * exact time, fractions of a second included.
     */
    public abstract Field<Object> timestampParam(LocalDateTime time);

    /** Binds a timestamp (or SQL {@code NULL}) to a statement parameter. */
    public void bindTimestamp(PreparedStatement statement, int index, LocalDateTime time) throws SQLException {
        bindTimestampValue(statement, index, timestamp(time));
    }

    /** Binds a timestamp already in its bind form ({@link #timestamp}, or {@code null}) to a statement parameter. */
    public abstract void bindTimestampValue(PreparedStatement statement, int index, Object value) throws SQLException;

    /** A timestamp read back from this dialect (text, {@link Timestamp} or {@link LocalDateTime}). */
    public static LocalDateTime readTimestamp(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDateTime();
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > 19) {
            text = text.substring(0, 19); // fractions of a second, as jOOQ or other tools may write them
        }
        return LocalDateTime.parse(text.replace('T', ' '), STORED_TIMESTAMP);
    }

    /**
     * The contract's format, read as leniently as before input files became strict: a value that
     * another tool stored as {@code 2026-02-30 10:00:00} reads as the month's last day instead of
     * failing every query that touches its row (imports refuse such values).
     */
    private static final DateTimeFormatter STORED_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.SMART);

    /** A column's value as text, for grouping and listing (timestamps in the contract's format). */
    public abstract Field<String> text(Field<?> field, boolean timestamp);

    /** A text expression ordered by code point. */
    public abstract Field<String> byCodePoint(Field<String> field);

    /** The day ({@code YYYY-MM-DD}) of a timestamp column. */
    public abstract Field<String> day(Field<Object> timestamp);

    /** The hour ({@code 00}..{@code 23}) of a timestamp column. */
    public abstract Field<String> hour(Field<Object> timestamp);

    /**
     * Whether rows come in {@code sort}'s order (empty values last) by walking an index of its
     * field, so that a page can stop early; {@code false} leaves it to the planner.
     */
    public boolean walksIndexInOrder(Sort sort) {
        return false;
    }

    /** {@code field} in a form that the planner will not look up in an index (for {@link #walksIndexInOrder}). */
    public <T> Field<T> unindexed(Field<T> field) {
        return field;
    }

    /**
     * Lists up to this long go to the database as {@code IN (?, ?, ...)}: {@value}. Longer ones go
     * as one bound value ({@link #inLongList}): a statement binds at most 32,766 values in SQLite
     * and 65,535 in PostgreSQL, and beyond that jOOQ writes the values into the SQL text, which
     * SQLite refuses as too long past about 33,000 short ones.
     */
    public static final int SHORT_LIST = 500;

    /** {@code column IN (values)}, for a list of any length. */
    public Condition in(Field<String> column, List<String> values) {
        return values.size() <= SHORT_LIST ? column.in(values) : inLongList(column, values);
    }

    /** {@code column IN (values)} with all the values bound as one value (a JSON text, an array). */
    protected abstract Condition inLongList(Field<String> column, List<String> values);

    /** Attendees whose name, company or job title contain every one of {@code words} (lower case, letters and digits only), as words or word starts. */
    public abstract Condition fullText(List<String> words);

    /**
     * The statements that insert {@code rows} attendees at once (bulk writes), in one or more
     * forms: a dialect may add forms that bind less for common batches. {@link #insertForm} picks
     * the form for a batch, {@link #bindInsert} binds it. By default one form,
     * {@link AttendeeRows#insert}: {@link AttendeeRows#PARAMETERS} parameters a row.
     */
    public List<String> insertSql(int rows) {
        return List.of(AttendeeRows.insert(rows));
    }

    /** The form of {@link #insertSql} (its index) for {@code rows}, whose ids are {@code ids}. */
    public int insertForm(BoundRow[] rows, long[] ids) {
        return 0;
    }

    /** Binds {@code rows} (ids in {@code ids}) to form {@code form} of {@link #insertSql}{@code (rows.length)}. */
    public void bindInsert(PreparedStatement statement, int form, BoundRow[] rows, long[] ids) throws SQLException {
        for (int r = 0; r < rows.length; r++) {
            AttendeeRows.bind(statement, r * AttendeeRows.PARAMETERS, this, rows[r], ids[r]);
        }
    }

    /**
     * The database's bulk-load command for a bulk write's rows, faster than multi-row
     * {@code INSERT}s, or {@code null} where {@link #insertSql} is the fastest way (SQLite). The
     * {@link BulkWriter} ends each load after at most {@link RowCopy#ROWS} rows, so that the bulk
     * write's {@link Bulk#written} can run statements in between.
     */
    public RowCopy rowCopy(Connection connection) throws SQLException {
        return null;
    }

    /** Rows streamed into {@code attendees} by one load command at a time (PostgreSQL's {@code COPY}). */
    public interface RowCopy {
        /** Rows a load takes at most: {@value}. */
        int ROWS = 16_384;

        /** Adds a row, starting a load when none is open. */
        void add(BoundRow row, long id) throws SQLException;

        /** Rows in the open load; 0 when none is open. */
        int open();

        /** Ends the open load, if any: its rows are in the table for the statements that follow. */
        void end() throws SQLException;

        /** Abandons the open load, if any (the transaction is rolled back anyway). Never throws. */
        void cancel();
    }

    /** A bulk write may drop the secondary indexes after this many rows at least: {@value}. */
    public static final long DROP_INDEXES_AFTER = 50_000;

    /** The names of the indexes a script of {@code CREATE INDEX IF NOT EXISTS name ...} statements creates. */
    public static List<String> indexNames(String script) {
        return Scripts.statements(Scripts.read(script)).stream()
                .map(sql -> sql.replaceFirst("(?s)^CREATE INDEX IF NOT EXISTS (\\w+).*", "$1")).toList();
    }

    /**
     * Drops the indexes that a script of {@code CREATE INDEX IF NOT EXISTS} statements creates
     * (its names from {@link #indexNames}), all but the e-mail index when {@code keepEmailIndex};
     * running the script again brings them back.
     */
    public static void dropIndexes(Connection connection, List<String> names, boolean keepEmailIndex) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String index : names) {
                if (!(keepEmailIndex && index.equals(EMAIL_INDEX))) {
                    s.execute("DROP INDEX IF EXISTS " + index);
                }
            }
        }
    }

    /** The index of {@code attendees(email)}, which imports that look for duplicates keep. */
    private static final String EMAIL_INDEX = "attendees_email";

    /**
     * Starts a bulk write in {@code connection}'s open transaction: takes the table's write lock
     * where the database needs one, and may suspend per-row maintenance of derived tables and
     * indexes until {@link Bulk#finish}.
     *
     * @param existing the largest id before the write (a cheap measure of the table's size)
     * @param keepEmailIndex whether lookups by e-mail must stay fast during the write (imports)
     */
    public abstract Bulk beginBulk(Connection connection, long existing, boolean keepEmailIndex) throws SQLException;

    /**
     * Makes the connection's open transaction the only writer of {@code attendees} until it ends,
     * before a bulk write reads the largest id (new ids follow it): SQLite's write transactions
     * start {@code IMMEDIATE}, which does this already; readers are never blocked.
     */
    public void lockForWrite(Connection connection) throws SQLException {}

    /**
     * Deletes the attendees that {@code where} selects, in {@code connection}'s open transaction,
     * with their derived rows; returns how many. By default one {@code DELETE}, and the triggers
     * keep the derived tables in step.
     */
    public long delete(Connection connection, DSLContext ctx, Condition where) throws SQLException {
        return ctx.deleteFrom(Tables.ATTENDEES).where(where).execute();
    }

    /** Deletes the attendees with ids {@code first..last} (a run) as {@link #delete} does. */
    public long deleteBetween(Connection connection, DSLContext ctx, long first, long last) throws SQLException {
        return delete(connection, ctx, Tables.ID.between(first, last));
    }

    /**
     * Starts overwriting attendees in place, chunk by chunk, in {@code connection}'s open
     * transaction ({@code regenerate}). By default each row is updated on its own (one JDBC batch
     * a chunk) and the row triggers keep the derived tables in step; a dialect may do better.
     */
    public Rewrite beginRewrite(Connection connection) throws SQLException {
        return (ids, rows) -> updateEach(connection, ids, rows);
    }

    /**
     * Overwrites each attendee {@code ids[i]} with {@code rows.get(i)}, a statement each, in one
     * JDBC batch; returns how many rows were there to overwrite.
     */
    protected final int updateEach(Connection connection, long[] ids, List<Attendee> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(AttendeeRows.UPDATE)) {
            for (int i = 0; i < ids.length; i++) {
                AttendeeRows.bind(update, this, rows.get(i), ids[i]);
                update.addBatch();
            }
            int updated = 0;
            for (int n : update.executeBatch()) {
                updated += n == Statement.SUCCESS_NO_INFO ? 1 : n;
            }
            return updated;
        }
    }

    /** One in-place overwrite (see {@link #beginRewrite}). */
    public interface Rewrite {
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
    public interface Bulk {
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


    /** Called before the store's other work (queries, small writes, handing out connections). */
    public void beforeUse(DataSource pool) {}

    /** Called after the migrations, in their transaction. */
    public void afterMigrations(Connection connection) throws SQLException {}

    /** Serialises migrations between processes, in the open transaction. */
    public abstract void lockForMigration(Connection connection) throws SQLException;

    /** A query with one parameter, a table's name, that has a row when the table exists. */
    protected abstract String tableExistsSql();

    /** Whether a table exists (in the connection's schema). */
    public boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(tableExistsSql())) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The named tables with their columns, in the given order; missing ones are left out. */
    public abstract List<TableInfo> tables(Connection connection, List<String> names) throws SQLException;

    /** The lexical rules by which {@link ReadOnlyStatement} checks read-only SQL for this database. */
    public abstract ReadOnlyStatement.Syntax syntax();

    /**
     * Checks, with the driver's own reading of {@code sql} on the connection it will run on, that it
     * is one statement (a driver that runs only the first statement of a text needs nothing here).
     *
     * @throws dev.attendees.ConfigurationException when it is not
     */
    public void checkOneStatement(Connection connection, String sql) throws SQLException {}

    /** Prepares a read-only connection's transaction for one query of at most {@code timeout}. */
    public abstract void beginReadOnly(Connection connection, Duration timeout) throws SQLException;

    /** Releases what a read-only query may hold beyond its (rolled back) transaction, before the connection is reused. */
    public void endReadOnly(Connection connection) throws SQLException {}

    /** Whether an exception means the statement was cancelled or timed out. */
    public abstract boolean isTimeout(SQLException e);
}
