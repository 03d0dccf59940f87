package dev.attendees.sql.internal.postgres;

import dev.attendees.sql.internal.SqlExpressions;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * What SQL looks like in PostgreSQL: {@code TIMESTAMP} columns, text ordered with
 * {@code COLLATE "C"} so that sorting matches SQLite's, long lists bound as one array, and full
 * text as a GIN index over an expression (so it is never out of step).
 */
public final class PostgresExpressions implements SqlExpressions {

    /**
     * The full-text document; the same expression as the {@code attendees_search} index (V5 and
     * {@code indexes.sql}), so the index is used. {@code attendees_search_words} (V5) splits the
     * text at every character that is not a letter or digit, as the query's words are split
     * ({@code FilterConditions.words}), lower-cases it and drops the diacritics of ASCII letters,
     * whatever the database's locale.
     */
    private static final String DOCUMENT = "to_tsvector('simple', attendees_search_words("
            + "coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(job_title, '')))";


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

    /**
     * {@code COLLATE "C"}, the name quoted whatever the context's settings: SQL rendered with names
     * unquoted (the compiled question plans) would otherwise say {@code COLLATE C}, which PostgreSQL
     * folds to {@code c}, a collation that does not exist.
     */
    @Override
    public Field<String> byCodePoint(Field<String> f) {
        return f.collate(DSL.collation(DSL.quotedName("C")));
    }

    @Override
    public Field<String> day(Field<Object> timestamp) {
        return DSL.field("to_char({0}, 'YYYY-MM-DD')", String.class, timestamp);
    }

    @Override
    public Field<String> hour(Field<Object> timestamp) {
        return DSL.field("to_char({0}, 'HH24')", String.class, timestamp);
    }

    @Override
    public Field<String> timeOfDay(Field<Object> timestamp) {
        return DSL.field("to_char({0}, 'HH24:MI:SS')", String.class, timestamp);
    }

    @Override
    public Field<Double> hoursOfDay(Field<Object> timestamp) {
        return DSL.field("EXTRACT(EPOCH FROM CAST({0} AS TIME)) / 3600.0", Double.class, timestamp);
    }

    @Override
    public Field<String> emailDomain(Field<String> email) {
        return DSL.field("lower(split_part({0}, '@', 2))", String.class, email);
    }

    /**
     * {@code column IN (SELECT unnest(?))}, the list bound as one array. Not {@code column = ANY
     * (?)}: jOOQ binds the array as text cast to an array, a cast PostgreSQL does not fold into a
     * constant, so {@code = ANY} parsed all the values again for every row, where an uncorrelated
     * subquery is read once (measured in docs/sql-design.md).
     */
    @Override
    public Condition inLongList(Field<String> column, List<String> values) {
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

    /** The first and last times PostgreSQL's {@code TIMESTAMP} holds. */
    private static final LocalDateTime FIRST_TIMESTAMP = LocalDateTime.of(-4712, 1, 1, 0, 0);
    private static final LocalDateTime LAST_TIMESTAMP = LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000);
}
