package dev.attendees.sql.internal.postgres;

import dev.attendees.Attendee;
import dev.attendees.sql.internal.AttendeeRows;
import dev.attendees.sql.internal.BoundRow;
import dev.attendees.sql.internal.RowInserts;
import dev.attendees.sql.internal.Timestamps;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * A bulk write's rows through PostgreSQL's {@code COPY attendees (...) FROM STDIN} in text format,
 * one load of up to {@link RowInserts.RowCopy#ROWS} rows at a time: the server parses rows without a
 * statement for each 32 of them, and the statement-level triggers that fill the derived tables run
 * once a load. Text goes as PostgreSQL's text format wants it: columns split by tabs, {@code \N}
 * for {@code NULL}, and backslash, tab, line feed and carriage return escaped with a backslash.
 */
final class PostgresCopy implements RowInserts.RowCopy {

    /** The columns in {@link AttendeeRows#COLUMNS}' order, as {@link #add} writes them. */
    private static final String SQL = "COPY attendees (" + AttendeeRows.COLUMNS + ") FROM STDIN";

    /** Text held before it is sent: {@value} characters. */
    private static final int SEND_AT = 1 << 16;

    private final CopyManager manager;
    private final StringBuilder text = new StringBuilder(SEND_AT + 4096);
    private CopyIn in;
    private int rows;

    PostgresCopy(Connection connection) throws SQLException {
        this.manager = connection.unwrap(PGConnection.class).getCopyAPI();
    }

    @Override
    public void add(BoundRow row, long id) throws SQLException {
        if (in == null) {
            in = manager.copyIn(SQL);
        }
        Attendee a = row.attendee();
        value(a.name());
        field(a.email());
        field(a.company());
        field(a.eventName());
        field(Timestamps.contractText((LocalDateTime) row.attendanceTime()));
        field(a.jobTitle());
        field(a.industry() == null ? null : a.industry().label());
        field(a.companySize() == null ? null : a.companySize().label());
        field(row.interests());
        field(row.booths());
        field(a.imagePath());
        field(Timestamps.contractText((LocalDateTime) row.createdAt()));
        text.append('\t').append(id).append('\n');
        rows++;
        if (text.length() >= SEND_AT) {
            send();
        }
    }

    /** A tab, then the value. */
    private void field(String value) {
        text.append('\t');
        value(value);
    }

    /** The value in COPY's text format. */
    private void value(String value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    private void send() throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        text.setLength(0);
        in.writeToCopy(bytes, 0, bytes.length);
    }

    @Override
    public int open() {
        return rows;
    }

    @Override
    public void end() throws SQLException {
        if (in == null) {
            return;
        }
        try {
            if (text.length() > 0) {
                send();
            }
            in.endCopy();
        } finally {
            if (in.isActive()) {
                cancel();
            } else {
                reset();
            }
        }
    }

    @Override
    public void cancel() {
        try {
            if (in != null && in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException ignored) {
            // The transaction is rolled back, which ends the load as well.
        } finally {
            reset();
        }
    }

    /** No load open. */
    private void reset() {
        in = null;
        rows = 0;
        text.setLength(0);
    }
}
