package dev.attendees.sql.internal;

import static dev.attendees.sql.internal.Tables.*;

import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jooq.Record;

/** Attendees to and from rows of the {@code attendees} table. */
public final class AttendeeRows {
    private AttendeeRows() {}

    /** Parameters of one row in {@link #INSERT} and {@link #UPDATE}: {@value}. */
    public static final int PARAMETERS = 13;

    /** Inserts one attendee; parameters as {@link #bind}. */
    public static final String INSERT = insert(1);

    /** Overwrites one attendee, keeping its id; parameters as {@link #bind}. */
    public static final String UPDATE = "UPDATE attendees SET name = ?, email = ?, company = ?, event_name = ?,"
            + " attendance_time = ?, job_title = ?, industry = ?, company_size = ?, product_interests = ?,"
            + " booth_visited = ?, image_path = ?, created_at = ? WHERE id = ?";

    /** The columns a row binds, in the order {@link #bind} binds them (id last). */
    public static final String COLUMNS = "name, email, company, event_name, attendance_time, job_title, industry, company_size,"
            + " product_interests, booth_visited, image_path, created_at, id";

    /** Inserts {@code rows} attendees in one statement: {@link #PARAMETERS} parameters a row, each row as {@link #bind}. */
    public static String insert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO attendees (" + COLUMNS + ") VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    /** Binds an attendee's columns (id last) to {@link #INSERT} or {@link #UPDATE}. */
    public static void bind(PreparedStatement ps, SqlExpressions sql, Attendee a, long id) throws SQLException {
        bind(ps, 0, sql, BoundRow.of(a, sql), id);
    }

    /**
     * Binds an attendee's columns (id last) to the parameters after {@code offset} (the row's
     * place in a multi-row {@link #insert}).
     */
    public static void bind(PreparedStatement ps, int offset, SqlExpressions sql, BoundRow row, long id) throws SQLException {
        Attendee a = row.attendee();
        ps.setString(offset + 1, a.name());
        ps.setString(offset + 2, a.email());
        ps.setString(offset + 3, a.company());
        ps.setString(offset + 4, a.eventName());
        sql.bindTimestampValue(ps, offset + 5, row.attendanceTime());
        ps.setString(offset + 6, a.jobTitle());
        ps.setString(offset + 7, a.industry() == null ? null : a.industry().label());
        ps.setString(offset + 8, a.companySize() == null ? null : a.companySize().label());
        ps.setString(offset + 9, row.interests());
        ps.setString(offset + 10, row.booths());
        ps.setString(offset + 11, a.imagePath());
        sql.bindTimestampValue(ps, offset + 12, row.createdAt());
        ps.setLong(offset + 13, id);
    }

    /**
     * Overwrites each attendee {@code ids[i]} with {@code rows.get(i)}, a statement each ({@link #UPDATE}),
     * in one JDBC batch; returns how many rows were there to overwrite. The row triggers keep the
     * derived tables in step unless the caller stepped around them.
     */
    public static int updateEach(Connection connection, SqlExpressions sql, long[] ids, List<Attendee> rows) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
            for (int i = 0; i < ids.length; i++) {
                bind(update, sql, rows.get(i), ids[i]);
                update.addBatch();
            }
            int updated = 0;
            for (int n : update.executeBatch()) {
                updated += n == Statement.SUCCESS_NO_INFO ? 1 : n;
            }
            return updated;
        }
    }

    /**
     * The attendee of a row selected with {@link Tables#ATTENDEE_COLUMNS}. A value outside the
     * contract's lists (written by someone's own SQL) reads as {@code null}.
     */
    public static Attendee from(Record r) {
        return new Attendee(
                r.get(ID),
                r.get(NAME),
                r.get(EMAIL),
                r.get(COMPANY),
                r.get(EVENT_NAME),
                Timestamps.read(r.get(ATTENDANCE_TIME)),
                r.get(JOB_TITLE),
                Industry.find(r.get(INDUSTRY)).orElse(null),
                CompanySize.find(r.get(COMPANY_SIZE)).orElse(null),
                Attendee.splitList(r.get(PRODUCT_INTERESTS)),
                Attendee.splitList(r.get(BOOTH_VISITED)),
                r.get(IMAGE_PATH),
                Timestamps.read(r.get(CREATED_AT)));
    }
}
