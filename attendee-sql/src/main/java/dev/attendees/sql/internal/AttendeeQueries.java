package dev.attendees.sql.internal;

import static dev.attendees.sql.internal.Tables.*;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;

import dev.attendees.Attendee;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.AttendeePage;
import dev.attendees.store.AttendeeQuery;
import dev.attendees.store.Facet;
import dev.attendees.store.Sort;
import dev.attendees.store.ValueCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The query API's reads: one attendee, a page of a filter in a sort order with its total, counts,
 * the largest groups of a facet and a facet's values. In jOOQ, the same for both databases but for
 * their {@link SqlExpressions}.
 */
public final class AttendeeQueries {

    /** A filtered page walks its sort column's index when it expects to reach its end within this many rows: {@value}. */
    static final int WALK_ROWS = 20_000;

    private final Database database;
    private final SqlExpressions sql;
    private final FilterConditions filters;

    public AttendeeQueries(Database database) {
        this.database = database;
        this.sql = database.dialect().sql();
        this.filters = new FilterConditions(sql);
    }

    public Optional<Attendee> get(long id) {
        return database.read("read attendee " + id, c -> database.dsl(c).select(ATTENDEE_COLUMNS).from(ATTENDEES).where(ID.eq(id))
                .fetchOptional(AttendeeRows::from));
    }

    public AttendeePage find(AttendeeQuery query) {
        return database.read("find attendees", c -> {
            DSLContext ctx = database.dsl(c);
            Condition where = filters.condition(ctx, query.filter());
            List<SortField<?>> order = new ArrayList<>();
            for (Sort s : query.sort()) {
                Field<?> f = sortable(ATTENDEE_COLUMNS.get(s.field().ordinal()));
                order.add(s.ascending() ? f.asc().nullsLast() : f.desc().nullsLast());
            }
            order.add(ID.asc());
            if (!query.filter().isEmpty() && !query.sort().isEmpty() && sql.walksIndexInOrder(query.sort().get(0))) {
                return walkingTheSortIndex(ctx, query, where, order);
            }
            List<Attendee> items = ctx.select(ATTENDEE_COLUMNS).from(ATTENDEES).where(where).orderBy(order)
                    .limit(query.limit()).offset(query.offset()).fetch(AttendeeRows::from);
            long total = items.size() < query.limit() && (query.offset() == 0 || !items.isEmpty())
                    ? query.offset() + items.size() : count(ctx, where);
            return new AttendeePage(items, total, query.offset(), query.limit());
        });
    }

    /**
     * A filtered page sorted by a column whose index gives that order: counts first, and when the
     * matches are common enough that the page lies within the first {@value #WALK_ROWS} rows of
     * the index, reads the page by walking the index and testing each row, stopping at the
     * page's end, far sooner than collecting and sorting every match (docs/sql-design.md).
     * Otherwise the planner finds the matches first and sorts them, as for any other page. The walk
     * is asked for by keeping the filter's other columns off their indexes
     * ({@link SqlExpressions#unindexed}) and testing the lists per row ({@code EXISTS}): SQLite's
     * planner, which cannot know how common the matches are, would otherwise collect and sort every
     * match.
     */
    private AttendeePage walkingTheSortIndex(DSLContext ctx, AttendeeQuery query, Condition where, List<SortField<?>> order) {
        long total = count(ctx, where);
        if (total == 0 || query.offset() >= total) {
            return new AttendeePage(List.of(), total, query.offset(), query.limit());
        }
        // Two scalar subqueries: each reads one end of the rowid b-tree, where min and max together scan the table.
        Record span = ctx.select(DSL.field(select(DSL.min(ID)).from(ATTENDEES)), DSL.field(select(DSL.max(ID)).from(ATTENDEES)))
                .fetchOne();
        double rows = span == null || span.get(0) == null ? 0 : span.get(1, Long.class) - span.get(0, Long.class) + 1.0;
        double walk = (query.offset() + (double) query.limit()) * rows / total;
        Condition condition = walk <= WALK_ROWS ? filters.condition(ctx, query.filter(), query.sort().get(0).field()) : where;
        // LIMIT and OFFSET inline: the planner weighs a walk that stops early only when it sees the numbers.
        List<Attendee> items = ctx.select(ATTENDEE_COLUMNS).from(ATTENDEES).where(condition).orderBy(order)
                .limit(DSL.inline(query.limit())).offset(DSL.inline(query.offset())).fetch(AttendeeRows::from);
        return new AttendeePage(items, total, query.offset(), query.limit());
    }

    @SuppressWarnings("unchecked")
    private Field<?> sortable(Field<?> f) {
        return f.getType() == String.class ? sql.byCodePoint((Field<String>) f) : f;
    }

    public long count(AttendeeFilter filter) {
        return database.read("count attendees", c -> {
            DSLContext ctx = database.dsl(c);
            return count(ctx, filters.condition(ctx, filter));
        });
    }

    private static long count(DSLContext ctx, Condition where) {
        Long n = ctx.select(DSL.count()).from(ATTENDEES).where(where).fetchOne(0, Long.class);
        return n == null ? 0 : n;
    }

    /** Where a facet's values come from. */
    private record FacetSource(Table<?> from, Field<String> value, Field<Long> attendeeId) {}

    @SuppressWarnings("unchecked")
    private FacetSource source(Facet facet) {
        return switch (facet) {
            case INTEREST -> new FacetSource(INTERESTS, INTEREST, INTEREST_ATTENDEE);
            case BOOTH -> new FacetSource(BOOTHS, BOOTH, BOOTH_ATTENDEE);
            case ATTENDANCE_DAY -> new FacetSource(ATTENDEES, sql.day(ATTENDANCE_TIME), ID);
            case ATTENDANCE_HOUR -> new FacetSource(ATTENDEES, sql.hour(ATTENDANCE_TIME), ID);
            default -> {
                Field<?> f = ATTENDEE_COLUMNS.get(facet.field().ordinal());
                Field<String> value = f.getType() == String.class ? (Field<String>) f
                        : sql.text(f, f == ATTENDANCE_TIME || f == CREATED_AT);
                yield new FacetSource(ATTENDEES, value, ID);
            }
        };
    }

    public List<ValueCount> countBy(Facet facet, AttendeeFilter filter, int limit) {
        Limits.check(limit);
        return database.read("count attendees by " + facet.name().toLowerCase(Locale.ROOT), c -> {
            DSLContext ctx = database.dsl(c);
            FacetSource s = source(facet);
            Condition where = filters.condition(ctx, filter);
            if (s.from() != ATTENDEES) {
                where = filter.isEmpty() ? noCondition() : s.attendeeId().in(select(ID).from(ATTENDEES).where(where));
            }
            return ctx.select(s.value(), DSL.count()).from(s.from()).where(where).groupBy(s.value())
                    .orderBy(DSL.count().desc(), sql.byCodePoint(s.value()).asc().nullsLast())
                    .limit(limit)
                    .fetch(r -> new ValueCount(r.value1(), r.value2()));
        });
    }

    public List<String> distinctValues(Facet facet, int limit) {
        Limits.check(limit);
        return database.read("list the values of " + facet.name().toLowerCase(Locale.ROOT), c -> {
            FacetSource s = source(facet);
            return database.dsl(c).select(s.value()).from(s.from()).where(s.value().isNotNull()).groupBy(s.value())
                    .orderBy(sql.byCodePoint(s.value())).limit(limit).fetch(s.value());
        });
    }
}
