package dev.attendees.sql.internal.sqlite;

import dev.attendees.sql.internal.ReadOnlyRules;
import dev.attendees.sql.internal.ReadOnlyStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Read-only SQL in SQLite: the connection that runs it was opened read-only
 * ({@code SQLITE_OPEN_READONLY} and {@code PRAGMA query_only}), and sqlite-jdbc runs only a text's
 * first statement anyway; a timeout is a cancel, which SQLite reports as an interrupt.
 */
final class SqliteReadOnlyRules implements ReadOnlyRules {

    @Override
    public ReadOnlyStatement.Syntax syntax() {
        return ReadOnlyStatement.Syntax.SQLITE;
    }

    @Override
    public void beginReadOnly(Connection connection, Duration timeout) {
        // The connection was opened read-only (SQLITE_OPEN_READONLY, query_only); the timeout is a cancel.
    }

    @Override
    public boolean isTimeout(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("interrupted") || m.contains("SQLITE_INTERRUPT");
    }
}
