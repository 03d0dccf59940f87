package dev.attendees.sql.internal;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.selectDistinct;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.DSL.when;

import dev.attendees.plan.Condition;
import dev.attendees.plan.Dimension;
import dev.attendees.plan.EmailKinds;
import dev.attendees.plan.Grouping;
import dev.attendees.plan.Measure;
import dev.attendees.plan.Metric;
import dev.attendees.plan.Order;
import dev.attendees.plan.QueryPlan;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * A {@link QueryPlan} as SQL for the store's dialect: the contract's table {@code attendees} (as
 * {@code a}), the normalized {@code attendee_interests} and {@code booth_visits} for interests and
 * booths (joined to group by them, in {@code EXISTS} to filter on them), values inlined so that the
 * text shown to a person is the text that runs. Rows come ordered, ties by the group's value in
 * code-point order, so the same plan gives the same rows on SQLite and PostgreSQL. What differs
 * between the two (days, hours and times of day, e-mail domains, code-point order, long lists) is
 * asked of the database's {@link SqlExpressions}; {@link PlanRunner} runs what this writes.
 *
 * <pre>{@code
 * String sql = new PlanCompiler(dialect.sql()).sql(plan);   // SELECT count(*) AS attendees FROM attendees AS a ...
 * }</pre>
 */
public final class PlanCompiler {
    /** What separates the words of a job title, name or company besides spaces. */
    private static final List<String> WORD_SEPARATORS = List.of("&", "-", "/", ",", "(", ")");

    private static final Table<?> A = table(name("attendees")).as("a");
    private static final Field<Long> ID = field(name("a", "id"), SQLDataType.BIGINT);
    private static final Field<Object> TIME = field(name("a", "attendance_time"));
    private static final Field<String> EMAIL = field(name("a", "email"), SQLDataType.VARCHAR);

    private final SqlExpressions sql;
    private final DSLContext ctx;

    /** A compiler for the database whose SQL {@code sql} writes. */
    public PlanCompiler(SqlExpressions sql) {
        this.sql = sql;
        this.ctx = DSL.using(sql.jooq(), new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withRenderKeywordCase(RenderKeywordCase.UPPER).withRenderFormatted(false));
    }

    /** The SQL of a plan (checked with {@link QueryPlan#validate()} first), its values inlined. */
    public String sql(QueryPlan plan) {
        plan.validate();
        return ctx.renderInlined(query(plan));
    }

    private Select<? extends Record> query(QueryPlan plan) {
        org.jooq.Condition where = conditions(plan.where());
        if (plan.measure() == Measure.LIST) {
            return ctx.select(field(name("a", "id")).as("id"), col("name"), col("email"), col("company"), col("job_title"),
                            col("industry"), col("company_size"), col("product_interests"), col("booth_visited"),
                            sql.text(TIME, true).as("attendance_time"))
                    .from(A).where(where).orderBy(ID).limit(plan.limit() == null ? QueryPlan.MAX_LIMIT : plan.limit());
        }
        List<Field<?>> groups = new ArrayList<>();
        List<Field<?>> groupExprs = new ArrayList<>();
        Table<?> from = A;
        int joins = 0;
        for (Grouping g : plan.groupBy()) {
            Field<String> expr;
            if (g.dimension().isList()) {
                String alias = "j" + joins++;
                Table<?> items = listTable(g.dimension()).as(alias);
                from = from.join(items).on(field(name(alias, "attendee_id"), SQLDataType.BIGINT).eq(ID));
                expr = field(name(alias, listColumn(g.dimension())), SQLDataType.VARCHAR);
            } else {
                expr = expression(g.dimension());
            }
            if (!g.only().isEmpty() && g.dimension().isCount()) {
                where = where.and(expr.coerce(SQLDataType.INTEGER).in(g.only().stream().map(v -> inline(Integer.parseInt(v))).toList()));
            } else if (!g.only().isEmpty()) {
                where = where.and(sql.in(expr, g.only()));
            }
            groups.add(expr.as(g.dimension().id()));
            groupExprs.add(expr);
        }
        Field<?> measure = measure(plan, where);
        List<SelectField<?>> fields = new ArrayList<>(groups);
        fields.add(measure);
        if (plan.measure() == Measure.SHARE) {
            fields.addAll(shareCounts(plan, where));
        }
        var query = ctx.select(fields).from(from).where(where);
        if (groups.isEmpty()) {
            return query;
        }
        Order order = plan.order() != null ? plan.order() : Order.MOST;
        List<SortField<?>> sort = new ArrayList<>();
        Field<?> measured = field(name(measureName(plan)));
        if (order.by() == Order.By.MEASURE) {
            sort.add(order.descending() ? measured.desc() : measured.asc());
        }
        for (int k = 0; k < groupExprs.size(); k++) {
            Field<?> g = groupExprs.get(k);
            Field<?> key = plan.groupBy().get(k).dimension().isCount() ? g : sql.byCodePoint(g.cast(SQLDataType.VARCHAR));
            sort.add(order.by() == Order.By.GROUP && order.descending() ? key.desc().nullsLast() : key.asc().nullsLast());
        }
        var grouped = query.groupBy(groupExprs).orderBy(sort);
        return plan.limit() == null ? grouped : grouped.limit(plan.limit());
    }

