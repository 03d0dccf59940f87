package dev.attendees.sql.internal;

import dev.attendees.store.Sort;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SQLDialect;

/**
 * What SQL looks like in one database: how timestamps are bound and compared, how values become
 * text and sort by code point, the parts of a time and of an e-mail address, how long lists are
 * bound, and what a full-text search is. The queries, the compiled question plans and the writes
 * are shared code that asks this.
 */
public interface SqlExpressions {

    /**
     * Lists up to this long go to the database as {@code IN (?, ?, ...)}: {@value}. Longer ones go
     * as one bound value ({@link #inLongList}): a statement binds at most 32,766 values in SQLite
     * and 65,535 in PostgreSQL, and beyond that jOOQ writes the values into the SQL text, which
     * SQLite refuses as too long past about 33,000 short ones.
     */
    int SHORT_LIST = 500;

    /** The jOOQ dialect. */
    SQLDialect jooq();

    /** A timestamp as a bind value of this database. */
    Object timestamp(LocalDateTime time);

    /**
     * A timestamp as a jOOQ bind value of this database's timestamp columns, compared with them by
     * the query API's bounds ({@code >= from}, {@code < to}): the rows it selects are those of the
     * exact time, fractions of a second included.
     */
    Field<Object> timestampParam(LocalDateTime time);

    /** Binds a timestamp (or SQL {@code NULL}) to a statement parameter. */
    default void bindTimestamp(PreparedStatement statement, int index, LocalDateTime time) throws SQLException {
        bindTimestampValue(statement, index, timestamp(time));
    }

    /** Binds a timestamp already in its bind form ({@link #timestamp}, or {@code null}) to a statement parameter. */
    void bindTimestampValue(PreparedStatement statement, int index, Object value) throws SQLException;

    /** A column's value as text, for grouping and listing (timestamps in the contract's format). */
    Field<String> text(Field<?> field, boolean timestamp);

    /** A text expression ordered by code point. */
    Field<String> byCodePoint(Field<String> field);

    /** The day ({@code YYYY-MM-DD}) of a timestamp column. */
    Field<String> day(Field<Object> timestamp);

    /** The hour ({@code 00}..{@code 23}) of a timestamp column. */
    Field<String> hour(Field<Object> timestamp);

    /** The time of day of a timestamp column as {@code HH:MM:SS} text. */
    Field<String> timeOfDay(Field<Object> timestamp);

    /** The time of day of a timestamp column in hours, with the fraction ({@code 09:30:00} is 9.5). */
    Field<Double> hoursOfDay(Field<Object> timestamp);

    /** The domain of an e-mail address column (what follows its {@code @}), in lower case. */
    Field<String> emailDomain(Field<String> email);

    /**
     * Whether rows come in {@code sort}'s order (empty values last) by walking an index of its
     * field, so that a page can stop early; {@code false} leaves it to the planner.
     */
    default boolean walksIndexInOrder(Sort sort) {
        return false;
    }

    /** {@code field} in a form that the planner will not look up in an index (for {@link #walksIndexInOrder}). */
    default <T> Field<T> unindexed(Field<T> field) {
        return field;
    }

    /** {@code column IN (values)}, for a list of any length. */
    default Condition in(Field<String> column, List<String> values) {
        return values.size() <= SHORT_LIST ? column.in(values) : inLongList(column, values);
    }

    /** {@code column IN (values)} with all the values bound as one value (a JSON text, an array). */
    Condition inLongList(Field<String> column, List<String> values);

    /** Attendees whose name, company or job title contain every one of {@code words} (lower case, letters and digits only), as words or word starts. */
    Condition fullText(List<String> words);
}
