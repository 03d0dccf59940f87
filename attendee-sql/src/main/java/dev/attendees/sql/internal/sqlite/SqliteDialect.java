package dev.attendees.sql.internal.sqlite;

import static org.jooq.impl.DSL.select;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.sql.internal.AttendeeRows;
import dev.attendees.sql.internal.BoundRow;
import dev.attendees.sql.internal.Dialect;
import dev.attendees.sql.internal.ReadOnlyStatement;
import dev.attendees.sql.internal.Scripts;
import dev.attendees.sql.internal.Tables;
import dev.attendees.store.Sort;
import dev.attendees.store.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * SQLite: timestamps as text in the contract's format, FTS5 for full text, and row triggers for
 * the derived tables, which bulk writes, regenerations and deletes replace by set-based
 * statements (one pass over the rows in C, instead of a trigger call per row).
 */
public final class SqliteDialect extends Dialect {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String INDEXES = "migrations/sqlite/indexes.sql";
    private static final List<String> INDEX_NAMES = indexNames(INDEXES);

    /** The page size of new database files: {@value} bytes. */
    public static final int PAGE_SIZE = 16_384;

    /** The page cache of a connection, in KiB as a negative number (SQLite's convention): 64 MiB. */
    public static final int CACHE_KIB = -65_536;

    /** The page cache while a bulk write inserts: 256 MiB, which holds the pages of 1,000,000 new rows. */
    static final int BULK_CACHE_KIB = -262_144;

    /**
     * The page cache while a bulk write builds indexes: 4 MiB. SQLite's sorter sorts runs of the
     * cache's size in memory, writes them to temporary files and merges them, the runs also on a
     * helper thread ({@code PRAGMA threads}): runs that fit the processor's caches build the five
     * indexes of 1,000,000 attendees in 2.7 s, against 4.5 s with the bulk write's 256 MiB
     * (docs/sql.md).
     */
    static final int SORT_CACHE_KIB = -4_096;

    /** Rows per index that ANALYZE samples after a bulk write: {@value}. */
    static final int ANALYSIS_LIMIT = 1_000;

    /** A bulk write builds the normalized tables aside ({@link SideFill}) from this many of their rows: {@value}. */
    static final int SIDE_FILL_AFTER = 200_000;

    /** The journal mode of the store's file, which bulk writes hold still while they run. */
    private final SqliteJournal journal;

    /** Rows of the derived tables a bulk write holds before it writes them. */
    private final int derivedCapacity;

    /** The dialect of one store, whose file's journal mode {@code journal} keeps. */
    public SqliteDialect(SqliteJournal journal) {
        this(journal, DerivedRows.CAPACITY);
    }

