package dev.attendees.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How read-only SQL from other modules is checked and run in one database: the lexical rules of
 * {@link ReadOnlyStatement}, the driver's own count of statements, and what a read-only
 * transaction needs before and after the query.
 */
public interface ReadOnlyRules {

    /** The lexical rules by which {@link ReadOnlyStatement} checks read-only SQL for this database. */
    ReadOnlyStatement.Syntax syntax();

    /**
     * Checks, with the driver's own reading of {@code sql} on the connection it will run on, that it
     * is one statement (a driver that runs only the first statement of a text needs nothing here).
     *
     * @throws dev.attendees.ConfigurationException when it is not
     */
    default void checkOneStatement(Connection connection, String sql) throws SQLException {}

    /** Prepares a read-only connection's transaction for one query of at most {@code timeout}. */
    void beginReadOnly(Connection connection, Duration timeout) throws SQLException;

    /** Releases what a read-only query may hold beyond its (rolled back) transaction, before the connection is reused. */
    default void endReadOnly(Connection connection) throws SQLException {}

    /** Whether an exception means the statement was cancelled or timed out. */
    boolean isTimeout(SQLException e);
}
