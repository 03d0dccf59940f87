package dev.attendees.sql.internal;

import dev.attendees.Attendee;
import dev.attendees.ConfigurationException;
import dev.attendees.store.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Versioned schema migrations, applied when a store opens a database, in one transaction: the
 * scripts {@code migrations/<dialect>/V<n>__<what>.sql}, recorded in
 * {@code attendees_schema_version}. A database that has the contract's {@code attendees} table but
 * no version table (made by another tool, or by the original specification's DDL) is version 1.
 */
public final class Migrations {

    /** The scripts, version 1 first. */
    static final List<String> SCRIPTS =
            List.of("V1__contract_table.sql", "V2__derived_tables.sql", "V3__derived_tables_by_item.sql",
                    "V4__derived_tables_by_trigger.sql", "V5__search_words.sql", "V6__renamed_count.sql");

    /** The schema version this release writes. */
    public static final int LATEST = SCRIPTS.size();

    static final String VERSION_TABLE = "attendees_schema_version";

    private Migrations() {}

    /**
     * Brings the database on {@code connection} to {@link #LATEST}; returns the version it had.
     *
     * @throws ConfigurationException when the database is newer than this release, or has an
     *     {@code attendees} table that is not the contract's
     */
    public static int migrate(Connection connection, Dialect dialect, String location) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            dialect.lifecycle().lockForMigration(connection);
            int found = version(connection, dialect, location);
            if (found > LATEST) {
                throw new ConfigurationException(location + " has schema version " + found + ", newer than this release's "
                        + LATEST + "; use a newer attendees release");
            }
            for (int v = found + 1; v <= LATEST; v++) {
                String script = SCRIPTS.get(v - 1);
                Scripts.run(connection, "migrations/" + dialect.name() + "/" + script);
                record(connection, dialect, v, script.substring(script.indexOf("__") + 2, script.length() - 4).replace('_', ' '));
            }
            dialect.lifecycle().afterMigrations(connection);
            connection.commit();
            return found;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static int version(Connection connection, Dialect dialect, String location) throws SQLException {
        if (dialect.catalog().tableExists(connection, VERSION_TABLE)) {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT max(version) FROM " + VERSION_TABLE)) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE " + VERSION_TABLE
                    + " (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMP NOT NULL)");
        }
        if (!dialect.catalog().tableExists(connection, "attendees")) {
            return 0;
        }
        TableInfo table = dialect.catalog().tables(connection, List.of("attendees")).get(0);
        List<String> columns = table.columns().stream().map(TableInfo.ColumnInfo::name).toList();
        if (!columns.equals(Attendee.COLUMNS)) {
            throw new ConfigurationException(location + " has an attendees table that is not the data contract's: its columns are "
                    + columns + ", expected " + Attendee.COLUMNS);
        }
        record(connection, dialect, 1, "contract table (found)");
        return 1;
    }

    private static void record(Connection connection, Dialect dialect, int version, String description) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO " + VERSION_TABLE + " (version, description, applied_at) VALUES (?, ?, ?)")) {
            ps.setInt(1, version);
            ps.setString(2, description);
            dialect.sql().bindTimestamp(ps, 3, LocalDateTime.now(ZoneOffset.UTC).withNano(0));
            ps.executeUpdate();
        }
    }
}