    /** The dialect of one store whose bulk writes hold at most {@code derivedCapacity} derived rows (tests use small ones). */
    public SqliteDialect(SqliteJournal journal, int derivedCapacity) {
        this.journal = journal;
        this.derivedCapacity = derivedCapacity;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public SQLDialect jooq() {
        return SQLDialect.SQLITE;
    }

    @Override
    public Object timestamp(LocalDateTime time) {
        return contractText(time);
    }

    /** The last year whose times have the contract's text form ({@code yyyy-MM-dd HH:mm:ss}). */
    private static final int LAST_YEAR = 9999;

    /** A text after that of every time up to {@link #LAST_YEAR} (a 61st second, which no time has). */
    private static final String AFTER_LAST_YEAR = "9999-12-31 23:59:60";

    /**
     * The contract's text of a time, which compares with the stored texts as the times do. That
     * text has whole seconds, like the stored times, so a time with a fraction of a second is
     * rounded up to the next second: a stored time is at or after 10:00:00.5 exactly when it is at
     * or after 10:00:01, and before 10:00:00.5 exactly when it is before 10:00:01 (cutting the
     * fraction, as the text alone would, took in 10:00:00 for the first and left it out for the
     * second). A time after the year 9999, whose text ({@code +10000-...}) would sort before every
     * stored one, is bound as a text after all of them. Still a plain text compared with the
     * column, so the index of {@code attendance_time} serves.
     */
    @Override
    public Field<Object> timestampParam(LocalDateTime time) {
        return DSL.val(boundText(time), SQLDataType.VARCHAR).coerce(Object.class);
    }

    /** The text {@link #timestampParam} binds for {@code time}. */
    static String boundText(LocalDateTime time) {
        if (time == null) {
            return null;
        }
        if (time.getYear() > LAST_YEAR) {
            return AFTER_LAST_YEAR;
        }
        LocalDateTime whole = time.getNano() == 0 ? time : time.withNano(0).plusSeconds(1);
        return whole.getYear() > LAST_YEAR ? AFTER_LAST_YEAR : Attendee.formatTimestamp(whole);
    }

    @Override
    public void bindTimestampValue(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setString(index, (String) value);
    }

    @Override
    public Field<String> text(Field<?> f, boolean timestamp) {
        return f.cast(SQLDataType.VARCHAR);
    }

    @Override
    public Field<String> byCodePoint(Field<String> f) {
        return f; // BINARY collation: UTF-8 byte order is code-point order
    }

    @Override
    public Field<String> day(Field<Object> timestamp) {
        return DSL.substring(timestamp.cast(SQLDataType.VARCHAR), 1, 10);
    }

    @Override
    public Field<String> hour(Field<Object> timestamp) {
        return DSL.substring(timestamp.cast(SQLDataType.VARCHAR), 12, 2);
    }

    /**
     * Indexed fields ({@code indexes.sql}) in an order their index gives: any order of the
     * {@code NOT NULL} ones ({@code id}, {@code email}), descending for the others (SQLite sorts
     * {@code NULL} first, so a reverse walk puts it last, as the query API wants).
     */
    @Override
    public boolean walksIndexInOrder(Sort sort) {
        return switch (sort.field()) {
            case ID, EMAIL -> true;
            case COMPANY, INDUSTRY, JOB_TITLE, ATTENDANCE_TIME -> !sort.ascending();
            default -> false;
        };
    }

    /**
     * Bulk inserts bind less, as every bound value costs sqlite-jdbc a JNI call (a text also two
     * copies and two allocations). Two forms, the same stored rows:
     * <ol start="0">
     *   <li>any rows: the event and the image path are bound once a statement ({@code ?1},
     *       {@code ?2}) and a row binds {@code NULL} when it has the same ({@code coalesce}; neither
     *       column is ever {@code NULL}); industry and company size go as their place in the
     *       contract's lists, turned back into labels by {@code CASE};</li>
     *   <li>rows that all have the statement's event and image path and consecutive ids (what a
     *       generator writes): the row binds neither, its id is the first one's ({@code ?3}) plus
     *       its place, and industry and size share one number ({@code industry << 8 | size}, 255
     *       for none). Nine values a row instead of thirteen: 1,000,000 rows sent in 4.4 s instead
     *       of 4.7 s.</li>
     * </ol>
     */
    @Override
    public List<String> insertSql(int rows) {
        return List.of(anyRowsSql(rows), sharedRowsSql(rows));
    }

    /** Form 0 of {@link #insertSql}. */
    private static String anyRowsSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO attendees (" + AttendeeRows.COLUMNS + ") VALUES ");
        for (int r = 0; r < rows; r++) {
            int b = SHARED_PARAMETERS + r * AttendeeRows.PARAMETERS;
            sql.append(r == 0 ? "" : ", ").append("(?").append(b + 1).append(", ?").append(b + 2).append(", ?").append(b + 3)
                    .append(", coalesce(?").append(b + 4).append(", ?1), ?").append(b + 5).append(", ?").append(b + 6)
                    .append(", ").append(labelOf(b + 7, INDUSTRY_LABELS)).append(", ").append(labelOf(b + 8, SIZE_LABELS))
                    .append(", ?").append(b + 9).append(", ?").append(b + 10).append(", coalesce(?").append(b + 11)
                    .append(", ?2), ?").append(b + 12).append(", ?").append(b + 13).append(')');
        }
        return sql.toString();
    }

