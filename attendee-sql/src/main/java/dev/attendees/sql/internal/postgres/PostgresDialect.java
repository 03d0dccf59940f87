package dev.attendees.sql.internal.postgres;

import dev.attendees.Attendee;
import dev.attendees.ConfigurationException;
import dev.attendees.sql.internal.Dialect;
import dev.attendees.sql.internal.ReadOnlyStatement;
import dev.attendees.sql.internal.Scripts;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Parser;

/**
 * PostgreSQL: {@code TIMESTAMP} columns, a GIN index over an expression for full text (so it is
 * never out of step), statement-level triggers for the derived tables, and text ordered with
 * {@code COLLATE "C"} so that sorting matches SQLite's.
 */
public final class PostgresDialect extends Dialect {

    /**
     * The full-text document; the same expression as the {@code attendees_search} index (V5 and
     * {@code indexes.sql}), so the index is used. {@code attendees_search_words} (V5) splits the
     * text at every character that is not a letter or digit, as {@link StoreCore#words} does,
     * lower-cases it and drops the diacritics of ASCII letters, whatever the database's locale.
     */
    private static final String DOCUMENT = "to_tsvector('simple', attendees_search_words("
            + "coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(job_title, '')))";

    /** The secondary indexes, which a bulk write into an empty table builds afresh. */
    private static final String INDEXES = "migrations/postgresql/indexes.sql";
    private static final List<String> INDEX_NAMES = indexNames(INDEXES);

    /** The sort memory of those index builds (the server's default is 64MB). */
    static final String BUILD_MEMORY = "256MB";

    /** The key of the advisory lock that serialises migrations. */
    private static final long MIGRATION_LOCK = 0x61747465L;

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public SQLDialect jooq() {
        return SQLDialect.POSTGRES;
    }

    @Override
    public Object timestamp(LocalDateTime time) {
        return time;
    }

    /**
     * A {@code TIMESTAMP} holds microseconds, and the driver rounds a time's nanoseconds to the
     * nearest one; rounded up instead, a bound keeps its exact meaning: a stored time is at or
     * after 10:00:00.000000001 exactly when it is at or after 10:00:00.000001, and before it exactly
     * when before 10:00:00.000001.
     */
    @Override
    public Field<Object> timestampParam(LocalDateTime time) {
        // Beyond TIMESTAMP's range (4713 BC to 294276 AD) the server refuses a value; its ends select the same rows.
        LocalDateTime bound = time == null ? null
                : time.isBefore(FIRST_TIMESTAMP) ? FIRST_TIMESTAMP : time.isAfter(LAST_TIMESTAMP) ? LAST_TIMESTAMP : time;
        LocalDateTime micros = bound == null || bound.getNano() % 1_000 == 0 ? bound
                : bound.withNano(bound.getNano() / 1_000 * 1_000).plusNanos(1_000);
        return DSL.val(micros, SQLDataType.LOCALDATETIME).coerce(Object.class);
    }

