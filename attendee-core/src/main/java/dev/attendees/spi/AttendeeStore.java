package dev.attendees.spi;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.GenerationSummary;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.AttendeePage;
import dev.attendees.store.AttendeeQuery;
import dev.attendees.store.Facet;
import dev.attendees.plan.PlanResult;
import dev.attendees.plan.QueryPlan;
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

/**
 * A database of attendees: the data contract's {@code attendees} table and the tables beside it
 * (normalized interests and booth visits, full-text index, generation runs, query history).
 * {@code attendee-sql} implements it for SQLite and PostgreSQL; both give the same answers for the
 * same data. Implementations are thread-safe; every write is one transaction.
 *
 * <pre>{@code
 * try (AttendeeStore store = AttendeeStores.open("attendees.db")) {         // attendee-sql
 *     store.generate(AttendeeGenerator.builder().seed(42).build(), 10_000);
 *     long startups = store.count(AttendeeFilter.builder().companySizes(CompanySize.STARTUP).build());
 *     List<ValueCount> topInterests = store.countBy(Facet.INTEREST, AttendeeFilter.ALL, 5);
 *     AttendeePage page = store.find(AttendeeQuery.builder().filter(filter).page(0, 20).build());
 * }
 * }</pre>
 *
 * <h2>Ids</h2>
 * A run (a generation through {@link #sink} or an import) adds attendees with consecutive ids. Into
 * an empty store they keep the ids they come with (1..N for a generation); into a store that has
 * attendees, they are numbered on from the largest id there, so ids stay unique. {@link #runs()}
 * says which ids each run added.
 *
 * <h2>Read-only SQL</h2>
 * {@link #readOnlySql}, {@link #schema()} and {@link #distinctValues(String, String, int)} let other
 * modules (the natural-language query engine) run SQL that they did not write themselves: one
 * {@code SELECT} (or {@code WITH ... SELECT}) at a time, on a connection that cannot write, with a
 * row limit and a timeout.
 */
public interface AttendeeStore extends AutoCloseable {

    /** The SQL dialect of {@link #readOnlySql}: {@code sqlite} or {@code postgresql}. */
    String dialect();

    /** Where the data lives, for messages: a file path, or a URL with its password masked. */
    String location();

    // ---- writing -------------------------------------------------------------------------

    /**
     * A sink that adds attendees in one transaction, recorded as one run: nothing is visible
     * until {@link AttendeeSink#commit()}, and closing without a commit keeps nothing. Ids are
     * renumbered after the store's largest id when the store is not empty.
     */
    AttendeeSink sink(RunInfo run);

    /** A sink for {@code generator}'s run, recording its options, seed and data version. */
    default AttendeeSink sink(AttendeeGenerator generator) {
        return sink(RunInfo.of(generator));
    }

    /** Generates {@code count} attendees straight into the store, in one transaction. */
    default GenerationSummary generate(AttendeeGenerator generator, long count) {
        try (AttendeeSink sink = sink(generator)) {
            return generator.writeTo(sink, count);
        }
    }

    /**
     * Imports CSV, JSON or NDJSON files (the format from each file's content, else its name), all
     * in one transaction: every row is checked against the data contract, and a bad row anywhere
     * throws an {@link dev.attendees.InputException} naming the file, line and field, and keeps
     * nothing of the import.
     */
    ImportResult importFiles(List<Path> inputs, ImportOptions options);

    // ---- reading -------------------------------------------------------------------------

    /** The attendee with this id. */
    Optional<Attendee> get(long id);

    /** A page of attendees and the number that match. */
    AttendeePage find(AttendeeQuery query);

    /** How many attendees match. */
    long count(AttendeeFilter filter);

    /**
     * Attendees matching {@code filter} grouped by {@code facet}: the {@code limit} largest groups,
     * largest first (ties by value). Attendees without a value form a group with a {@code null}
     * value, which comes after the others of its size.
     */
    List<ValueCount> countBy(Facet facet, AttendeeFilter filter, int limit);

    /** The distinct values of a facet, in code-point order, at most {@code limit}; no {@code null}. */
    List<String> distinctValues(Facet facet, int limit);

    // ---- bulk operations -----------------------------------------------------------------

    /** Deletes the attendees matching {@code filter} (all of them for {@link AttendeeFilter#ALL}); returns how many. */
    long delete(AttendeeFilter filter);

    /**
     * Replaces the attendees matching {@code filter} by new ones from {@code generator}, keeping
     * their ids: the attendee with id {@code k} becomes {@code generator.attendee(k - 1)} with id
     * {@code k}. Returns how many.
     */
    long regenerate(AttendeeFilter filter, AttendeeGenerator generator);

    /** Deletes the attendees a run added and the run's record; returns how many attendees. */
    long deleteRun(long runId);

    /** The recorded runs, oldest first. */
    List<GenerationRun> runs();

    // ---- query history and favourites ----------------------------------------------------

    /** Records a question that was answered, with the time now. */
    QueryHistoryEntry recordQuery(String question, String sql, String engine, long rowCount);

    /** The latest {@code limit} history entries, newest first. */
    List<QueryHistoryEntry> queryHistory(int limit);

    /** The starred entries, newest first. */
    List<QueryHistoryEntry> favourites();

    /** Stars or un-stars an entry; returns whether it exists. */
    boolean star(long entryId, boolean starred);

    // ---- read-only SQL for other modules ---------------------------------------------------

    /**
     * Runs one read-only query ({@code SELECT}, {@code WITH ... SELECT}, {@code VALUES}) and returns
     * at most {@code maxRows} rows. It runs on a connection that cannot write (a read-only
     * SQLite connection; a read-only PostgreSQL transaction), so a statement that tries to write
     * fails.
     *
     * @throws dev.attendees.ConfigurationException when {@code sql} is not one read-only statement
     * @throws dev.attendees.ProviderException when it fails or runs longer than {@code timeout}
     */
    SqlResult readOnlySql(String sql, int maxRows, Duration timeout);

    // ---- questions ---------------------------------------------------------------------------

    /**
     * Answers a question's plan: compiled to SQL for this store's dialect (values inlined, so that
     * the SQL shown is the SQL that ran) and run as {@link #readOnlySql} runs SQL.
     *
     * @throws dev.attendees.ConfigurationException when the plan is not valid ({@link QueryPlan#validate()})
     * @throws dev.attendees.ProviderException when it fails or runs longer than {@code timeout}
     */
    PlanResult run(QueryPlan plan, int maxRows, Duration timeout);

    /** The tables (and their columns) that read-only SQL may use. */
    List<TableInfo> schema();

    /**
     * The distinct non-null values of one column of a table of {@link #schema()}, in code-point
     * order, at most {@code limit}, as text.
     *
     * @throws dev.attendees.ConfigurationException for an unknown table or column
     */
    List<String> distinctValues(String table, String column, int limit);

    /** Closes the store's connections. */
    @Override
    void close();
}
