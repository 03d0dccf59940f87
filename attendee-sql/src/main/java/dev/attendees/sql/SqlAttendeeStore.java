package dev.attendees.sql;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.sql.internal.Migrations;
import dev.attendees.sql.internal.StoreCore;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.spi.AttendeeStore;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.AttendeePage;
import dev.attendees.store.AttendeeQuery;
import dev.attendees.store.Facet;
import dev.attendees.store.GenerationRun;
import dev.attendees.store.ImportOptions;
import dev.attendees.store.ImportResult;
import dev.attendees.store.QueryHistoryEntry;
import dev.attendees.store.RunInfo;
import dev.attendees.store.SqlResult;
import dev.attendees.plan.PlanResult;
import dev.attendees.plan.QueryPlan;
import dev.attendees.sql.internal.PlanCompiler;
import dev.attendees.store.TableInfo;
import dev.attendees.store.ValueCount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;

/**
 * The SQL {@link AttendeeStore}, in jOOQ over JDBC: {@link SqliteAttendeeStore} for a file,
 * {@link PostgresAttendeeStore} for a server. Both run the same code and give the same answers;
 * they differ in types, full text and connection handling. Opening a store applies the schema
 * migrations the database needs. Thread-safe.
 *
 * <p>Beyond the SPI, it gives users their own SQL: {@link #dataSource()} (pooled JDBC) and
 * {@link #dsl()} (jOOQ). Writes to {@code attendees} through them keep the derived tables in step
 * (triggers), so the query API stays exact.
 *
 * <pre>{@code
 * try (SqlAttendeeStore store = AttendeeStores.open("attendees.db")) {
 *     store.generate(AttendeeGenerator.builder().seed(7).build(), 100_000);
 *     int n = store.dsl().fetchCount(DSL.table("attendees"), DSL.field("company_size").eq("Startup"));
 *     try (Connection c = store.dataSource().getConnection()) { ... }
 * }
 * }</pre>
 */
public abstract sealed class SqlAttendeeStore implements AttendeeStore permits SqliteAttendeeStore, PostgresAttendeeStore {

    /** The schema version this release creates and migrates to (the number of migration scripts). */
    public static final int SCHEMA_VERSION = Migrations.LATEST;

    private final StoreCore core;
    private final PlanCompiler compiler;

    SqlAttendeeStore(StoreCore core) {
        this.core = core;
        this.compiler = new PlanCompiler(core.dialect());
    }

    /** The store's pooled JDBC connections, for your own SQL. */
    public DataSource dataSource() {
        return core.dataSource();
    }

    /** A jOOQ context in the store's dialect over {@link #dataSource()}. */
    public DSLContext dsl() {
        return core.dsl();
    }

    /** The schema version the database had before this store opened it: 0 for a new one, 1 for a contract-only table. */
    public int schemaVersionFound() {
        return core.versionFound();
    }

    @Override
    public String dialect() {
        return core.dialect().name();
    }

    @Override
    public String location() {
        return core.location();
    }

    @Override
    public AttendeeSink sink(RunInfo run) {
        return core.sink(run);
    }

    @Override
    public ImportResult importFiles(List<Path> inputs, ImportOptions options) {
        return core.importFiles(List.copyOf(inputs), options);
    }

    @Override
    public Optional<Attendee> get(long id) {
        return core.get(id);
    }

    @Override
    public AttendeePage find(AttendeeQuery query) {
        return core.find(query);
    }

    @Override
    public long count(AttendeeFilter filter) {
        return core.count(filter);
    }

    @Override
    public List<ValueCount> countBy(Facet facet, AttendeeFilter filter, int limit) {
        return core.countBy(facet, filter, limit);
    }

    @Override
    public List<String> distinctValues(Facet facet, int limit) {
        return core.distinctValues(facet, limit);
    }

    @Override
    public long delete(AttendeeFilter filter) {
        return core.delete(filter);
    }

    @Override
    public long regenerate(AttendeeFilter filter, AttendeeGenerator generator) {
        return core.regenerate(filter, generator);
    }

    @Override
    public long deleteRun(long runId) {
        return core.deleteRun(runId);
    }

    @Override
    public List<GenerationRun> runs() {
        return core.runs();
    }

    @Override
    public QueryHistoryEntry recordQuery(String question, String sql, String engine, long rowCount) {
        return core.recordQuery(question, sql, engine, rowCount);
    }

    @Override
    public List<QueryHistoryEntry> queryHistory(int limit) {
        return core.queryHistory(limit, false);
    }

    @Override
    public List<QueryHistoryEntry> favourites() {
        return core.queryHistory(Integer.MAX_VALUE, true);
    }

    @Override
    public boolean star(long entryId, boolean starred) {
        return core.star(entryId, starred);
    }

    @Override
    public SqlResult readOnlySql(String sql, int maxRows, Duration timeout) {
        return core.readOnlySql(sql, maxRows, timeout);
    }

    @Override
    public PlanResult run(QueryPlan plan, int maxRows, Duration timeout) {
        String sql = compiler.sql(plan);
        return new PlanResult(sql, core.readOnlySql(sql, maxRows, timeout));
    }

    @Override
    public List<TableInfo> schema() {
        return core.schema();
    }

    @Override
    public List<String> distinctValues(String table, String column, int limit) {
        return core.distinctValues(table, column, limit);
    }

    @Override
    public void close() {
        core.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + location() + "]";
    }
}
