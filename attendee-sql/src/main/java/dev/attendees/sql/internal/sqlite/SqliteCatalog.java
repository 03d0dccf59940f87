package dev.attendees.sql.internal.sqlite;

import dev.attendees.sql.internal.Catalog;
import dev.attendees.store.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQLite's schema, from {@code sqlite_master} and {@code pragma_table_info}. */
final class SqliteCatalog implements Catalog {

    @Override
    public String tableExistsSql() {
        return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
    }

    @Override
    public List<TableInfo> tables(Connection connection, List<String> names) throws SQLException {
        List<TableInfo> tables = new ArrayList<>();
        for (String table : names) {
            List<TableInfo.ColumnInfo> columns = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?) ORDER BY cid")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // An INTEGER PRIMARY KEY is the rowid: never NULL, whatever the declaration says.
                        boolean notNull = rs.getInt(3) != 0 || rs.getInt(4) != 0;
                        columns.add(new TableInfo.ColumnInfo(rs.getString(1), rs.getString(2), !notNull));
                    }
                }
            }
            if (!columns.isEmpty()) {
                tables.add(new TableInfo(table, columns));
            }
        }
        return tables;
    }
}
