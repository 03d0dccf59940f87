package dev.attendees.sql.internal.postgres;

import dev.attendees.sql.internal.Catalog;
import dev.attendees.store.TableInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** PostgreSQL's schema, in the connection's current schema, from {@code information_schema}. */
final class PostgresCatalog implements Catalog {

    @Override
    public String tableExistsSql() {
        return "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?";
    }

    @Override
    public List<TableInfo> tables(Connection connection, List<String> names) throws SQLException {
        Map<String, List<TableInfo.ColumnInfo>> columns = new LinkedHashMap<>();
        names.forEach(n -> columns.put(n, new ArrayList<>()));
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position""")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<TableInfo.ColumnInfo> list = columns.get(rs.getString(1));
                    if (list != null) {
                        list.add(new TableInfo.ColumnInfo(rs.getString(2), rs.getString(3), "YES".equals(rs.getString(4))));
                    }
                }
            }
        }
        List<TableInfo> tables = new ArrayList<>();
        columns.forEach((table, list) -> {
            if (!list.isEmpty()) {
                tables.add(new TableInfo(table, list));
            }
        });
        return tables;
    }
}
