package dev.attendees.sql.internal.sqlite;

import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.sql.internal.AttendeeRows;
import dev.attendees.sql.internal.BoundRow;
import dev.attendees.sql.internal.RowInserts;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.stream.Stream;

/**
 * SQLite's bulk inserts bind less, as every bound value costs sqlite-jdbc a JNI call (a text also
 * two copies and two allocations). Two forms, the same stored rows:
 * <ol start="0">
 *   <li>any rows: the event and the image path are bound once a statement ({@code ?1},
 *       {@code ?2}) and a row binds {@code NULL} when it has the same ({@code coalesce}; neither
 *       column is ever {@code NULL}); industry and company size go as their place in the
 *       contract's lists, turned back into labels by {@code CASE};</li>
 *   <li>rows that all have the statement's event and image path and consecutive ids (what a
 *       generator writes): the row binds neither, its id is the first one's ({@code ?3}) plus
 *       its place, and industry and size share one number ({@code industry << 8 | size}, 255
 *       for none). Nine values a row instead of thirteen, which sends a generator's rows faster
 *       (docs/sql-design.md).</li>
 * </ol>
 * No load command: multi-row {@code INSERT}s are SQLite's fastest way in.
 */
public final class SqliteRowInserts implements RowInserts {

    @Override
    public List<String> insertSql(int rows) {
        return List.of(anyRowsSql(rows), sharedRowsSql(rows));
    }

