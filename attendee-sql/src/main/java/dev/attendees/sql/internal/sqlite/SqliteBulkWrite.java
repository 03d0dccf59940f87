package dev.attendees.sql.internal.sqlite;

import dev.attendees.Attendee;
import dev.attendees.sql.internal.BoundRow;
import dev.attendees.sql.internal.BulkStrategy;
import dev.attendees.sql.internal.SecondaryIndexes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One bulk write into SQLite: triggers are off from the start; once the write has added more rows
 * than the table had (and at least {@value SecondaryIndexes#DROP_AFTER}), the secondary indexes go
 * too, and {@link #finish} builds them again from sorted data. The rows of the derived tables are
 * held ({@link DerivedRows}) and written in key order, on another thread when that pays
 * ({@link SideFill}). The full-text index is filled here, from the table, in one statement, which
 * costs less than binding the attendees' text into a scratch database would (tried and measured,
 * docs/sql-design.md). The connection's page cache and sorter threads
 * change for the write's steps ({@code PRAGMA}s below) and are restored at its end.
 */
final class SqliteBulkWrite implements BulkStrategy.Bulk {

    /** The page cache while a bulk write inserts: 256 MiB, which holds the pages of 1,000,000 new rows. */
    static final int BULK_CACHE_KIB = -262_144;

    /**
     * The page cache while a bulk write builds indexes: 4 MiB. SQLite's sorter sorts runs of the
     * cache's size in memory, writes them to temporary files and merges them, the runs also on a
     * helper thread ({@code PRAGMA threads}): runs that fit the processor's caches build the indexes
     * much faster than the bulk write's 256 MiB does (docs/sql-design.md).
     */
    static final int SORT_CACHE_KIB = -4_096;

    /** Rows per index that ANALYZE samples after a bulk write: {@value}. */
    static final int ANALYSIS_LIMIT = 1_000;

    /** A bulk write builds the normalized tables aside ({@link SideFill}) from this many of their rows: {@value}. */
    static final int SIDE_FILL_AFTER = 200_000;

    private final Connection connection;
    private final SqliteJournal journal;
    private final long threshold;
    private final boolean keepEmailIndex;
    private final DerivedRows derived;
    private final boolean byTriggers;
    private boolean indexesDropped;
    private SideFill side;

    /**
     * {@code byTriggers}: the schema has users' own triggers ({@link RowTriggers#othersPresent}), so the
     * row triggers stay and keep the derived tables in step, and only the indexes are rebuilt.
     */
    private SqliteBulkWrite(Connection connection, SqliteJournal journal, long existing, boolean keepEmailIndex,
            boolean byTriggers, int derivedCapacity) {
        this.connection = connection;
        this.journal = journal;
        this.threshold = Math.max(SecondaryIndexes.DROP_AFTER, existing);
        this.keepEmailIndex = keepEmailIndex;
        this.byTriggers = byTriggers;
        this.derived = new DerivedRows(derivedCapacity);
    }

    /**
     * Starts a bulk write in {@code connection}'s open transaction. Triggers go for its length
     * (unless users have their own), and the derived rows come from the rows written
     * ({@link DerivedRows}), in key order. A database file that the store created and that has never
     * been written in bulk is still in rollback-journal mode here: its pages are then written once,
     * into the file, instead of into the WAL and again at the checkpoint (the journal only holds the
     * few pages of the empty schema); {@link #ended} turns it to WAL ({@link SqliteJournal}).
     *
     * @param existing the largest id before the write
     * @param derivedCapacity derived rows held before they are written midway
     */
    static SqliteBulkWrite start(Connection connection, SqliteJournal journal, long existing, boolean keepEmailIndex,
            int derivedCapacity) throws SQLException {
        journal.bulkWriteStarting();
        try (Statement s = connection.createStatement()) {
            boolean byTriggers = RowTriggers.othersPresent(connection);
            if (!byTriggers) {
                RowTriggers.drop(connection);
            }
            s.execute("PRAGMA cache_size = " + BULK_CACHE_KIB);
            return new SqliteBulkWrite(connection, journal, existing, keepEmailIndex, byTriggers, derivedCapacity);
        } catch (SQLException | RuntimeException e) {
            journal.bulkWriteNotStarted(); // no bulk write to end: ended will not be called
            throw e;
        }
    }

    @Override
    public boolean added(long id, BoundRow row) {
        if (byTriggers) {
            return false;
        }
        Attendee a = row.attendee();
        derived.add(id, a.productInterests(), row.interests(), a.boothVisited(), row.booths());
        return derived.full();
    }

    @Override
    public void flushHeld() throws SQLException {
        derived.flush(connection);
    }

    @Override
    public void written(long rows) throws SQLException {
        if (!indexesDropped && rows > threshold) {
            SqliteDialect.INDEXES.drop(connection, keepEmailIndex);
            indexesDropped = true;
        }
    }

    @Override
    public void finish(long first, long last) throws SQLException {
        boolean cores = Runtime.getRuntime().availableProcessors() > 1;
        if (derived.held() >= SIDE_FILL_AFTER && cores && derivedTablesEmpty()) {
            side = SideFill.start(connection, derived); // built on another thread while this one indexes
        } else {
            derived.flush(connection);
        }
        if (first <= last && !byTriggers) {
            SetBasedMaintenance.addWords(connection, first, last);
        }
        if (indexesDropped) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA threads = 2"); // the sorter of CREATE INDEX may use a helper thread
                s.execute("PRAGMA cache_size = " + SORT_CACHE_KIB);
            }
            SqliteDialect.INDEXES.build(connection);
        }
        restoreSettings();
        if (side != null) {
            side.copyInto(connection);
            derived.fillById(connection);
        }
        try (Statement s = connection.createStatement()) {
            // Fresh statistics, from a sample: without them the planner drives broad filters through
            // low-selectivity indexes (industry) and runs several times slower.
            s.execute("PRAGMA analysis_limit = " + ANALYSIS_LIMIT);
            s.execute("ANALYZE");
        }
        RowTriggers.create(connection);
    }

    @Override
    public void beforeReplace(long id, boolean addedHere) throws SQLException {
        if (byTriggers) {
            return;
        }
        if (addedHere) {
            derived.flush(connection); // its rows are then in the tables, where the next statements find them
        } else {
            SetBasedMaintenance.removeWordsOf(connection, id);
        }
        SetBasedMaintenance.removeItemsOf(connection, id);
    }

    @Override
    public void afterReplace(long id, boolean addedHere) throws SQLException {
        if (byTriggers) {
            return;
        }
        SetBasedMaintenance.addItems(connection, id, id);
        if (!addedHere) {
            SetBasedMaintenance.addWords(connection, id, id); // rows added here get theirs in finish
        }
    }

    /** The connection's settings outside bulk writes, which the pool hands it out with again. */
    private void restoreSettings() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA threads = 0");
            s.execute("PRAGMA cache_size = " + SqliteDialect.CACHE_KIB);
        }
    }

    @Override
    public void ended() {
        if (side != null) {
            side.close();
        }
        try {
            restoreSettings(); // also after a failure midway
        } catch (SQLException ignored) {
            // The settings of this connection only; the pool's reset closes it at worst.
        }
        journal.bulkWriteEnded(connection);
    }

    /** Whether both normalized tables are empty (a bulk write may then build them aside, see {@link SideFill}). */
    private boolean derivedTablesEmpty() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT NOT EXISTS (SELECT 1 FROM attendee_interests) AND NOT EXISTS (SELECT 1 FROM booth_visits)")) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
