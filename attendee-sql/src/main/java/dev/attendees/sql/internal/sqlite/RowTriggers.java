package dev.attendees.sql.internal.sqlite;

import dev.attendees.sql.internal.Scripts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The row triggers that keep SQLite's normalized tables and full-text index in step with every
 * write to {@code attendees}, users' own SQL included ({@code triggers.sql}), and how the store's
 * bulk work steps around them: dropped inside its transaction (a rollback brings them back) and
 * created again before it commits. Whether it may do so depends on the users' own triggers
 * ({@link #othersPresent}).
 */
final class RowTriggers {

    /** Creates the store's row triggers where missing. */
    static final String SCRIPT = "migrations/sqlite/triggers.sql";

    /** The store's row triggers, as {@link #SCRIPT} names them. */
    private static final List<String> NAMES =
            List.of("attendees_derived_insert", "attendees_derived_delete", "attendees_derived_update");

    private RowTriggers() {}

    /** Creates the row triggers that are missing (all of them after {@link #drop}). */
    static void create(Connection connection) throws SQLException {
        Scripts.run(connection, SCRIPT);
    }

    /** Drops the row triggers in the connection's open transaction (its rollback brings them back; {@link #create} too). */
    static void drop(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String trigger : NAMES) {
                s.execute("DROP TRIGGER IF EXISTS " + trigger);
            }
        }
    }

    /**
     * Whether the schema has triggers of its own (users') on {@code attendees} or the normalized
     * tables. Such a trigger may write other rows of {@code attendees} while the store deletes or
     * overwrites the ones it chose; only the row triggers keep those in step, so bulk writes,
     * regenerations and deletes then keep them (the slower way) instead of working set-based.
     */
    static boolean othersPresent(Connection connection) throws SQLException {
        // TEMP triggers too: made through the pool (dataSource()), they sit on the store's own connections.
        try (PreparedStatement ps = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM (SELECT type, name, tbl_name"
                + " FROM sqlite_master UNION ALL SELECT type, name, tbl_name FROM sqlite_temp_master)"
                + " WHERE type = 'trigger' AND lower(tbl_name) IN ('attendees', 'attendee_interests', 'booth_visits')"
                + " AND name NOT IN (?, ?, ?))")) {
            for (int i = 0; i < NAMES.size(); i++) {
                ps.setString(i + 1, NAMES.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
