package dev.attendees.sql.internal;

import static dev.attendees.sql.internal.Tables.*;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.ConfigurationException;
import dev.attendees.Industry;
import dev.attendees.ProviderException;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.store.AttendeeField;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.AttendeePage;
import dev.attendees.store.AttendeeQuery;
import dev.attendees.store.Facet;
import dev.attendees.store.GenerationRun;
import dev.attendees.store.ImportOptions;
import dev.attendees.store.ImportResult;
import dev.attendees.store.QueryHistoryEntry;
import dev.attendees.store.RunInfo;
import dev.attendees.store.RunKind;
import dev.attendees.store.Sort;
import dev.attendees.store.SqlResult;
import dev.attendees.store.TableInfo;
import dev.attendees.store.UniqueEmails;
import dev.attendees.store.ValueCount;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * Everything an {@code AttendeeStore} does, over a connection pool and a {@link Dialect}. The public
 * store classes of {@code dev.attendees.sql} delegate here.
 */
public final class StoreCore implements AutoCloseable {

    static {
        // jOOQ prints a banner and tips on first use unless told not to; a library should be quiet.
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    /** Opens a connection that cannot write, for {@link #readOnlySql}. */
    @FunctionalInterface
    public interface ReadOnlySource {
        Connection open() throws SQLException;
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attendees-sql-timeout");
        t.setDaemon(true);
        return t;
    });

    /** A filtered page walks its sort column's index when it expects to reach its end within this many rows: {@value}. */
    static final int WALK_ROWS = 20_000;

    /**
     * Lists of interests or booths up to this long are tested attendee by attendee when a page
     * walks a sort index ({@code perRow}): {@value}. Each attendee walked looks every item up, so
     * longer lists find their attendees once instead (a page of 100,000 attendees by job title:
     * 100 items 43 ms against 51 ms, 400 items 91 ms against 49 ms, 70,000 items 11 s against
     * 0.2 s).
     */
    static final int PER_ROW_ITEMS = 100;

    /** Ids per round trip when regenerating: {@value}. */
    private static final int REGENERATE_CHUNK = 1_000;

    private final DataSource pool;
    private final AutoCloseable closer;
    private final ReadOnlySource readOnly;
    private final Dialect dialect;
    private final String location;
    private final Settings settings = new Settings().withExecuteLogging(false).withRenderFormatted(false);
    private final int versionFound;

    public StoreCore(DataSource pool, AutoCloseable closer, ReadOnlySource readOnly, Dialect dialect, String location) {
        this.pool = pool;
        this.closer = closer;
        this.readOnly = readOnly;
        this.dialect = dialect;
        this.location = location;
        try {
            this.versionFound = transaction("open the database", c -> Migrations.migrate(c, dialect, location));
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    public Dialect dialect() {
        return dialect;
    }

    public String location() {
        return location;
    }

    public DataSource dataSource() {
        dialect.lifecycle().beforeUse(pool);
        return pool;
    }

    /** The schema version the database had when the store opened it (0 for a new database). */
    public int versionFound() {
        return versionFound;
    }

    /** A jOOQ context over the pool. */
    public DSLContext dsl() {
        dialect.lifecycle().beforeUse(pool);
        return DSL.using(pool, dialect.sql().jooq(), settings);
    }

    DSLContext dsl(Connection connection) {
        return DSL.using(connection, dialect.sql().jooq(), settings);
    }

    /** Runs {@code work} on a pooled connection in autocommit mode. */
    public <T> T read(String doing, Work<T> work) {
        dialect.lifecycle().beforeUse(pool);
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException | RuntimeException e) {
            throw Errors.of(e, doing, location);
        }
    }

    /** Runs {@code work} in one transaction, rolled back when it throws. */
    public <T> T write(String doing, Work<T> work) {
        dialect.lifecycle().beforeUse(pool);
        return transaction(doing, work);
    }

    private <T> T transaction(String doing, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            throw Errors.of(e, doing, location);
        }
    }

