package dev.attendees.sql.internal;

import static dev.attendees.sql.internal.Tables.*;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.select;

import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.store.AttendeeField;
import dev.attendees.store.AttendeeFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * An {@link AttendeeFilter} as a condition on {@code attendees}, in the database's SQL
 * ({@link SqlExpressions}): lists of any length, the normalized tables for interests and booths,
 * full-text words, a run's id range. For queries and for bulk operations alike.
 */
final class FilterConditions {

    /**
     * Lists of interests or booths up to this long are tested attendee by attendee when a page
     * walks a sort index ({@code perRow}): {@value}. Each attendee walked looks every item up, so
     * longer lists find their attendees once instead; the two ways cost about the same near this
     * length (measured in docs/sql-design.md).
     */
    static final int PER_ROW_ITEMS = 100;

    private final SqlExpressions sql;

    FilterConditions(SqlExpressions sql) {
        this.sql = sql;
    }

    /** The filter as a condition on {@code attendees}. */
    Condition condition(DSLContext ctx, AttendeeFilter f) {
        return condition(ctx, f, null);
    }

    /**
     * The filter as a condition on {@code attendees}; with a {@code walked} field, shaped for a
     * walk of that field's index (see {@code AttendeeQueries.walkingTheSortIndex}): the other columns kept off
     * their indexes, and the lists tested per row.
     */
    Condition condition(DSLContext ctx, AttendeeFilter f, AttendeeField walked) {
        List<Condition> all = new ArrayList<>();
        if (!f.companies().isEmpty()) {
            all.add(sql.in(column(COMPANY, walked), f.companies()));
        }
        if (!f.industries().isEmpty()) {
            all.add(column(INDUSTRY, walked).in(f.industries().stream().map(Industry::label).toList()));
        }
        if (!f.companySizes().isEmpty()) {
            all.add(column(COMPANY_SIZE, walked).in(f.companySizes().stream().map(CompanySize::label).toList()));
        }
        if (!f.eventNames().isEmpty()) {
            all.add(sql.in(column(EVENT_NAME, walked), f.eventNames()));
        }
        if (!f.jobTitles().isEmpty()) {
            all.add(sql.in(column(JOB_TITLE, walked), f.jobTitles()));
        }
        if (!f.interestsAny().isEmpty()) {
            all.add(any(INTERESTS, INTEREST_ATTENDEE, INTEREST, f.interestsAny(), walked != null));
        }
        if (!f.interestsAll().isEmpty()) {
            all.add(every(INTERESTS, INTEREST_ATTENDEE, INTEREST, f.interestsAll(), walked != null));
        }
        if (!f.boothsAny().isEmpty()) {
            all.add(any(BOOTHS, BOOTH_ATTENDEE, BOOTH, f.boothsAny(), walked != null));
        }
        if (!f.boothsAll().isEmpty()) {
            all.add(every(BOOTHS, BOOTH_ATTENDEE, BOOTH, f.boothsAll(), walked != null));
        }
        if (f.attendedFrom() != null) {
            all.add(column(ATTENDANCE_TIME, walked).ge(sql.timestampParam(f.attendedFrom())));
        }
        if (f.attendedTo() != null) {
            all.add(column(ATTENDANCE_TIME, walked).lt(sql.timestampParam(f.attendedTo())));
        }
        if (f.text() != null) {
            List<String> words = words(f.text());
            // A text of no words (only punctuation) matches nothing, not everything.
            all.add(words.isEmpty() ? DSL.falseCondition() : sql.fullText(words));
        }
        if (f.runId() != null) {
            Record run = ctx.select(RUN_FIRST_ID, RUN_LAST_ID).from(RUNS).where(RUN_ID.eq(f.runId())).fetchOne();
            all.add(run == null ? DSL.falseCondition()
                    : column(ID, walked).between(run.get(RUN_FIRST_ID), run.get(RUN_LAST_ID)));
        }
        return DSL.and(all);
    }

    /** {@code column}, kept off its index when another field's index is walked. */
    private <T> Field<T> column(Field<T> column, AttendeeField walked) {
        return walked == null || column == ATTENDEE_COLUMNS.get(walked.ordinal()) ? column : sql.unindexed(column);
    }

    /** Attendees with at least one of {@code items} in a normalized table; {@code perRow}: see {@link #PER_ROW_ITEMS}. */
    private Condition any(Table<?> table, Field<Long> attendee, Field<String> item, List<String> items, boolean perRow) {
        return perRow && items.size() <= PER_ROW_ITEMS ? DSL.exists(DSL.selectOne().from(table).where(attendee.eq(ID)).and(sql.in(item, items)))
                : ID.in(select(attendee).from(table).where(sql.in(item, items)));
    }

    /** Attendees with every one of {@code items} in a normalized table; {@code perRow}: see {@link #PER_ROW_ITEMS}. */
    private Condition every(Table<?> table, Field<Long> attendee, Field<String> item, List<String> items, boolean perRow) {
        return perRow && items.size() <= PER_ROW_ITEMS ? DSL.field(select(countDistinct(item)).from(table).where(attendee.eq(ID)).and(sql.in(item, items)))
                        .eq(items.size())
                : ID.in(select(attendee).from(table).where(sql.in(item, items))
                        .groupBy(attendee).having(countDistinct(item).eq(items.size())));
    }

    /** The words of a full-text search: runs of letters and digits, lower case. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(cp);
            } else if (w.length() > 0) {
                words.add(w.toString().toLowerCase(Locale.ROOT));
                w.setLength(0);
            }
        });
        if (w.length() > 0) {
            words.add(w.toString().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
