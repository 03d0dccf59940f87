package dev.attendees.sql.internal.postgres;

import dev.attendees.ConfigurationException;
import dev.attendees.sql.internal.ReadOnlyRules;
import dev.attendees.sql.internal.ReadOnlyStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Parser;

/**
 * Read-only SQL in PostgreSQL: pgjdbc's own parser must find one statement, the transaction is set
 * {@code READ ONLY} with a {@code statement_timeout}, and session-level advisory locks are released
 * before the connection goes back to the pool.
 */
public final class PostgresReadOnlyRules implements ReadOnlyRules {

    @Override
    public ReadOnlyStatement.Syntax syntax() {
        return ReadOnlyStatement.Syntax.POSTGRESQL;
    }

    /**
     * pgjdbc splits a text into statements itself and sends them all; a {@code COMMIT} among them
     * would end the read-only transaction. Its own parser, with the connection's reading of
     * backslashes, must find one statement (the server then refuses more than one in it too).
     */
    @Override
    public void checkOneStatement(Connection connection, String sql) throws SQLException {
        boolean standardStrings = connection.unwrap(BaseConnection.class).getStandardConformingStrings();
        if (!standardStrings && sql.indexOf('\\') >= 0) {
            // ReadOnlyStatement reads '...' as the standard has it; this server takes \' as a quote in it.
            throw new ConfigurationException("read-only SQL must not hold a backslash on a server with"
                    + " standard_conforming_strings off");
        }
        int statements = Parser.parseJdbcSql(sql, standardStrings, false, true, false, false).size();
        if (statements != 1) {
            throw new ConfigurationException("read-only SQL must be one statement; PostgreSQL's driver reads " + statements
                    + " in it");
        }
    }

    /** Session-level advisory locks outlive the rollback; the pooled connection must not keep them. */
    @Override
    public void endReadOnly(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_unlock_all()");
        }
    }

    @Override
    public void beginReadOnly(Connection connection, Duration timeout) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET TRANSACTION READ ONLY");
            // statement_timeout is an int of milliseconds: about 24.8 days at most.
            s.execute("SET LOCAL statement_timeout = " + Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        }
    }

    @Override
    public boolean isTimeout(SQLException e) {
        return "57014".equals(e.getSQLState());
    }
}