    static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The original failure matters more.
        }
    }

    /** The pool's next connection, for sinks and imports that manage their own transaction. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    // ---- writing -----------------------------------------------------------------------------

    public AttendeeSink sink(RunInfo run) {
        return new StoreSink(this, run);
    }

    public ImportResult importFiles(List<Path> inputs, ImportOptions options) {
        return new Importer(this, options).run(inputs);
    }

    /**
     * Takes every stored address into {@code emails}; addresses stored with capitals (by other
     * tools or users' own SQL) also go into {@code mixedCase} when given, lower case to id.
     */
    static void takeStoredEmails(Connection c, UniqueEmails emails, Map<String, Long> mixedCase) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT email, id FROM attendees")) {
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String email = rs.getString(1);
                    emails.take(email);
                    if (mixedCase != null) {
                        String lower = email.toLowerCase(Locale.ROOT);
                        if (!lower.equals(email)) {
                            mixedCase.putIfAbsent(lower, rs.getLong(2));
                        }
                    }
                }
            }
        }
    }

    /** The largest id in the store, or 0. */
    static long maxId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(id) FROM attendees")) {
            return rs.next() ? Math.max(0, rs.getLong(1)) : 0;
        }
    }

    /**
     * The largest id any attendee ({@code maxId}, from {@link #maxId}) or any recorded run has had:
     * a new run's ids come after it, so that they never fall inside an earlier run's range, even
     * after that run's last attendees were deleted.
     */
    static long lastId(Connection c, long maxId) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(last_id) FROM generation_runs")) {
            return rs.next() ? Math.max(maxId, rs.getLong(1)) : maxId;
        }
    }

    /** {@code base + id}, or a clear failure when that passes the largest id a database can hold. */
    static long idAfter(long base, long id) {
        try {
            return Math.addExact(base, id);
        } catch (ArithmeticException e) {
            throw new ConfigurationException("no attendee id is left: " + base + " + " + id + " passes the largest id, "
                    + Long.MAX_VALUE);
        }
    }

    /** Records a finished run in the caller's transaction. */
    GenerationRun insertRun(Connection c, RunInfo run, long first, long last, long inserted, long skipped, long replaced,
            long renamed, Instant started) throws SQLException {
        Instant finished = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        started = started.truncatedTo(ChronoUnit.SECONDS);
        long id;
        try (PreparedStatement ps = c.prepareStatement(INSERT_RUN)) {
            ps.setString(1, run.kind().label());
            ps.setString(2, run.description());
            ps.setObject(3, run.seed(), java.sql.Types.BIGINT);
            ps.setObject(4, run.dataVersion(), java.sql.Types.INTEGER);
            ps.setString(5, run.eventName());
            ps.setString(6, run.eventType());
            ps.setString(7, run.options());
            ps.setLong(8, first);
            ps.setLong(9, last);
            ps.setLong(10, inserted);
            ps.setLong(11, skipped);
            ps.setLong(12, replaced);
            ps.setLong(13, renamed);
            dialect.sql().bindTimestamp(ps, 14, utc(started));
            dialect.sql().bindTimestamp(ps, 15, utc(finished));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        return new GenerationRun(id, run.kind(), run.description(), run.seed(), run.dataVersion(), run.eventName(),
                run.eventType(), run.options(), first, last, inserted, skipped, replaced, renamed, started, finished);
    }

    /**
     * Records a run; plain JDBC like the bulk writes it ends, because a command that only imports
     * or generates would otherwise pay jOOQ's first-use cost (0.7 s in a new JVM) for this one row.
     */
    private static final String INSERT_RUN = "INSERT INTO generation_runs (kind, description, seed, data_version, event_name,"
            + " event_type, options, first_id, last_id, inserted, skipped, replaced, renamed, started_at, finished_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    static Instant instant(Object stored) {
        LocalDateTime t = Timestamps.read(stored);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    // ---- reading -----------------------------------------------------------------------------

    public Optional<Attendee> get(long id) {
        return read("read attendee " + id, c -> dsl(c).select(ATTENDEE_COLUMNS).from(ATTENDEES).where(ID.eq(id))
                .fetchOptional(AttendeeRows::from));
    }

    public AttendeePage find(AttendeeQuery query) {
        return read("find attendees", c -> {
            DSLContext ctx = dsl(c);
            Condition where = condition(ctx, query.filter());
            List<SortField<?>> order = new ArrayList<>();
            for (Sort s : query.sort()) {
                Field<?> f = sortable(ATTENDEE_COLUMNS.get(s.field().ordinal()));
                order.add(s.ascending() ? f.asc().nullsLast() : f.desc().nullsLast());
            }
            order.add(ID.asc());
            if (!query.filter().isEmpty() && !query.sort().isEmpty() && dialect.sql().walksIndexInOrder(query.sort().get(0))) {
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
     * page's end (a 28% filter's fourth page: 2 ms instead of 45 ms). Otherwise the planner finds
     * the matches first and sorts them, as for any other page. The walk is asked for by keeping
     * the filter's other columns off their indexes ({@link SqlExpressions#unindexed}) and testing the
     * lists per row ({@code EXISTS}): SQLite's planner, which cannot know how common the matches
     * are, would otherwise collect and sort every match.
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
        Condition condition = walk <= WALK_ROWS ? condition(ctx, query.filter(), query.sort().get(0).field()) : where;
        // LIMIT and OFFSET inline: the planner weighs a walk that stops early only when it sees the numbers.
        List<Attendee> items = ctx.select(ATTENDEE_COLUMNS).from(ATTENDEES).where(condition).orderBy(order)
                .limit(DSL.inline(query.limit())).offset(DSL.inline(query.offset())).fetch(AttendeeRows::from);
        return new AttendeePage(items, total, query.offset(), query.limit());
    }

    @SuppressWarnings("unchecked")
    private Field<?> sortable(Field<?> f) {
        return f.getType() == String.class ? dialect.sql().byCodePoint((Field<String>) f) : f;
    }

    public long count(AttendeeFilter filter) {
        return read("count attendees", c -> {
            DSLContext ctx = dsl(c);
            return count(ctx, condition(ctx, filter));
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
            case ATTENDANCE_DAY -> new FacetSource(ATTENDEES, dialect.sql().day(ATTENDANCE_TIME), ID);
            case ATTENDANCE_HOUR -> new FacetSource(ATTENDEES, dialect.sql().hour(ATTENDANCE_TIME), ID);
            default -> {
                Field<?> f = ATTENDEE_COLUMNS.get(facet.field().ordinal());
                Field<String> value = f.getType() == String.class ? (Field<String>) f
                        : dialect.sql().text(f, f == ATTENDANCE_TIME || f == CREATED_AT);
                yield new FacetSource(ATTENDEES, value, ID);
            }
        };
    }

    public List<ValueCount> countBy(Facet facet, AttendeeFilter filter, int limit) {
        checkLimit(limit);
        return read("count attendees by " + facet.name().toLowerCase(Locale.ROOT), c -> {
            DSLContext ctx = dsl(c);
            FacetSource s = source(facet);
            Condition where = condition(ctx, filter);
            if (s.from() != ATTENDEES) {
                where = filter.isEmpty() ? noCondition() : s.attendeeId().in(select(ID).from(ATTENDEES).where(where));
            }
            return ctx.select(s.value(), DSL.count()).from(s.from()).where(where).groupBy(s.value())
                    .orderBy(DSL.count().desc(), dialect.sql().byCodePoint(s.value()).asc().nullsLast())
                    .limit(limit)
                    .fetch(r -> new ValueCount(r.value1(), r.value2()));
        });
    }

    public List<String> distinctValues(Facet facet, int limit) {
        checkLimit(limit);
        return read("list the values of " + facet.name().toLowerCase(Locale.ROOT), c -> {
            FacetSource s = source(facet);
            return dsl(c).select(s.value()).from(s.from()).where(s.value().isNotNull()).groupBy(s.value())
                    .orderBy(dialect.sql().byCodePoint(s.value())).limit(limit).fetch(s.value());
        });
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw new ConfigurationException("limit must be at least 1, was " + limit);
        }
    }

    /** The filter as a condition on {@code attendees}. */
    Condition condition(DSLContext ctx, AttendeeFilter f) {
        return condition(ctx, f, null);
    }

    /**
     * The filter as a condition on {@code attendees}; with a {@code walked} field, shaped for a
     * walk of that field's index (see {@link #walkingTheSortIndex}): the other columns kept off
     * their indexes, and the lists tested per row.
     */
    private Condition condition(DSLContext ctx, AttendeeFilter f, AttendeeField walked) {
        List<Condition> all = new ArrayList<>();
        if (!f.companies().isEmpty()) {
            all.add(dialect.sql().in(column(COMPANY, walked), f.companies()));
        }
        if (!f.industries().isEmpty()) {
            all.add(column(INDUSTRY, walked).in(f.industries().stream().map(Industry::label).toList()));
        }
        if (!f.companySizes().isEmpty()) {
            all.add(column(COMPANY_SIZE, walked).in(f.companySizes().stream().map(CompanySize::label).toList()));
        }
        if (!f.eventNames().isEmpty()) {
            all.add(dialect.sql().in(column(EVENT_NAME, walked), f.eventNames()));
        }
        if (!f.jobTitles().isEmpty()) {
            all.add(dialect.sql().in(column(JOB_TITLE, walked), f.jobTitles()));
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
            all.add(column(ATTENDANCE_TIME, walked).ge(dialect.sql().timestampParam(f.attendedFrom())));
        }
        if (f.attendedTo() != null) {
            all.add(column(ATTENDANCE_TIME, walked).lt(dialect.sql().timestampParam(f.attendedTo())));
        }
        if (f.text() != null) {
            List<String> words = words(f.text());
            // A text of no words (only punctuation) matches nothing, not everything.
            all.add(words.isEmpty() ? DSL.falseCondition() : dialect.sql().fullText(words));
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
        return walked == null || column == ATTENDEE_COLUMNS.get(walked.ordinal()) ? column : dialect.sql().unindexed(column);
    }

    /** Attendees with at least one of {@code items} in a normalized table; {@code perRow}: see {@link #PER_ROW_ITEMS}. */
    private Condition any(Table<?> table, Field<Long> attendee, Field<String> item, List<String> items, boolean perRow) {
        return perRow && items.size() <= PER_ROW_ITEMS ? DSL.exists(DSL.selectOne().from(table).where(attendee.eq(ID)).and(dialect.sql().in(item, items)))
                : ID.in(select(attendee).from(table).where(dialect.sql().in(item, items)));
    }

    /** Attendees with every one of {@code items} in a normalized table; {@code perRow}: see {@link #PER_ROW_ITEMS}. */
    private Condition every(Table<?> table, Field<Long> attendee, Field<String> item, List<String> items, boolean perRow) {
        return perRow && items.size() <= PER_ROW_ITEMS ? DSL.field(select(countDistinct(item)).from(table).where(attendee.eq(ID)).and(dialect.sql().in(item, items)))
                        .eq(items.size())
                : ID.in(select(attendee).from(table).where(dialect.sql().in(item, items))
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

    // ---- bulk operations -----------------------------------------------------------------------

    public long delete(AttendeeFilter filter) {
        return write("delete attendees", c -> {
            DSLContext ctx = dsl(c);
            return dialect.bulk().delete(c, ctx, condition(ctx, filter));
        });
    }

    public long regenerate(AttendeeFilter filter, AttendeeGenerator generator) {
        return write("regenerate attendees", c -> {
            DSLContext ctx = dsl(c);
            Condition where = condition(ctx, filter).and(ID.ge(1L));
            long done = 0;
            long after = 0;
            // The addresses the regenerated attendees must not take: those of everyone else, then
            // each other's. Their own old addresses are free again.
            UniqueEmails emails = new UniqueEmails();
            try (var others = ctx.select(EMAIL).from(ATTENDEES).where(ID.notIn(select(ID).from(ATTENDEES).where(where)))
                    .fetchSize(10_000).fetchLazy()) {
                others.forEach(r -> emails.take(r.value1()));
            }
            BulkStrategy.Rewrite rewrite = dialect.bulk().beginRewrite(c);
            while (true) {
                long[] ids = ctx.select(ID).from(ATTENDEES).where(where.and(ID.gt(after))).orderBy(ID)
                        .limit(REGENERATE_CHUNK).fetch(ID).stream().mapToLong(Long::longValue).toArray();
                if (ids.length == 0) {
                    rewrite.finish();
                    return done;
                }
                List<Attendee> rows = new ArrayList<>(ids.length);
                for (long id : ids) {
                    rows.add(generator.attendee(id - 1));
                }
                done += rewrite.overwrite(ids, emails.admit(rows));
                after = ids[ids.length - 1];
            }
        });
    }

    public long deleteRun(long runId) {
        return write("delete run " + runId, c -> {
            DSLContext ctx = dsl(c);
            Record run = ctx.select(RUN_FIRST_ID, RUN_LAST_ID, RUN_INSERTED).from(RUNS).where(RUN_ID.eq(runId)).fetchOne();
            if (run == null) {
                List<Long> known = ctx.select(RUN_ID).from(RUNS).orderBy(RUN_ID).fetch(RUN_ID);
                throw new ConfigurationException("there is no run " + runId + "; runs: " + (known.isEmpty() ? "none" : known));
            }
            long deleted = run.get(RUN_INSERTED) == 0 ? 0
                    : dialect.bulk().deleteBetween(c, ctx, run.get(RUN_FIRST_ID), run.get(RUN_LAST_ID));
            ctx.deleteFrom(RUNS).where(RUN_ID.eq(runId)).execute();
            return deleted;
        });
    }

    public List<GenerationRun> runs() {
        return read("list runs", c -> dsl(c).select(RUN_ID, RUN_KIND, RUN_DESCRIPTION, RUN_SEED, RUN_DATA_VERSION,
                        RUN_EVENT_NAME, RUN_EVENT_TYPE, RUN_OPTIONS, RUN_FIRST_ID, RUN_LAST_ID, RUN_INSERTED, RUN_SKIPPED,
                        RUN_REPLACED, RUN_RENAMED, RUN_STARTED_AT, RUN_FINISHED_AT).from(RUNS).orderBy(RUN_ID).fetch(r -> new GenerationRun(
                r.get(RUN_ID), RunKind.fromLabel(r.get(RUN_KIND)), r.get(RUN_DESCRIPTION), r.get(RUN_SEED),
                r.get(RUN_DATA_VERSION), r.get(RUN_EVENT_NAME), r.get(RUN_EVENT_TYPE), r.get(RUN_OPTIONS),
                r.get(RUN_FIRST_ID), r.get(RUN_LAST_ID), r.get(RUN_INSERTED), r.get(RUN_SKIPPED), r.get(RUN_REPLACED),
                r.get(RUN_RENAMED),
                instant(r.get(RUN_STARTED_AT)), instant(r.get(RUN_FINISHED_AT)))));
    }

    // ---- query history -------------------------------------------------------------------------

    public QueryHistoryEntry recordQuery(String question, String sql, String engine, long rowCount) {
        QueryHistoryEntry draft = new QueryHistoryEntry(0, question, sql, engine,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), rowCount, false);
        Long id = write("record a query", c -> dsl(c)
                .insertInto(HISTORY, HISTORY_QUESTION, HISTORY_SQL, HISTORY_ENGINE, HISTORY_ASKED_AT, HISTORY_ROW_COUNT,
                        HISTORY_STARRED)
                .values(Arrays.asList(DSL.val(draft.question()), DSL.val(draft.sql()), DSL.val(draft.engine()),
                        dialect.sql().timestampParam(utc(draft.askedAt())), DSL.val(rowCount), DSL.val(Boolean.FALSE)))
                .returningResult(HISTORY_ID)
                .fetchOne(HISTORY_ID));
        return new QueryHistoryEntry(id, question, sql, engine, draft.askedAt(), rowCount, false);
    }

    public List<QueryHistoryEntry> queryHistory(int limit, boolean starredOnly) {
        checkLimit(limit);
        return read("read the query history", c -> dsl(c).select(HISTORY_ID, HISTORY_QUESTION, HISTORY_SQL,
                        HISTORY_ENGINE, HISTORY_ASKED_AT, HISTORY_ROW_COUNT, HISTORY_STARRED).from(HISTORY)
                .where(starredOnly ? HISTORY_STARRED.isTrue() : noCondition())
                .orderBy(HISTORY_ID.desc()).limit(limit)
                .fetch(r -> new QueryHistoryEntry(r.get(HISTORY_ID), r.get(HISTORY_QUESTION), r.get(HISTORY_SQL),
                        r.get(HISTORY_ENGINE), instant(r.get(HISTORY_ASKED_AT)), r.get(HISTORY_ROW_COUNT),
                        Boolean.TRUE.equals(r.get(HISTORY_STARRED)))));
    }

    public boolean star(long entryId, boolean starred) {
        return write("star a query", c -> dsl(c).update(HISTORY).set(HISTORY_STARRED, starred)
                .where(HISTORY_ID.eq(entryId)).execute() > 0);
    }

    // ---- read-only SQL -------------------------------------------------------------------------

    public SqlResult readOnlySql(String sql, int maxRows, Duration timeout) {
        String statement = ReadOnlyStatement.check(sql, dialect.readOnly().syntax());
        if (maxRows < 1) {
            throw new ConfigurationException("maxRows must be at least 1, was " + maxRows);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException("timeout must be positive, was " + timeout);
        }
        long started = System.nanoTime();
        dialect.lifecycle().beforeUse(pool);
        try (Connection c = readOnly.open()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                dialect.readOnly().checkOneStatement(c, statement);
                dialect.readOnly().beginReadOnly(c, timeout);
                // One row more than asked shows whether there were more (no limit at Integer.MAX_VALUE).
                st.setMaxRows(maxRows < Integer.MAX_VALUE ? maxRows + 1 : 0);
                st.setFetchSize(Math.min(maxRows, 1_000));
                // Cancelled again and again once the time is up: a cancel that comes before the statement has
                // started (a timeout under a millisecond, a busy machine) would otherwise be lost.
                long delay;
                try {
                    delay = timeout.toNanos();
                } catch (ArithmeticException beyondLong) {
                    delay = Long.MAX_VALUE;
                }
                ScheduledFuture<?> cancel = TIMER.scheduleAtFixedRate(() -> cancelQuietly(st), delay,
                        TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.NANOSECONDS);
                try (ResultSet rs = st.executeQuery(statement)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnLabel(i));
                    }
                    List<List<Object>> rows = new ArrayList<>();
                    boolean truncated = false;
                    while (rs.next()) {
                        if (rows.size() == maxRows) {
                            truncated = true;
                            break;
                        }
                        List<Object> row = new ArrayList<>(columns.size());
                        for (int i = 1; i <= columns.size(); i++) {
                            row.add(plain(rs.getObject(i)));
                        }
                        rows.add(row);
                    }
                    return new SqlResult(columns, rows, truncated, Duration.ofNanos(System.nanoTime() - started));
                } finally {
                    cancel.cancel(false);
                }
            } finally {
                rollbackQuietly(c);
                try {
                    dialect.readOnly().endReadOnly(c);
                } finally {
                    rollbackQuietly(c);
                }
            }
        } catch (SQLException e) {
            if (dialect.readOnly().isTimeout(e) || Duration.ofNanos(System.nanoTime() - started).compareTo(timeout) >= 0) {
                throw new ProviderException("the query ran longer than " + timeout.toMillis() + " ms and was stopped", false, e);
            }
            throw new ProviderException("the query failed in " + location + ": " + PostgresUrl.mask(e.getMessage()), false, e);
        }
    }

    private static void cancelQuietly(Statement st) {
        try {
            st.cancel();
        } catch (SQLException ignored) {
            // Finished meanwhile.
        }
    }

    /** A JDBC value as a plain Java value (see {@link SqlResult}). */
    static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException notWhole) {
                return d.doubleValue();
            }
        }
        if (v instanceof java.math.BigInteger i) {
            return i.bitLength() < 64 ? (Object) i.longValue() : i.toString();
        }
        if (v instanceof java.sql.Timestamp || v instanceof LocalDateTime || v instanceof java.time.OffsetDateTime) {
            return Attendee.formatTimestamp(Timestamps.read(v));
        }
        if (v instanceof byte[] b) {
            return "(" + b.length + " bytes)";
        }
        return v.toString();
    }

    public List<TableInfo> schema() {
        return read("list the schema", c -> dialect.catalog().tables(c, PUBLIC_TABLES));
    }

    public List<String> distinctValues(String tableName, String column, int limit) {
        checkLimit(limit);
        List<TableInfo> tables = schema();
        TableInfo table = tables.stream().filter(t -> t.name().equals(tableName)).findFirst()
                .orElseThrow(() -> new ConfigurationException("unknown table '" + tableName + "'; expected one of "
                        + tables.stream().map(TableInfo::name).toList()));
        TableInfo.ColumnInfo info = table.columns().stream().filter(col -> col.name().equals(column)).findFirst()
                .orElseThrow(() -> new ConfigurationException("unknown column '" + column + "' of " + tableName
                        + "; expected one of " + table.columns().stream().map(TableInfo.ColumnInfo::name).toList()));
        Field<Object> f = field(name(tableName, info.name()));
        Field<String> value = dialect.sql().text(f, info.type().toLowerCase(Locale.ROOT).contains("timestamp"));
        return read("list the values of " + tableName + "." + column, c -> dsl(c).select(value).from(table(name(tableName)))
                .where(f.isNotNull()).groupBy(value).orderBy(dialect.sql().byCodePoint(value)).limit(limit).fetch(value));
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            closer.close();
        } catch (Exception ignored) {
            // Closing is best effort.
        }
    }
}