    private static Field<Object> col(String column) {
        return field(name("a", column)).as(column);
    }

    private Field<?> measure(QueryPlan plan, org.jooq.Condition where) {
        String as = measureName(plan);
        return switch (plan.measure()) {
            case COUNT -> count().as(as);
            case COUNT_DISTINCT -> countDistinct(distinctExpression(plan.distinct(), plan)).as(as);
            case SHARE -> share(plan, where).as(as);
            case AVERAGE -> DSL.round(DSL.avg(metric(plan.metric())), 2).as(as);
            case MINIMUM -> DSL.round(DSL.min(metric(plan.metric())).cast(SQLDataType.NUMERIC), 2).as(as);
            case MAXIMUM -> DSL.round(DSL.max(metric(plan.metric())).cast(SQLDataType.NUMERIC), 2).as(as);
            case LIST -> throw new IllegalStateException("a list has no measure");
        };
    }

    /** The measure's column name: {@code attendees}, {@code companies}, {@code percent}, {@code average_booths_visited} ... */
    public static String measureName(QueryPlan plan) {
        return switch (plan.measure()) {
            case COUNT -> "attendees";
            case COUNT_DISTINCT -> plan.distinct().id() + "_count";
            case SHARE -> "percent";
            case AVERAGE -> "average_" + plan.metric().id();
            case MINIMUM -> "minimum_" + plan.metric().id();
            case MAXIMUM -> "maximum_" + plan.metric().id();
            case LIST -> "attendees";
        };
    }

    private Field<?> distinctExpression(Dimension d, QueryPlan plan) {
        if (d.isList()) {
            for (int k = 0, lists = 0; k < plan.groupBy().size(); k++) {
                if (plan.groupBy().get(k).dimension().isList()) {
                    if (plan.groupBy().get(k).dimension() == d) {
                        return field(name("j" + lists, listColumn(d)), SQLDataType.VARCHAR);
                    }
                    lists++;
                }
            }
            // Not grouped by it: the items of the attendees counted, through a subquery.
            return field(select(field(name("d", listColumn(d)))).from(listTable(d).as("d"))
                    .where(field(name("d", "attendee_id"), SQLDataType.BIGINT).eq(ID)).limit(1));
        }
        return expression(d);
    }

    private Field<BigDecimal> share(QueryPlan plan, org.jooq.Condition where) {
        if (plan.shareOf().isEmpty()) {
            Field<Integer> all = field(selectCount().from(A).where(conditions(plan.where())));
            return DSL.round(inline(100.0).mul(count()).div(DSL.nullif(all, inline(0))).cast(SQLDataType.NUMERIC), 1);
        }
        Field<Integer> part = DSL.sum(when(conditions(plan.shareOf()), inline(1)).otherwise(inline(0))).cast(SQLDataType.INTEGER);
        return DSL.round(inline(100.0).mul(part).div(DSL.nullif(count(), inline(0))).cast(SQLDataType.NUMERIC), 1);
    }

