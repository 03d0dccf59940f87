package dev.attendees.sql.internal.sqlite;

import dev.attendees.sql.internal.Dialect;
import dev.attendees.sql.internal.SecondaryIndexes;

/**
 * SQLite's dialect: its parts assembled, and the settings they share. Timestamps are text in the
 * contract's format, full text is FTS5, and row triggers keep the derived tables in step, which
 * bulk writes, regenerations and deletes replace by set-based statements.
 *
 * <pre>{@code
 * SqliteJournal journal = new SqliteJournal();
 * Dialect dialect = SqliteDialect.create(journal);
 * }</pre>
 */
public final class SqliteDialect {

    /** The page size of new database files: {@value} bytes. */
    public static final int PAGE_SIZE = 16_384;

    /** The page cache of a connection, in KiB as a negative number (SQLite's convention): 64 MiB. */
    public static final int CACHE_KIB = -65_536;

    /** The secondary indexes of {@code attendees}, created after the migrations and rebuilt by large bulk writes. */
    static final SecondaryIndexes INDEXES = new SecondaryIndexes("migrations/sqlite/indexes.sql");

    private SqliteDialect() {}

    /** The dialect of one store, whose file's journal mode {@code journal} keeps. */
    public static Dialect create(SqliteJournal journal) {
        return create(journal, DerivedRows.CAPACITY);
    }

    /** The dialect of one store whose bulk writes hold at most {@code derivedCapacity} derived rows (tests use small ones). */
    public static Dialect create(SqliteJournal journal, int derivedCapacity) {
        SqliteExpressions sql = new SqliteExpressions();
        return new Dialect("sqlite", sql, new SqliteRowInserts(), new SqliteBulkStrategy(sql, journal, derivedCapacity),
                new SqliteLifecycle(journal), new SqliteCatalog(), new SqliteReadOnlyRules());
    }
}
