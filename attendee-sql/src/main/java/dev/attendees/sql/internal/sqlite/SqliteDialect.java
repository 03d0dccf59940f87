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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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

    private static final String TRIGGERS = "migrations/sqlite/triggers.sql";
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

    private static final List<String> TRIGGER_NAMES =
            List.of("attendees_derived_insert", "attendees_derived_delete", "attendees_derived_update");

    /** Fills {@code attendee_interests} for the attendees with ids {@code ?1..?2} from their lists. */
    static final String FILL_INTERESTS = """
            INSERT INTO attendee_interests (attendee_id, position, interest)
            SELECT a.id, j.key, j.value
            FROM attendees a, json_each('[' || replace(json_quote(a.product_interests), ';', '","') || ']') j
            WHERE a.id BETWEEN ?1 AND ?2 AND a.product_interests <> ''""";

    /** Fills {@code booth_visits} for the attendees with ids {@code ?1..?2} from their lists. */
    static final String FILL_BOOTHS = """
            INSERT INTO booth_visits (attendee_id, position, booth)
            SELECT a.id, j.key, j.value
            FROM attendees a, json_each('[' || replace(json_quote(a.booth_visited), ';', '","') || ']') j
            WHERE a.id BETWEEN ?1 AND ?2 AND a.booth_visited <> ''""";

    /** Adds the words of the attendees that {@code chosen} selects (a condition on {@code attendees a}) to the full-text index. */
    private static String wordsIn(String chosen) {
        return "INSERT INTO attendees_fts (rowid, name, company, job_title)"
                + " SELECT a.id, a.name, a.company, a.job_title FROM attendees a WHERE " + chosen;
    }

    /** Removes the words of the attendees that {@code chosen} selects from the full-text index (which needs their current values). */
    private static String wordsOut(String chosen) {
        return "INSERT INTO attendees_fts (attendees_fts, rowid, name, company, job_title)"
                + " SELECT 'delete', a.id, a.name, a.company, a.job_title FROM attendees a WHERE " + chosen;
    }

    /** Adds the attendees with ids {@code ?1..?2} to the full-text index. */
    private static final String FILL_FTS = wordsIn("a.id BETWEEN ?1 AND ?2");

    /**
     * Removes the derived rows of attendee {@code ?1}, found by (item, attendee) from its current
     * lists: the tables' primary keys start with the item (V3).
     */
    private static final List<String> UNFILL_DERIVED = List.of(
            """
            DELETE FROM attendee_interests WHERE attendee_id = ?1 AND interest IN (SELECT j.value
                FROM attendees a, json_each('[' || replace(json_quote(a.product_interests), ';', '","') || ']') j
                WHERE a.id = ?1)""",
            """
            DELETE FROM booth_visits WHERE attendee_id = ?1 AND booth IN (SELECT j.value
                FROM attendees a, json_each('[' || replace(json_quote(a.booth_visited), ';', '","') || ']') j
                WHERE a.id = ?1)""");

    /** Removes attendee {@code ?1} from the full-text index. */
    private static final String UNFILL_FTS = wordsOut("a.id = ?1");

    /**
     * Set-based maintenance of an in-place overwrite ({@link #beginRewrite}) or a delete of the
     * attendees that {@code chosen} selects (a condition on {@code attendees a}): before, the old
     * rows' words leave the full-text index and their items the normalized tables (found by
     * (item, attendee) from the old lists, one primary-key range each); after an overwrite, the
     * new rows' go in.
     */
    private static List<String> unfill(String chosen) {
        return List.of(
                wordsOut(chosen),
                "DELETE FROM attendee_interests WHERE (interest, attendee_id) IN (SELECT j.value, a.id"
                        + " FROM attendees a, json_each('[' || replace(json_quote(a.product_interests), ';', '\",\"') || ']') j"
                        + " WHERE " + chosen + ")",
                "DELETE FROM booth_visits WHERE (booth, attendee_id) IN (SELECT j.value, a.id"
                        + " FROM attendees a, json_each('[' || replace(json_quote(a.booth_visited), ';', '\",\"') || ']') j"
                        + " WHERE " + chosen + ")");
    }

    /** See {@link #unfill}. */
    private static List<String> fill(String chosen) {
        return List.of(
                wordsIn(chosen),
                choosing(FILL_INTERESTS, chosen),
                choosing(FILL_BOOTHS, chosen));
    }

    /** A fill by id range ({@link #FILL_INTERESTS}, {@link #FILL_BOOTHS}) for the attendees {@code chosen} selects instead. */
    private static String choosing(String fillByRange, String chosen) {
        String range = "a.id BETWEEN ?1 AND ?2";
        if (!fillByRange.contains(range)) {
            throw new IllegalStateException("the fill statement no longer selects by '" + range + "': " + fillByRange);
        }
        return fillByRange.replace(range, chosen);
    }

    /** The attendees whose ids the JSON array {@code ?1} lists. */
    private static final String IN_IDS = "a.id IN (SELECT value FROM json_each(?1))";

    private static final List<String> UNFILL_IDS = unfill(IN_IDS);
    private static final List<String> FILL_IDS = fill(IN_IDS);

    /** The ids a delete chose, in a temporary table of the store's connection for the transaction's length. */
    private static final String DOOMED = "temp.attendees_doomed";

    /** Removes the attendees of {@link #DOOMED} with their words and list items. */
    private static final List<String> DELETE_DOOMED = Stream.concat(
            unfill("a.id IN (SELECT id FROM " + DOOMED + ")").stream(),
            Stream.of("DELETE FROM attendees WHERE id IN (SELECT id FROM " + DOOMED + ")")).toList();

    /** Removes the attendees with ids {@code ?1..?2} with their words and list items, a key range of each item at a time. */
    private static final List<String> DELETE_RANGE = List.of(
            wordsOut("a.id BETWEEN ?1 AND ?2"),
            "DELETE FROM attendee_interests WHERE interest IN (SELECT DISTINCT interest FROM attendee_interests)"
                    + " AND attendee_id BETWEEN ?1 AND ?2",
            "DELETE FROM booth_visits WHERE booth IN (SELECT DISTINCT booth FROM booth_visits)"
                    + " AND attendee_id BETWEEN ?1 AND ?2",
            "DELETE FROM attendees WHERE id BETWEEN ?1 AND ?2");

    /** Removes every attendee, word and list item: what {@link #DELETE_DOOMED} does when all are chosen, in a moment. */
    private static final List<String> DELETE_EVERYONE = List.of(
            "INSERT INTO attendees_fts (attendees_fts) VALUES ('delete-all')",
            "DELETE FROM attendee_interests", "DELETE FROM booth_visits", "DELETE FROM attendees");

    /** Whether the database may still be in rollback-journal mode (see {@link #beginBulk}). */
    private final AtomicBoolean walPending = new AtomicBoolean(true);

    /** Bulk writes running: the journal mode must not change under them. */
    private final AtomicInteger bulks = new AtomicInteger();

    /** Rows of the derived tables a bulk write holds before it writes them. */
    private final int derivedCapacity;

    /** The dialect of one store. */
    public SqliteDialect() {
        this(DerivedRows.CAPACITY);
    }

    /** The dialect of one store whose bulk writes hold at most {@code derivedCapacity} derived rows (tests use small ones). */
    public SqliteDialect(int derivedCapacity) {
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
        bulks.incrementAndGet();
        try (Statement s = connection.createStatement()) {
            boolean byTriggers = othersTriggers(connection);
            if (!byTriggers) {
                dropTriggers(connection);
            }
            s.execute("PRAGMA cache_size = " + BULK_CACHE_KIB);
            return new SqliteBulk(connection, existing, keepEmailIndex, byTriggers);
        } catch (SQLException | RuntimeException e) {
            bulks.decrementAndGet(); // no bulk write to end: Bulk.ended will not be called
            throw e;
        }
    }

    /**
     * Overwrites in place without the row triggers, which cost about 200 us an attendee (every
     * trigger call splits both lists in SQL and updates the full-text index row by row): each
     * chunk's derived rows and words go out and in with one statement each ({@link #UNFILL_IDS},
     * {@link #FILL_IDS}). The triggers come back before the commit; a rollback brings them back too.
     */
    @Override
    public Rewrite beginRewrite(Connection connection) throws SQLException {
        if (othersTriggers(connection)) {
            return super.beginRewrite(connection);
        }
        dropTriggers(connection);
        return new Rewrite() {
            @Override
            public int overwrite(long[] ids, List<Attendee> rows) throws SQLException {
                runForIds(connection, UNFILL_IDS, ids);
                int updated = updateEach(connection, ids, rows);
                runForIds(connection, FILL_IDS, ids);
                return updated;
            }

            @Override
            public void finish() throws SQLException {
                Scripts.run(connection, TRIGGERS);
            }
        };
    }

    /**
     * Deletes without the row triggers, which cost about 40 us an attendee (a 300,000-attendee run:
     * 12 s): the chosen ids go into a temporary table first (the condition may search the
     * full-text index, which the next statements change), then their words, list items and rows
     * go with one statement each, or, when every attendee goes, with FTS5's {@code delete-all}
     * and unconditional deletes, which SQLite empties a table with at once.
     */
    @Override
    public long delete(Connection connection, DSLContext ctx, Condition where) throws SQLException {
        if (othersTriggers(connection)) {
            return super.delete(connection, ctx, where);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + DOOMED);
            s.execute("CREATE TABLE " + DOOMED + " (id INTEGER PRIMARY KEY)");
            long chosen = ctx.execute("INSERT INTO " + DOOMED + " (id) {0}", select(Tables.ID).from(Tables.ATTENDEES).where(where));
            deleteWithoutTriggers(connection, chosen, DELETE_DOOMED, 0, 0);
            s.execute("DROP TABLE " + DOOMED);
            return chosen;
        }
    }

    /**
     * Deletes ids {@code first..last} (a run) as {@link #delete} does, by ranges: an id range is
     * one key range of each item in the normalized tables, so their rows go item by item without
     * reading the lists (a run of 150,000 of 159,000 attendees: 0.84 s, against 2.3 s with the
     * triggers).
     */
    @Override
    public long deleteBetween(Connection connection, DSLContext ctx, long first, long last) throws SQLException {
        if (othersTriggers(connection)) {
            return super.deleteBetween(connection, ctx, first, last);
        }
        long chosen;
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM attendees WHERE id BETWEEN ?1 AND ?2")) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                chosen = rs.next() ? rs.getLong(1) : 0;
            }
        }
        deleteWithoutTriggers(connection, chosen, DELETE_RANGE, first, last);
        return chosen;
    }

    /**
     * Whether the schema has triggers of its own (users') on {@code attendees} or the normalized
     * tables. Such a trigger may write other rows of {@code attendees} while the store deletes or
     * overwrites the ones it chose; only the row triggers keep those in step, so regenerations and
     * deletes then keep them (the slower way) instead of working set-based.
     */
    private static boolean othersTriggers(Connection connection) throws SQLException {
        // TEMP triggers too: made through the pool (dataSource()), they sit on the store's own connections.
        try (PreparedStatement ps = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM (SELECT type, name, tbl_name"
                + " FROM sqlite_master UNION ALL SELECT type, name, tbl_name FROM sqlite_temp_master)"
                + " WHERE type = 'trigger' AND lower(tbl_name) IN ('attendees', 'attendee_interests', 'booth_visits')"
                + " AND name NOT IN (?, ?, ?))")) {
            for (int i = 0; i < TRIGGER_NAMES.size(); i++) {
                ps.setString(i + 1, TRIGGER_NAMES.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Runs {@code statements} (their {@code ?1} and {@code ?2} bound to {@code first} and
     * {@code last} where they have them) with the row triggers dropped, or {@link #DELETE_EVERYONE}
     * when the {@code chosen} attendees are all there are.
     */
    private static void deleteWithoutTriggers(Connection connection, long chosen, List<String> statements, long first, long last)
            throws SQLException {
        if (chosen == 0) {
            return;
        }
        long all;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM attendees")) {
            all = rs.next() ? rs.getLong(1) : -1;
        }
        dropTriggers(connection);
        run(connection, chosen == all ? DELETE_EVERYONE : statements, first, last);
        Scripts.run(connection, TRIGGERS);
    }

    private static void runForIds(Connection connection, List<String> statements, long[] ids) throws SQLException {
        StringBuilder array = new StringBuilder(ids.length * 8).append('[');
        for (int i = 0; i < ids.length; i++) {
            array.append(i == 0 ? "" : ",").append(ids[i]);
        }
        String json = array.append(']').toString();
        for (String sql : statements) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, json);
                ps.executeUpdate();
            }
        }
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
         * {@code byTriggers}: the schema has users' own triggers ({@link #othersTriggers}), so the
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
                run(connection, List.of(FILL_FTS), first, last);
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
            Scripts.run(connection, TRIGGERS);
        }

        @Override
        public void beforeReplace(long id, boolean addedHere) throws SQLException {
            if (byTriggers) {
                return;
            }
            if (addedHere) {
                derived.flush(connection); // its rows are then in the tables, where the next statements find them
            } else {
                run(connection, List.of(UNFILL_FTS), id, id);
            }
            run(connection, UNFILL_DERIVED, id, id);
        }

        @Override
        public void afterReplace(long id, boolean addedHere) throws SQLException {
            if (byTriggers) {
                return;
            }
            run(connection, List.of(FILL_INTERESTS, FILL_BOOTHS), id, id);
            if (!addedHere) {
                run(connection, List.of(FILL_FTS), id, id); // rows added here get theirs in finish
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
            bulks.decrementAndGet();
            switchToWal(connection, false);
        }
    }

    /** Whether both normalized tables are empty (a bulk write may then build them aside, see {@link SideFill}). */
    private static boolean derivedTablesEmpty(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT NOT EXISTS (SELECT 1 FROM attendee_interests) AND NOT EXISTS (SELECT 1 FROM booth_visits)")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Drops the row triggers in the connection's open transaction (its rollback brings them back; {@link #TRIGGERS} too). */
    private static void dropTriggers(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String trigger : TRIGGER_NAMES) {
                s.execute("DROP TRIGGER IF EXISTS " + trigger);
            }
        }
    }

    /** Runs {@code statements}, their {@code ?1} and {@code ?2} (where they have them) bound to {@code first} and {@code last}. */
    private static void run(Connection connection, List<String> statements, long first, long last) throws SQLException {
        for (String sql : statements) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                if (sql.contains("?1")) {
                    ps.setLong(1, first);
                }
                if (sql.contains("?2")) {
                    ps.setLong(2, last);
                }
                ps.executeUpdate();
            }
        }
    }

    @Override
    public void beforeUse(DataSource pool) {
        if (walPending.get() && bulks.get() == 0) {
            try (Connection c = pool.getConnection()) {
                switchToWal(c, false);
            } catch (SQLException e) {
                // Tried again next time; rollback-journal mode is correct meanwhile, only less concurrent.
            }
        }
    }

    /**
     * Puts a database file that existed before the store opened it in WAL mode, waiting (up to the
     * busy timeout) for other processes' locks. Best effort, like {@link #beforeUse}, which tries
     * again.
     */
    public void openedExisting(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            switchToWal(c, true);
        } catch (SQLException e) {
            // beforeUse tries again.
        }
    }

    /**
     * Puts the database in WAL mode (which the file keeps) unless it is already, or a bulk write is
     * running; {@code connection} must not be in a transaction. When the mode cannot change now
     * (another connection holds a lock; {@code wait}: after the busy timeout), the next call tries
     * again.
     */
    private void switchToWal(Connection connection, boolean wait) {
        if (!walPending.get() || bulks.get() > 0) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            int busyTimeout;
            try (ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
                busyTimeout = rs.next() ? rs.getInt(1) : 0;
            }
            if (!wait) {
                s.execute("PRAGMA busy_timeout = 0");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                if (rs.next() && "wal".equalsIgnoreCase(rs.getString(1))) {
                    walPending.set(false);
                }
            } finally {
                s.execute("PRAGMA busy_timeout = " + busyTimeout);
            }
        } catch (SQLException e) {
            // Tried again next time.
        }
    }

    @Override
    public void afterMigrations(Connection connection) throws SQLException {
        Scripts.run(connection, INDEXES);
        Scripts.run(connection, TRIGGERS);
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
