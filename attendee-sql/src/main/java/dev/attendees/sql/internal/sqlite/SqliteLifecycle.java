package dev.attendees.sql.internal.sqlite;

import dev.attendees.sql.internal.Lifecycle;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What the store does with a SQLite file when it opens it and before each use: after the
 * migrations, the indexes and row triggers that are missing are created; before each use, the
 * file is turned to WAL mode if it is still pending ({@link SqliteJournal}).
 */
final class SqliteLifecycle implements Lifecycle {

    private final SqliteJournal journal;

    SqliteLifecycle(SqliteJournal journal) {
        this.journal = journal;
    }

    @Override
    public void lockForMigration(Connection connection) {
        // The transaction began with BEGIN IMMEDIATE: it holds the database's write lock.
    }

    @Override
    public void afterMigrations(Connection connection) throws SQLException {
        SqliteDialect.INDEXES.build(connection);
        RowTriggers.create(connection);
    }

    @Override
    public void beforeUse(DataSource pool) {
        journal.beforeUse(pool);
    }
}
