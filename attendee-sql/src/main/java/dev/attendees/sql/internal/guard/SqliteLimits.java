package dev.attendees.sql.internal.guard;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteLimits;

/**
 * Limits that SQLite itself enforces on the connection read-only SQL runs on, behind the guard:
 * no database may be attached ({@code ATTACH} and {@code VACUUM INTO}, which attaches its target,
 * fail with "too many attached databases"), and no text or blob may grow beyond
 * {@value #MAX_LENGTH} bytes ({@code zeroblob(1000000000)}, {@code printf('%.*c', ...)} and
 * {@code replace} piled on {@code replace} fail with "string or blob too big" instead of filling
 * memory until the timeout).
 */
public final class SqliteLimits {

    /** The longest text or blob a read-only query may make: {@value} bytes (64 MiB). */
    public static final int MAX_LENGTH = 64 << 20;

    private SqliteLimits() {}

    /** Sets the limits on a connection to a SQLite database. */
    public static void applyTo(Connection connection) throws SQLException {
        SQLiteConnection sqlite = connection.unwrap(SQLiteConnection.class);
        sqlite.setLimit(SQLiteLimits.SQLITE_LIMIT_ATTACHED, 0);
        sqlite.setLimit(SQLiteLimits.SQLITE_LIMIT_LENGTH, MAX_LENGTH);
    }
}
