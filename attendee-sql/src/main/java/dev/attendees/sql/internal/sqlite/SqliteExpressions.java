package dev.attendees.sql.internal.sqlite;

import static org.jooq.impl.DSL.select;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attendees.Attendee;
import dev.attendees.sql.internal.SqlExpressions;
import dev.attendees.sql.internal.Tables;
import dev.attendees.sql.internal.Timestamps;
import dev.attendees.store.Sort;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What SQL looks like in SQLite: timestamps as text in the contract's format (compared as text),
 * text ordered by its bytes (code points), long lists bound as one JSON array, FTS5 for full text,
 * and {@code +column} to keep a filter off an index while a page walks another.
 */
public final class SqliteExpressions implements SqlExpressions {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public SQLDialect jooq() {
        return SQLDialect.SQLITE;
    }

    @Override
    public Object timestamp(LocalDateTime time) {
        return Timestamps.contractText(time);
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

    @Override
    public Field<String> timeOfDay(Field<Object> timestamp) {
        return DSL.substring(timestamp.cast(SQLDataType.VARCHAR), 12, 8);
    }

    @Override
    public Field<Double> hoursOfDay(Field<Object> timestamp) {
        return DSL.field("(CAST(substr(CAST({0} AS TEXT), 12, 2) AS INTEGER) * 3600 + CAST(substr(CAST({0} AS TEXT), 15, 2)"
                + " AS INTEGER) * 60 + CAST(substr(CAST({0} AS TEXT), 18, 2) AS INTEGER)) / 3600.0", Double.class, timestamp);
    }

    @Override
    public Field<String> emailDomain(Field<String> email) {
        return DSL.field("lower(substr({0}, instr({0}, '@') + 1))", String.class, email);
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

    /** {@code +field}: SQLite's documented way to keep a term off the indexes. */
    @Override
    public <T> Field<T> unindexed(Field<T> field) {
        return DSL.field("+{0}", field.getDataType(), field);
    }

    /** {@code column IN (SELECT value FROM json_each(?))}, the list bound as one JSON array. */
    @Override
    public Condition inLongList(Field<String> column, List<String> values) {
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
}
