package dev.attendees.sql.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * How a bulk write's rows reach the {@code attendees} table ({@link BulkWriter}): the database's
 * load command where it is the fastest way, else multi-row {@code INSERT} statements in one or more
 * forms, a database binding less for common batches in a form of its own.
 */
public interface RowInserts {

    /**
     * The statements that insert {@code rows} attendees at once, in one or more forms.
     * {@link #insertForm} picks the form for a batch, {@link #bindInsert} binds it.
     */
    List<String> insertSql(int rows);

    /** The form of {@link #insertSql} (its index) for {@code rows}, whose ids are {@code ids}. */
    int insertForm(BoundRow[] rows, long[] ids);

    /** Binds {@code rows} (ids in {@code ids}) to form {@code form} of {@link #insertSql}{@code (rows.length)}. */
    void bindInsert(PreparedStatement statement, int form, BoundRow[] rows, long[] ids) throws SQLException;

    /**
     * The database's bulk-load command for a bulk write's rows, used instead of {@link #insertSql}
     * where it is faster, or {@code null} (SQLite). The {@link BulkWriter} ends each load after at
     * most {@link RowCopy#ROWS} rows, so that the bulk write's {@link BulkStrategy.Bulk#written}
     * can run statements in between.
     */
    default RowCopy rowCopy(Connection connection) throws SQLException {
        return null;
    }

    /** Rows streamed into {@code attendees} by one load command at a time (PostgreSQL's {@code COPY}). */
    interface RowCopy {
        /** Rows a load takes at most: {@value}. */
        int ROWS = 16_384;

        /** Adds a row, starting a load when none is open. */
        void add(BoundRow row, long id) throws SQLException;

        /** Rows in the open load; 0 when none is open. */
        int open();

        /** Ends the open load, if any: its rows are in the table for the statements that follow. */
        void end() throws SQLException;

        /** Abandons the open load, if any (the transaction is rolled back anyway). Never throws. */
        void cancel();
    }
}
