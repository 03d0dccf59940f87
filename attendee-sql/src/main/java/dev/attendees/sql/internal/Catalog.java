package dev.attendees.sql.internal;

import dev.attendees.store.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** How the schema is listed: which tables exist, and their columns (for migrations and for {@code schema()}). */
public interface Catalog {

    /** A query with one parameter, a table's name, that has a row when the table exists. */
    String tableExistsSql();

    /** Whether a table exists (in the connection's schema). */
    default boolean tableExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(tableExistsSql())) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The named tables with their columns, in the given order; missing ones are left out. */
    List<TableInfo> tables(Connection connection, List<String> names) throws SQLException;
}
