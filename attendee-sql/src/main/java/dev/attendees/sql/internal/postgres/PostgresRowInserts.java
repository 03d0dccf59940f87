package dev.attendees.sql.internal.postgres;

import dev.attendees.sql.internal.AttendeeRows;
import dev.attendees.sql.internal.BoundRow;
import dev.attendees.sql.internal.RowInserts;
import dev.attendees.sql.internal.SqlExpressions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL's bulk rows go through {@code COPY ... FROM STDIN} ({@link PostgresCopy}): the server
 * parses rows without a statement for each 32 of them, and the statement-level triggers run once
 * a load. The one statement form, {@link AttendeeRows#insert} binding every column, is what the
 * {@link dev.attendees.sql.internal.BulkWriter} would use without a load command.
 */
final class PostgresRowInserts implements RowInserts {

    private final SqlExpressions sql;

    PostgresRowInserts(SqlExpressions sql) {
        this.sql = sql;
    }

    /** {@code COPY ... FROM STDIN} ({@link PostgresCopy}). */
    @Override
    public RowCopy rowCopy(Connection connection) throws SQLException {
        return new PostgresCopy(connection);
    }

    @Override
    public List<String> insertSql(int rows) {
        return List.of(AttendeeRows.insert(rows));
    }

    @Override
    public int insertForm(BoundRow[] rows, long[] ids) {
        return 0;
    }

    @Override
    public void bindInsert(PreparedStatement statement, int form, BoundRow[] rows, long[] ids) throws SQLException {
        for (int r = 0; r < rows.length; r++) {
            AttendeeRows.bind(statement, r * AttendeeRows.PARAMETERS, sql, rows[r], ids[r]);
        }
    }
}