    /** A share's counts beside it: the part and the whole. */
    private List<Field<?>> shareCounts(QueryPlan plan, org.jooq.Condition where) {
        if (plan.shareOf().isEmpty()) {
            return List.of(count().as("attendees"));
        }
        Field<Integer> part = DSL.sum(when(conditions(plan.shareOf()), inline(1)).otherwise(inline(0))).cast(SQLDataType.INTEGER);
        return List.of(part.as("matching"), count().as("attendees"));
    }

    private Field<? extends Number> metric(Metric m) {
        return switch (m) {
            case BOOTHS_VISITED -> field(selectCount().from(listTable(Dimension.BOOTH).as("m"))
                    .where(field(name("m", "attendee_id"), SQLDataType.BIGINT).eq(ID)));
            case INTERESTS -> field(selectCount().from(listTable(Dimension.INTEREST).as("m"))
                    .where(field(name("m", "attendee_id"), SQLDataType.BIGINT).eq(ID)));
            case ARRIVAL_TIME -> sql.hoursOfDay(TIME);
        };
    }

    private Field<String> expression(Dimension d) {
        return switch (d) {
            case COMPANY -> field(name("a", "company"), SQLDataType.VARCHAR);
            case INDUSTRY -> field(name("a", "industry"), SQLDataType.VARCHAR);
            case COMPANY_SIZE -> field(name("a", "company_size"), SQLDataType.VARCHAR);
            case JOB_TITLE -> field(name("a", "job_title"), SQLDataType.VARCHAR);
            case EVENT -> field(name("a", "event_name"), SQLDataType.VARCHAR);
            case NAME -> field(name("a", "name"), SQLDataType.VARCHAR);
            case ARRIVAL_DAY -> sql.day(TIME);
            case ARRIVAL_HOUR -> sql.hour(TIME);
            case EMAIL_DOMAIN -> sql.emailDomain(EMAIL);
            case EMAIL_KIND -> when(sql.emailDomain(EMAIL).in(EmailKinds.PERSONAL_DOMAINS), inline(EmailKinds.PERSONAL))
                    .otherwise(inline(EmailKinds.CORPORATE));
            case BOOTH_COUNT -> metric(Metric.BOOTHS_VISITED).coerce(SQLDataType.VARCHAR);
            case INTEREST_COUNT -> metric(Metric.INTERESTS).coerce(SQLDataType.VARCHAR);
            case INTEREST, BOOTH -> throw new IllegalArgumentException(d + " is a list");
        };
    }

    private static Table<?> listTable(Dimension d) {
        return d == Dimension.INTEREST ? Tables.INTERESTS : Tables.BOOTHS;
    }

    private static String listColumn(Dimension d) {
        return d == Dimension.INTEREST ? "interest" : "booth";
    }

    private org.jooq.Condition conditions(List<Condition> conditions) {
        org.jooq.Condition all = noCondition();
        for (Condition c : conditions) {
            all = all.and(condition(c));
        }
        return all;
    }