    @Override
    public void bindTimestampValue(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, value);
        }
    }

    @Override
    public Field<String> text(Field<?> f, boolean timestamp) {
        return timestamp ? DSL.field("to_char({0}, 'YYYY-MM-DD HH24:MI:SS')", String.class, f) : f.cast(SQLDataType.VARCHAR);
    }

    @Override
    public Field<String> byCodePoint(Field<String> f) {
        return f.collate("C");
    }

    @Override
    public Field<String> day(Field<Object> timestamp) {
        return DSL.field("to_char({0}, 'YYYY-MM-DD')", String.class, timestamp);
    }

    @Override
    public Field<String> hour(Field<Object> timestamp) {
        return DSL.field("to_char({0}, 'HH24')", String.class, timestamp);
    }

    /**
     * {@code column IN (SELECT unnest(?))}, the list bound as one array. Not {@code column = ANY
     * (?)}: jOOQ binds the array as text cast to an array, a cast PostgreSQL does not fold into a
     * constant, so {@code = ANY} parsed all the values again for every row (300 attendees and
     * 70,000 values: 3.6 s, against 0.1 s as an uncorrelated subquery, read once).
     */
    @Override
    protected Condition inLongList(Field<String> column, List<String> values) {
        return DSL.condition("{0} IN (SELECT unnest({1}))", column, DSL.val(values.toArray(String[]::new)));
    }

    /**
     * {@code attendees_search_query} (V5) folds the words as the document's (so {@code jose} finds
     * {@code José}, as in SQLite) and asks for a word starting with each: {@code w1:* & w2:*}.
     */
    @Override
    public Condition fullText(List<String> words) {
        return DSL.condition(DOCUMENT + " @@ attendees_search_query({0})", DSL.val(String.join(" ", words)));
    }

    /** Overwrites a chunk of attendees in one statement, its values bound as one array a column. */
    private static final String OVERWRITE = "UPDATE attendees a SET name = v.name, email = v.email, company = v.company,"
            + " event_name = v.event_name, attendance_time = v.attendance_time::timestamp, job_title = v.job_title,"
            + " industry = v.industry, company_size = v.company_size, product_interests = v.product_interests,"
            + " booth_visited = v.booth_visited, image_path = v.image_path, created_at = v.created_at::timestamp"
            + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS v (id, name, email, company, event_name,"
            + " attendance_time, job_title, industry, company_size, product_interests, booth_visited, image_path,"
            + " created_at) WHERE a.id = v.id";

    /**
     * Overwrites each chunk in one {@code UPDATE ... FROM unnest(...)}: the statement-level
     * triggers then renew the chunk's derived rows set-based once, where a statement a row fired
     * them for every attendee (69,206 of 100,000 attendees: 17.6 s that way).
     */
    @Override
    public Rewrite beginRewrite(Connection connection) {
        return (ids, rows) -> {
            int n = ids.length;
            Long[] id = new Long[n];
            String[][] text = new String[12][n];
            for (int i = 0; i < n; i++) {
                Attendee a = rows.get(i);
                id[i] = ids[i];
                text[0][i] = a.name();
                text[1][i] = a.email();
                text[2][i] = a.company();
                text[3][i] = a.eventName();
                text[4][i] = contractText(a.attendanceTime());
                text[5][i] = a.jobTitle();
                text[6][i] = a.industry() == null ? null : a.industry().label();
                text[7][i] = a.companySize() == null ? null : a.companySize().label();
                text[8][i] = a.productInterestsText();
                text[9][i] = a.boothVisitedText();
                text[10][i] = a.imagePath();
                text[11][i] = contractText(a.createdAt());
            }
            try (PreparedStatement ps = connection.prepareStatement(OVERWRITE)) {
                ps.setArray(1, connection.createArrayOf("bigint", id));
                for (int c = 0; c < text.length; c++) {
                    ps.setArray(c + 2, connection.createArrayOf("text", text[c]));
                }
                return ps.executeUpdate();
            }
        };
    }

    /**
     * Starts a bulk write. Statement-level triggers fill the derived tables as rows arrive. A write
     * into an empty {@code attendees} table that passes {@value Dialect#DROP_INDEXES_AFTER} rows
     * drops the secondary indexes (of the derived tables too, and the full-text GIN index) and
     * {@link Bulk#finish} builds them again from the loaded tables, with more sort memory: several
     * times faster than keeping them up to date row by row. Dropping takes the table's exclusive
     * lock, so readers then wait for the commit; with an empty table they have nothing to miss, and
     * a write into a table that has rows keeps its indexes and never blocks them.
     */
    @Override
    public Bulk beginBulk(Connection connection, long existing, boolean keepEmailIndex) throws SQLException {
        lockForWrite(connection);
        boolean empty = existing == 0;
        return new Bulk() {
            private boolean indexesDropped;

            @Override
            public void written(long rows) throws SQLException {
                if (empty && !indexesDropped && rows > DROP_INDEXES_AFTER) {
                    dropIndexes(connection, INDEX_NAMES, keepEmailIndex);
                    indexesDropped = true;
                }
            }

            @Override
            public void finish(long first, long last) throws SQLException {
                try (Statement s = connection.createStatement()) {
                    if (indexesDropped) {
                        s.execute("SET LOCAL maintenance_work_mem = '" + BUILD_MEMORY + "'");
                        Scripts.run(connection, INDEXES);
                    }
                    s.execute("ANALYZE attendees, attendee_interests, booth_visits");
                }
            }

            @Override
            public void beforeReplace(long id, boolean addedHere) {}

            @Override
            public void afterReplace(long id, boolean addedHere) {}
        };
    }

    /** {@code COPY ... FROM STDIN} ({@link PostgresCopy}). */
    @Override
    public RowCopy rowCopy(Connection connection) throws SQLException {
        return new PostgresCopy(connection);
    }

    @Override
    public void lockForMigration(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, MIGRATION_LOCK);
            ps.execute();
        }
        // The full-text words of schema version 5 need normalize() (PostgreSQL 13) and Unicode text.
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_setting('server_version_num')::int, current_setting('server_version'),"
                        + " pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()")) {
            rs.next();
            if (rs.getInt(1) < MIN_SERVER_VERSION || !"UTF8".equals(rs.getString(3))) {
                throw new ConfigurationException("the store needs PostgreSQL 13 or newer and a database in UTF8;"
                        + " this one is PostgreSQL " + rs.getString(2) + " in " + rs.getString(3));
            }
        }
    }

    /** The first and last times PostgreSQL's {@code TIMESTAMP} holds. */
    private static final LocalDateTime FIRST_TIMESTAMP = LocalDateTime.of(-4712, 1, 1, 0, 0);
    private static final LocalDateTime LAST_TIMESTAMP = LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000);

    /** {@code server_version_num} of PostgreSQL 13.0. */
    private static final int MIN_SERVER_VERSION = 130_000;

    @Override
    protected String tableExistsSql() {
        return "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?";
    }

    @Override
    public List<TableInfo> tables(Connection connection, List<String> names) throws SQLException {
        Map<String, List<TableInfo.ColumnInfo>> columns = new LinkedHashMap<>();
        names.forEach(n -> columns.put(n, new ArrayList<>()));
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position""")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<TableInfo.ColumnInfo> list = columns.get(rs.getString(1));
                    if (list != null) {
                        list.add(new TableInfo.ColumnInfo(rs.getString(2), rs.getString(3), "YES".equals(rs.getString(4))));
                    }
                }
            }
        }
        List<TableInfo> tables = new ArrayList<>();
        columns.forEach((table, list) -> {
            if (!list.isEmpty()) {
                tables.add(new TableInfo(table, list));
            }
        });
        return tables;
    }

    /** One writer at a time (ids follow the largest one); readers pass this lock. Taken again, it is a no-op. */
    @Override
    public void lockForWrite(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("LOCK TABLE attendees IN SHARE ROW EXCLUSIVE MODE");
        }
    }

    @Override
    public ReadOnlyStatement.Syntax syntax() {
        return ReadOnlyStatement.Syntax.POSTGRESQL;
    }

    /**
     * pgjdbc splits a text into statements itself and sends them all; a {@code COMMIT} among them
     * would end the read-only transaction. Its own parser, with the connection's reading of
     * backslashes, must find one statement (the server then refuses more than one in it too).
     */
    @Override
    public void checkOneStatement(Connection connection, String sql) throws SQLException {
        boolean standardStrings = connection.unwrap(BaseConnection.class).getStandardConformingStrings();
        if (!standardStrings && sql.indexOf('\\') >= 0) {
            // ReadOnlyStatement reads '...' as the standard has it; this server takes \' as a quote in it.
            throw new ConfigurationException("read-only SQL must not hold a backslash on a server with"
                    + " standard_conforming_strings off");
        }
        int statements = Parser.parseJdbcSql(sql, standardStrings, false, true, false, false).size();
        if (statements != 1) {
            throw new ConfigurationException("read-only SQL must be one statement; PostgreSQL's driver reads " + statements
                    + " in it");
        }
    }

    /** Session-level advisory locks outlive the rollback; the pooled connection must not keep them. */
    @Override
    public void endReadOnly(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_unlock_all()");
        }
    }

    @Override
    public void beginReadOnly(Connection connection, Duration timeout) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET TRANSACTION READ ONLY");
            // statement_timeout is an int of milliseconds: about 24.8 days at most.
            s.execute("SET LOCAL statement_timeout = " + Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        }
    }

    @Override
    public boolean isTimeout(SQLException e) {
        return "57014".equals(e.getSQLState());
    }
}
