package dev.attendees.sql.internal.postgres;

import dev.attendees.ConfigurationException;
import dev.attendees.sql.internal.Lifecycle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the store does with a PostgreSQL database when it opens it: migrations take an advisory
 * lock, so that stores opening one database at once migrate it one after the other, and the
 * server must be PostgreSQL 13 or newer with a {@code UTF8} database. Nothing before each use.
 */
final class PostgresLifecycle implements Lifecycle {

    /** The key of the advisory lock that serialises migrations. */
    private static final long MIGRATION_LOCK = 0x61747465L;

    /** {@code server_version_num} of PostgreSQL 13.0. */
    private static final int MIN_SERVER_VERSION = 130_000;

    @Override
    public void lockForMigration(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, MIGRATION_LOCK);
            ps.execute();
        }
        // The full-text words of schema version 5 need normalize() (PostgreSQL 13) and Unicode text.
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_setting('server_version_num')::int, current_setting('server_version'),"
                        + " pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()")) {
            rs.next();
            if (rs.getInt(1) < MIN_SERVER_VERSION || !"UTF8".equals(rs.getString(3))) {
                throw new ConfigurationException("the store needs PostgreSQL 13 or newer and a database in UTF8;"
                        + " this one is PostgreSQL " + rs.getString(2) + " in " + rs.getString(3));
            }
        }
    }
}
