package dev.attendees.sql;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.plan.PlanResult;
import dev.attendees.plan.QueryPlan;
import dev.attendees.sql.internal.AttendeeQueries;
import dev.attendees.sql.internal.BulkOperations;
import dev.attendees.sql.internal.Database;
import dev.attendees.sql.internal.Importer;
import dev.attendees.sql.internal.Migrations;
import dev.attendees.sql.internal.PlanRunner;
import dev.attendees.sql.internal.QueryLog;
import dev.attendees.sql.internal.ReadOnlySql;
import dev.attendees.sql.internal.Runs;
import dev.attendees.sql.internal.StoreSink;
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
 * migrations the database needs. Thread-safe. Inside, the store holds its parts, each with one job
 * (queries, bulk operations, runs, the query log, read-only SQL, question plans) over one database
 * (see {@code docs/architecture.md}).
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

    private final Database database;
    private final Runs runs;
    private final AttendeeQueries queries;
    private final BulkOperations bulkOperations;
    private final QueryLog queryLog;
    private final ReadOnlySql readOnlySql;
    private final PlanRunner plans;

    /** The store over an opened (migrated) database, with its parts. */
    SqlAttendeeStore(Database database) {
        this.database = database;
        this.runs = new Runs(database);
        this.queries = new AttendeeQueries(database);
        this.bulkOperations = new BulkOperations(database);
        this.queryLog = new QueryLog(database);
        this.readOnlySql = new ReadOnlySql(database);
        this.plans = new PlanRunner(database, readOnlySql);
    }

    /** The store's pooled JDBC connections, for your own SQL. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** A jOOQ context in the store's dialect over {@link #dataSource()}. */
    public DSLContext dsl() {
        return database.dsl();
    }

    /** The schema version the database had before this store opened it: 0 for a new one, 1 for a contract-only table. */
    public int schemaVersionFound() {
        return database.versionFound();
    }

    @Override
    public String dialect() {
        return database.dialect().name();
    }

    @Override
    public String location() {
        return database.location();
    }

    @Override
    public AttendeeSink sink(RunInfo run) {
        return new StoreSink(database, runs, run);
    }

    @Override
    public ImportResult importFiles(List<Path> inputs, ImportOptions options) {
        return new Importer(database, runs, options).run(List.copyOf(inputs));
    }

    @Override
    public Optional<Attendee> get(long id) {
        return queries.get(id);
    }

    @Override
    public AttendeePage find(AttendeeQuery query) {
        return queries.find(query);
    }

    @Override
    public long count(AttendeeFilter filter) {
        return queries.count(filter);
    }

    @Override
    public List<ValueCount> countBy(Facet facet, AttendeeFilter filter, int limit) {
        return queries.countBy(facet, filter, limit);
    }

    @Override
    public List<String> distinctValues(Facet facet, int limit) {
        return queries.distinctValues(facet, limit);
    }

    @Override
    public long delete(AttendeeFilter filter) {
        return bulkOperations.delete(filter);
    }

    @Override
    public long regenerate(AttendeeFilter filter, AttendeeGenerator generator) {
        return bulkOperations.regenerate(filter, generator);
    }

    @Override
    public long deleteRun(long runId) {
        return bulkOperations.deleteRun(runId);
    }

    @Override
    public List<GenerationRun> runs() {
        return runs.list();
    }

    @Override
    public QueryHistoryEntry recordQuery(String question, String sql, String engine, long rowCount) {
        return queryLog.record(question, sql, engine, rowCount);
    }

    @Override
    public List<QueryHistoryEntry> queryHistory(int limit) {
        return queryLog.history(limit);
    }

    @Override
    public List<QueryHistoryEntry> favourites() {
        return queryLog.favourites();
    }

    @Override
    public boolean star(long entryId, boolean starred) {
        return queryLog.star(entryId, starred);
    }

    @Override
    public SqlResult readOnlySql(String sql, int maxRows, Duration timeout) {
        return readOnlySql.run(sql, maxRows, timeout);
    }

    @Override
    public PlanResult run(QueryPlan plan, int maxRows, Duration timeout) {
        return plans.run(plan, maxRows, timeout);
    }

    @Override
    public List<TableInfo> schema() {
        return readOnlySql.schema();
    }

    @Override
    public List<String> distinctValues(String table, String column, int limit) {
        return readOnlySql.distinctValues(table, column, limit);
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + location() + "]";
    }
}