    /** Form 0 of {@link #insertSql}. */
    private static String anyRowsSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO attendees (" + AttendeeRows.COLUMNS + ") VALUES ");
        for (int r = 0; r < rows; r++) {
            int b = SHARED_PARAMETERS + r * AttendeeRows.PARAMETERS;
            sql.append(r == 0 ? "" : ", ").append("(?").append(b + 1).append(", ?").append(b + 2).append(", ?").append(b + 3)
                    .append(", coalesce(?").append(b + 4).append(", ?1), ?").append(b + 5).append(", ?").append(b + 6)
                    .append(", ").append(labelOf(b + 7, INDUSTRY_LABELS)).append(", ").append(labelOf(b + 8, SIZE_LABELS))
                    .append(", ?").append(b + 9).append(", ?").append(b + 10).append(", coalesce(?").append(b + 11)
                    .append(", ?2), ?").append(b + 12).append(", ?").append(b + 13).append(')');
        }
        return sql.toString();
    }

    /** Form 1 of {@link #insertSql}. */
    private static String sharedRowsSql(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO attendees (" + AttendeeRows.COLUMNS + ") VALUES ");
        for (int r = 0; r < rows; r++) {
            int b = SHARED_ROWS_PARAMETERS + r * SHARED_ROW_PARAMETERS;
            sql.append(r == 0 ? "" : ", ").append("(?").append(b + 1).append(", ?").append(b + 2).append(", ?").append(b + 3)
                    .append(", ?1, ?").append(b + 4).append(", ?").append(b + 5)
                    .append(", ").append(labelOf("?" + (b + 6) + " >> 8", INDUSTRY_LABELS))
                    .append(", ").append(labelOf("?" + (b + 6) + " & 255", SIZE_LABELS))
                    .append(", ?").append(b + 7).append(", ?").append(b + 8).append(", ?2, ?").append(b + 9)
                    .append(", ?3 + ").append(r).append(')');
        }
        return sql.toString();
    }

    /** {@code ?1} the event, {@code ?2} the image path that rows share. */
    private static final int SHARED_PARAMETERS = 2;

    /** Form 1: {@code ?1} the event, {@code ?2} the image path, {@code ?3} the first row's id. */
    private static final int SHARED_ROWS_PARAMETERS = 3;

    /** Form 1: values a row binds. */
    private static final int SHARED_ROW_PARAMETERS = 9;

    /** Form 1's number for no industry or no size. */
    private static final int NO_LABEL = 255;

    /** The contract's lists, in the order whose places bulk inserts bind. */
    private static final List<String> INDUSTRY_LABELS = Stream.of(Industry.values()).map(Industry::label).toList();
    private static final List<String> SIZE_LABELS = Stream.of(CompanySize.values()).map(CompanySize::label).toList();

    /** {@code CASE ?n WHEN 0 THEN 'first label' ... END}: {@code NULL} for {@code NULL}. */
    private static String labelOf(int parameter, List<String> labels) {
        return labelOf("?" + parameter, labels);
    }

    /** {@code CASE place WHEN 0 THEN 'first label' ... END}: {@code NULL} for a place that has no label. */
    private static String labelOf(String place, List<String> labels) {
        StringBuilder sql = new StringBuilder("CASE ").append(place);
        for (int i = 0; i < labels.size(); i++) {
            sql.append(" WHEN ").append(i).append(" THEN '").append(labels.get(i).replace("'", "''")).append('\'');
        }
        return sql.append(" END").toString();
    }

    @Override
    public int insertForm(BoundRow[] rows, long[] ids) {
        String event = rows[0].attendee().eventName();
        String image = rows[0].attendee().imagePath();
        for (int r = 1; r < rows.length; r++) {
            Attendee a = rows[r].attendee();
            if (ids[r] != ids[0] + r || !a.eventName().equals(event) || !a.imagePath().equals(image)) {
                return 0;
            }
        }
        return 1;
    }

    @Override
    public void bindInsert(PreparedStatement ps, int form, BoundRow[] rows, long[] ids) throws SQLException {
        String event = rows[0].attendee().eventName();
        String image = rows[0].attendee().imagePath();
        if (form == 1) {
            bindSharedRows(ps, rows, ids[0], event, image);
            return;
        }
        ps.setString(1, event);
        ps.setString(2, image);
        for (int r = 0; r < rows.length; r++) {
            int b = SHARED_PARAMETERS + r * AttendeeRows.PARAMETERS;
            BoundRow row = rows[r];
            Attendee a = row.attendee();
            ps.setString(b + 1, a.name());
            ps.setString(b + 2, a.email());
            ps.setString(b + 3, a.company());
            ps.setString(b + 4, a.eventName().equals(event) ? null : a.eventName());
            ps.setString(b + 5, (String) row.attendanceTime());
            ps.setString(b + 6, a.jobTitle());
            if (a.industry() == null) {
                ps.setNull(b + 7, Types.INTEGER);
            } else {
                ps.setInt(b + 7, a.industry().ordinal());
            }
            if (a.companySize() == null) {
                ps.setNull(b + 8, Types.INTEGER);
            } else {
                ps.setInt(b + 8, a.companySize().ordinal());
            }
            ps.setString(b + 9, row.interests());
            ps.setString(b + 10, row.booths());
            ps.setString(b + 11, a.imagePath().equals(image) ? null : a.imagePath());
            ps.setString(b + 12, (String) row.createdAt());
            ps.setLong(b + 13, ids[r]);
        }
    }

    private static void bindSharedRows(PreparedStatement ps, BoundRow[] rows, long firstId, String event, String image)
            throws SQLException {
        ps.setString(1, event);
        ps.setString(2, image);
        ps.setLong(3, firstId);
        for (int r = 0; r < rows.length; r++) {
            int b = SHARED_ROWS_PARAMETERS + r * SHARED_ROW_PARAMETERS;
            BoundRow row = rows[r];
            Attendee a = row.attendee();
            ps.setString(b + 1, a.name());
            ps.setString(b + 2, a.email());
            ps.setString(b + 3, a.company());
            ps.setString(b + 4, (String) row.attendanceTime());
            ps.setString(b + 5, a.jobTitle());
            int industry = a.industry() == null ? NO_LABEL : a.industry().ordinal();
            int size = a.companySize() == null ? NO_LABEL : a.companySize().ordinal();
            ps.setInt(b + 6, industry << 8 | size);
            ps.setString(b + 7, row.interests());
            ps.setString(b + 8, row.booths());
            ps.setString(b + 9, (String) row.createdAt());
        }
    }
}