    private org.jooq.Condition condition(Condition c) {
        if (c instanceof Condition.Equals e) {
            Field<String> expr = expression(e.dimension());
            List<String> values = e.dimension() == Dimension.EMAIL_DOMAIN
                    ? e.values().stream().map(v -> v.toLowerCase(Locale.ROOT)).toList() : e.values();
            org.jooq.Condition in = values.size() == 1 ? expr.eq(inline(values.get(0))) : expr.in(values.stream().map(DSL::inline).toList());
            return e.negated() ? in.not().or(expr.isNull()) : in;
        }
        if (c instanceof Condition.Items it) {
            Table<?> items = listTable(it.dimension()).as("i");
            Field<String> item = field(name("i", listColumn(it.dimension())), SQLDataType.VARCHAR);
            Field<Long> owner = field(name("i", "attendee_id"), SQLDataType.BIGINT);
            if (it.match() == Condition.Match.ALL) {
                org.jooq.Condition all = noCondition();
                for (String v : it.values()) {
                    all = all.and(exists(selectOne().from(items).where(owner.eq(ID).and(item.eq(inline(v))))));
                }
                return all;
            }
            org.jooq.Condition in = it.values().size() == 1 ? item.eq(inline(it.values().get(0)))
                    : item.in(it.values().stream().map(DSL::inline).toList());
            var sub = selectOne().from(items).where(owner.eq(ID).and(in));
            return it.match() == Condition.Match.NONE ? notExists(sub) : exists(sub);
        }
        if (c instanceof Condition.Contains t) {
            boolean anywhere = t.dimension() == Dimension.EMAIL_DOMAIN;
            Field<String> text = anywhere ? DSL.lower(sql.emailDomain(EMAIL)) : words(DSL.lower(expression(t.dimension())));
            org.jooq.Condition out = t.match() == Condition.Match.ALL ? noCondition() : DSL.falseCondition();
            for (String w : t.words()) {
                String word = escape(w.toLowerCase(Locale.ROOT).strip());
                org.jooq.Condition like = text.like(inline((anywhere ? "%" : "% ") + word + "%"), '\\');
                out = t.match() == Condition.Match.ALL ? out.and(like) : out.or(like);
            }
            return t.match() == Condition.Match.NONE ? out.not().or(text.isNull()) : out;
        }
        if (c instanceof Condition.TimeOfDay t) {
            org.jooq.Condition out = noCondition();
            if (t.from() != null) {
                out = out.and(sql.timeOfDay(TIME).ge(inline(text(t.from()))));
            }
            if (t.to() != null) {
                out = out.and(sql.timeOfDay(TIME).lt(inline(text(t.to()))));
            }
            return out;
        }
        if (c instanceof Condition.EventDay d) {
            Field<String> day = sql.day(TIME);
            Field<String> days = field(name("days", "day"), SQLDataType.VARCHAR);
            var dayList = selectDistinct(day.as("day")).from(table(name("attendees")).as("a")).where(TIME.isNotNull()).asTable("days");
            Field<String> pick = field(select(days).from(dayList).orderBy(d.day() > 0 ? days.asc() : days.desc())
                    .limit(1).offset(Math.abs(d.day()) - 1));
            return day.eq(pick);
        }
        if (c instanceof Condition.CountOf n) {
            // One pass over the items grouped by attendee, not a count per attendee: the item tables are
            // keyed by item first, so a correlated count would scan them once for every attendee.
            int v = n.value();
            return switch (n.comparison()) {
                case AT_LEAST -> atLeast(n.dimension(), v);
                case MORE_THAN -> atLeast(n.dimension(), v + 1);
                case AT_MOST -> atLeast(n.dimension(), v + 1).not();
                case LESS_THAN -> atLeast(n.dimension(), v).not();
                case EQUAL -> v == 0 ? atLeast(n.dimension(), 1).not() : ID.in(select(ITEM_OWNER)
                        .from(listTable(n.dimension()).as("n")).groupBy(ITEM_OWNER).having(count().eq(inline(v))));
            };
        }
        throw new IllegalArgumentException("unknown condition " + c);
    }

    private static final Field<Long> ITEM_OWNER = field(name("n", "attendee_id"), SQLDataType.BIGINT);

    /** Attendees with at least {@code v} items of {@code d} (everyone for {@code v <= 0}). */
    private org.jooq.Condition atLeast(Dimension d, int v) {
        if (v <= 0) {
            return DSL.trueCondition();
        }
        if (v == 1) {
            return ID.in(select(ITEM_OWNER).from(listTable(d).as("n")));
        }
        return ID.in(select(ITEM_OWNER).from(listTable(d).as("n")).groupBy(ITEM_OWNER).having(count().ge(inline(v))));
    }

    private static String text(LocalTime t) {
        return String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    }

    private static String escape(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@code text} with a space before it and word separators as spaces, so that {@code '% word%'} finds a word's start. */
    private static Field<String> words(Field<String> text) {
        Field<String> out = text;
        for (String separator : WORD_SEPARATORS) {
            out = DSL.replace(out, inline(separator), inline(" "));
        }
        return DSL.concat(inline(" "), out);
    }
}