    /** Form 1 of {@link #insertSql}. */
    private static String sharedRowsSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO attendees (" + AttendeeRows.COLUMNS + ") VALUES ");
        for (int r = 0; r < rows; r++) {
            int b = SHARED_ROWS_PARAMETERS + r * SHARED_ROW_PARAMETERS;
            sql.append(r == 0 ? "" : ", ").append("(?").append(b + 1).append(", ?").append(b + 2).append(", ?").append(b + 3)
                    .append(", ?1, ?").append(b + 4).append(", ?").append(b + 5)
                    .append(", ").append(labelOf("?" + (b + 6) + " >> 8", INDUSTRY_LABELS))
                    .append(", ").append(labelOf("?" + (b + 6) + " & 255", SIZE_LABELS))
                    .append(", ?").append(b + 7).append(", ?").append(b + 8).append(", ?2, ?").append(b + 9)
                    .append(", ?3 + ").append(r).append(')');
        }
        return sql.toString();
    }

    /** {@code ?1} the event, {@code ?2} the image path that rows share. */
    private static final int SHARED_PARAMETERS = 2;

    /** Form 1: {@code ?1} the event, {@code ?2} the image path, {@code ?3} the first row's id. */
    private static final int SHARED_ROWS_PARAMETERS = 3;

    /** Form 1: values a row binds. */
    private static final int SHARED_ROW_PARAMETERS = 9;

    /** Form 1's number for no industry or no size. */
    private static final int NO_LABEL = 255;

    /** The contract's lists, in the order whose places bulk inserts bind. */
    private static final List<String> INDUSTRY_LABELS = Stream.of(Industry.values()).map(Industry::label).toList();
    private static final List<String> SIZE_LABELS = Stream.of(CompanySize.values()).map(CompanySize::label).toList();

    /** {@code CASE ?n WHEN 0 THEN 'first label' ... END}: {@code NULL} for {@code NULL}. */
    private static String labelOf(int parameter, List<String> labels) {
        return labelOf("?" + parameter, labels);
    }

    /** {@code CASE place WHEN 0 THEN 'first label' ... END}: {@code NULL} for a place that has no label. */
    private static String labelOf(String place, List<String> labels) {
        StringBuilder sql = new StringBuilder("CASE ").append(place);
        for (int i = 0; i < labels.size(); i++) {
            sql.append(" WHEN ").append(i).append(" THEN '").append(labels.get(i).replace("'", "''")).append('\'');
        }
        return sql.append(" END").toString();
    }

    @Override
    public int insertForm(BoundRow[] rows, long[] ids) {
        String event = rows[0].attendee().eventName();
        String image = rows[0].attendee().imagePath();
        for (int r = 1; r < rows.length; r++) {
            Attendee a = rows[r].attendee();
            if (ids[r] != ids[0] + r || !a.eventName().equals(event) || !a.imagePath().equals(image)) {
                return 0;
            }
        }
        return 1;
    }

    @Override
    public void bindInsert(PreparedStatement ps, int form, BoundRow[] rows, long[] ids) throws SQLException {
        String event = rows[0].attendee().eventName();
        String image = rows[0].attendee().imagePath();
        if (form == 1) {
            bindSharedRows(ps, rows, ids[0], event, image);
            return;
        }
        ps.setString(1, event);
        ps.setString(2, image);
        for (int r = 0; r < rows.length; r++) {
            int b = SHARED_PARAMETERS + r * AttendeeRows.PARAMETERS;
            BoundRow row = rows[r];
            Attendee a = row.attendee();
            ps.setString(b + 1, a.name());
            ps.setString(b + 2, a.email());
            ps.setString(b + 3, a.company());
            ps.setString(b + 4, a.eventName().equals(event) ? null : a.eventName());
            ps.setString(b + 5, (String) row.attendanceTime());
            ps.setString(b + 6, a.jobTitle());
            if (a.industry() == null) {
                ps.setNull(b + 7, Types.INTEGER);
            } else {
                ps.setInt(b + 7, a.industry().ordinal());
            }
            if (a.companySize() == null) {
                ps.setNull(b + 8, Types.INTEGER);
            } else {
                ps.setInt(b + 8, a.companySize().ordinal());
            }
            ps.setString(b + 9, row.interests());
            ps.setString(b + 10, row.booths());
            ps.setString(b + 11, a.imagePath().equals(image) ? null : a.imagePath());
            ps.setString(b + 12, (String) row.createdAt());
            ps.setLong(b + 13, ids[r]);
        }
    }

    private static void bindSharedRows(PreparedStatement ps, BoundRow[] rows, long firstId, String event, String image)
            throws SQLException {
        ps.setString(1, event);
        ps.setString(2, image);
        ps.setLong(3, firstId);
        for (int r = 0; r < rows.length; r++) {
            int b = SHARED_ROWS_PARAMETERS + r * SHARED_ROW_PARAMETERS;
            BoundRow row = rows[r];
            Attendee a = row.attendee();
            ps.setString(b + 1, a.name());
            ps.setString(b + 2, a.email());
            ps.setString(b + 3, a.company());
            ps.setString(b + 4, (String) row.attendanceTime());
            ps.setString(b + 5, a.jobTitle());
            int industry = a.industry() == null ? NO_LABEL : a.industry().ordinal();
            int size = a.companySize() == null ? NO_LABEL : a.companySize().ordinal();
            ps.setInt(b + 6, industry << 8 | size);
            ps.setString(b + 7, row.interests());
            ps.setString(b + 8, row.booths());
            ps.setString(b + 9, (String) row.createdAt());
        }
    }

    /** {@code +field}: SQLite's documented way to keep a term off the indexes. */
    @Override
    public <T> Field<T> unindexed(Field<T> field) {
        return DSL.field("+{0}", field.getDataType(), field);
    }

    /** {@code column IN (SELECT value FROM json_each(?))}, the list bound as one JSON array. */
    @Override
    protected Condition inLongList(Field<String> column, List<String> values) {
        String array;
        try {
            array = JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list of strings as JSON", e);
        }
        return DSL.condition("{0} IN (SELECT value FROM json_each({1}))", column, DSL.val(array));
    }

    @Override
    public Condition fullText(List<String> words) {
        StringBuilder match = new StringBuilder();
        for (String w : words) {
            match.append(match.length() == 0 ? "" : " ").append('"').append(w).append("\"*");
        }
        return Tables.ID.in(select(DSL.field(DSL.name("rowid"), Long.class)).from(DSL.table(DSL.name("attendees_fts")))
                .where(DSL.condition("{0} MATCH {1}", DSL.table(DSL.name("attendees_fts")), DSL.val(match.toString()))));
    }

    /**
     * Starts a bulk write. Triggers go for its length, and the derived rows come from the rows
     * written ({@link DerivedRows}), in key order. A database file that the store created and that
     * has never been written in bulk is still in rollback-journal mode here: its pages are then
     * written once, into the file, instead of into the WAL and again at the checkpoint (the
     * journal only holds the few pages of the empty schema); {@link Bulk#ended} turns it to WAL.
     */
    @Override
    public Bulk beginBulk(Connection connection, long existing, boolean keepEmailIndex) throws SQLException {
        journal.bulkWriteStarting();
        try (Statement s = connection.createStatement()) {
            boolean byTriggers = RowTriggers.othersPresent(connection);
            if (!byTriggers) {
                RowTriggers.drop(connection);
            }
            s.execute("PRAGMA cache_size = " + BULK_CACHE_KIB);
            return new SqliteBulk(connection, existing, keepEmailIndex, byTriggers);
        } catch (SQLException | RuntimeException e) {
            journal.bulkWriteNotStarted(); // no bulk write to end: Bulk.ended will not be called
            throw e;
        }
    }

    /**
     * Overwrites in place without the row triggers, which cost about 200 us an attendee (every
     * trigger call splits both lists in SQL and updates the full-text index row by row): each
     * chunk's derived rows and words go out and in with one statement each
     * ({@link SetBasedMaintenance#removeListed}, {@link SetBasedMaintenance#addListed}). The triggers
     * come back before the commit; a rollback brings them back too.
     */
    @Override
    public Rewrite beginRewrite(Connection connection) throws SQLException {
        if (RowTriggers.othersPresent(connection)) {
            return super.beginRewrite(connection);
        }
        RowTriggers.drop(connection);
        return new Rewrite() {
            @Override
            public int overwrite(long[] ids, List<Attendee> rows) throws SQLException {
                SetBasedMaintenance.removeListed(connection, ids);
                int updated = updateEach(connection, ids, rows);
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
     * Deletes without the row triggers, which cost about 40 us an attendee (a 300,000-attendee run:
     * 12 s), set-based ({@link SetBasedMaintenance#delete}); with users' own triggers, row by row.
     */
    @Override
    public long delete(Connection connection, DSLContext ctx, Condition where) throws SQLException {
        if (RowTriggers.othersPresent(connection)) {
            return super.delete(connection, ctx, where);
        }
        return SetBasedMaintenance.delete(connection, ctx, where);
    }

    /**
     * Deletes ids {@code first..last} (a run) as {@link #delete} does, by ranges
     * ({@link SetBasedMaintenance#deleteRange}: a run of 150,000 of 159,000 attendees: 0.84 s,
     * against 2.3 s with the triggers).
     */
    @Override
    public long deleteBetween(Connection connection, DSLContext ctx, long first, long last) throws SQLException {
        if (RowTriggers.othersPresent(connection)) {
            return super.deleteBetween(connection, ctx, first, last);
        }
        return SetBasedMaintenance.deleteRange(connection, first, last);
    }

    /**
     * A bulk write: triggers are off from the start; once the write has added more rows than the
     * table had (and at least {@value #DROP_INDEXES_AFTER}), the secondary indexes go too, and
     * {@link #finish} builds them again from sorted data. The rows of the derived tables are held
     * ({@link DerivedRows}) and written in key order, on another thread when that pays
     * ({@link SideFill}). The full-text index is filled here, from the table, in one statement:
     * 1,000,000 attendees in about 1.2 s, less than binding their text into a scratch database
     * would take (tried and measured, docs/sql.md).
     */
    private final class SqliteBulk implements Bulk {
        private final Connection connection;
        private final long threshold;
        private final boolean keepEmailIndex;
        private final DerivedRows derived = new DerivedRows(derivedCapacity);
        private final boolean byTriggers;
        private boolean indexesDropped;
        private SideFill side;

        /**
         * {@code byTriggers}: the schema has users' own triggers ({@link RowTriggers#othersPresent}), so the
         * row triggers stay and keep the derived tables in step, and only the indexes are rebuilt.
         */
        SqliteBulk(Connection connection, long existing, boolean keepEmailIndex, boolean byTriggers) {
            this.connection = connection;
            this.threshold = Math.max(DROP_INDEXES_AFTER, existing);
            this.keepEmailIndex = keepEmailIndex;
            this.byTriggers = byTriggers;
        }

        @Override
        public boolean added(long id, BoundRow row) {
            if (byTriggers) {
                return false;
            }
            Attendee a = row.attendee();
            derived.add(id, a.productInterests(), row.interests(), a.boothVisited(), row.booths());
            return derived.full();
        }

        @Override
        public void flushHeld() throws SQLException {
            derived.flush(connection);
        }

        @Override
        public void written(long rows) throws SQLException {
            if (!indexesDropped && rows > threshold) {
                dropIndexes(connection, INDEX_NAMES, keepEmailIndex);
                indexesDropped = true;
            }
        }

        @Override
        public void finish(long first, long last) throws SQLException {
            boolean cores = Runtime.getRuntime().availableProcessors() > 1;
            if (derived.held() >= SIDE_FILL_AFTER && cores && derivedTablesEmpty(connection)) {
                side = SideFill.start(connection, derived); // built on another thread while this one indexes
            } else {
                derived.flush(connection);
            }
            if (first <= last && !byTriggers) {
                SetBasedMaintenance.addWords(connection, first, last);
            }
            if (indexesDropped) {
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA threads = 2"); // the sorter of CREATE INDEX may use a helper thread
                    s.execute("PRAGMA cache_size = " + SORT_CACHE_KIB);
                }
                Scripts.run(connection, INDEXES);
            }
            restoreSettings();
            if (side != null) {
                side.copyInto(connection);
                derived.fillById(connection);
            }
            try (Statement s = connection.createStatement()) {
                // Fresh statistics, from a sample: without them the planner drives broad filters through
                // low-selectivity indexes (industry) and runs several times slower.
                s.execute("PRAGMA analysis_limit = " + ANALYSIS_LIMIT);
                s.execute("ANALYZE");
            }
            RowTriggers.create(connection);
        }

        @Override
        public void beforeReplace(long id, boolean addedHere) throws SQLException {
            if (byTriggers) {
                return;
            }
            if (addedHere) {
                derived.flush(connection); // its rows are then in the tables, where the next statements find them
            } else {
                SetBasedMaintenance.removeWordsOf(connection, id);
            }
            SetBasedMaintenance.removeItemsOf(connection, id);
        }

        @Override
        public void afterReplace(long id, boolean addedHere) throws SQLException {
            if (byTriggers) {
                return;
            }
            SetBasedMaintenance.addItems(connection, id, id);
            if (!addedHere) {
                SetBasedMaintenance.addWords(connection, id, id); // rows added here get theirs in finish
            }
        }

        /** The connection's settings outside bulk writes, which the pool hands it out with again. */
        private void restoreSettings() throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA threads = 0");
                s.execute("PRAGMA cache_size = " + CACHE_KIB);
            }
        }

        @Override
        public void ended() {
            if (side != null) {
                side.close();
            }
            try {
                restoreSettings(); // also after a failure midway
            } catch (SQLException ignored) {
                // The settings of this connection only; the pool's reset closes it at worst.
            }
            journal.bulkWriteEnded(connection);
        }
    }

    /** Whether both normalized tables are empty (a bulk write may then build them aside, see {@link SideFill}). */
    private static boolean derivedTablesEmpty(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT NOT EXISTS (SELECT 1 FROM attendee_interests) AND NOT EXISTS (SELECT 1 FROM booth_visits)")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    @Override
    public void beforeUse(DataSource pool) {
        journal.beforeUse(pool);
    }

    @Override
    public void afterMigrations(Connection connection) throws SQLException {
        Scripts.run(connection, INDEXES);
        RowTriggers.create(connection);
    }

    @Override
    public void lockForMigration(Connection connection) {
        // The transaction began with BEGIN IMMEDIATE: it holds the database's write lock.
    }

    @Override
    protected String tableExistsSql() {
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
    }

    @Override
    public List<TableInfo> tables(Connection connection, List<String> names) throws SQLException {
        List<TableInfo> tables = new ArrayList<>();
        for (String table : names) {
            List<TableInfo.ColumnInfo> columns = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // An INTEGER PRIMARY KEY is the rowid: never NULL, whatever the declaration says.
                        boolean notNull = rs.getInt(3) != 0 || rs.getInt(4) != 0;
                        columns.add(new TableInfo.ColumnInfo(rs.getString(1), rs.getString(2), !notNull));
                    }
                }
            }
            if (!columns.isEmpty()) {
                tables.add(new TableInfo(table, columns));
            }
        }
        return tables;
    }

    @Override
    public ReadOnlyStatement.Syntax syntax() {
        return ReadOnlyStatement.Syntax.SQLITE;
    }

    @Override
    public void beginReadOnly(Connection connection, Duration timeout) {
        // The connection was opened read-only (SQLITE_OPEN_READONLY, query_only); the timeout is a cancel.
    }

    @Override
    public boolean isTimeout(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("interrupted") || m.contains("SQLITE_INTERRUPT");
    }
}
