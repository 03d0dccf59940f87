package dev.attendees.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.sql.internal.sqlite.SqliteDialect;
import dev.attendees.sql.internal.sqlite.SqliteJournal;
import dev.attendees.store.AttendeeField;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.AttendeeQuery;
import dev.attendees.store.Sort;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite's two forms of the bulk {@code INSERT}: which one a statement's rows take, and a bulk
 * write whose statements switch form all the time, through the real store's connection.
 */
class BulkWriterTest {

    private static final AttendeeGenerator GENERATOR = AttendeeGenerator.builder().seed(21).build();
    private static final Dialect DIALECT = SqliteDialect.create(new SqliteJournal());

    @TempDir
    Path dir;

    @Test
    void should_take_the_shared_form_only_for_rows_with_the_first_rows_event_image_and_following_ids() {
        List<Attendee> attendees = GENERATOR.generate(BulkWriter.ROWS_PER_STATEMENT);
        long big = 5_000_000_000L; // beyond int
        assertThat(DIALECT.inserts().insertForm(rows(attendees, -1, null, null), ids(1))).isEqualTo(1);
        assertThat(DIALECT.inserts().insertForm(rows(attendees, -1, null, null), ids(big))).isEqualTo(1);
        long[] gap = ids(1);
        gap[31] = 40;
        assertThat(DIALECT.inserts().insertForm(rows(attendees, -1, null, null), gap)).isZero();
        assertThat(DIALECT.inserts().insertForm(rows(attendees, 17, "Another Con", null), ids(1))).isZero();
        assertThat(DIALECT.inserts().insertForm(rows(attendees, 31, null, "images/31.png"), ids(1))).isZero();
    }

    /**
     * 60,000 rows whose 32-row statements alternate between the forms, so that no JDBC batch ever
     * fills: the write still learns how far it got after each batch sent, drops the secondary
     * indexes once past 50,000 rows (looked up on its own connection, before the end), and every
     * row comes back as written, with the indexes built again.
     */
    @Test
    void should_send_alternating_forms_in_order_and_report_progress_between_them() throws SQLException {
        List<Attendee> written = new ArrayList<>();
        for (Attendee a : GENERATOR.generate(60_000)) {
            boolean shared = (a.id() - 1) / BulkWriter.ROWS_PER_STATEMENT % 2 == 0;
            written.add(shared ? a : with(a, a.eventName(), "images/" + a.id() + ".png"));
        }
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("alternating.db"));
        Dialect dialect = SqliteDialect.create(new SqliteJournal());
        try (Database database = Database.open(source, () -> {}, source::getConnection, dialect, "alternating.db");
                Connection c = source.getConnection()) {
            AttendeeQueries queries = new AttendeeQueries(database);
            c.setAutoCommit(false);
            BulkStrategy.Bulk bulk = dialect.bulk().begin(c, 0, false);
            try (BulkWriter writer = new BulkWriter(c, dialect, bulk)) {
                for (Attendee a : written) {
                    BoundRow row = BoundRow.of(a, dialect.sql());
                    if (bulk.added(a.id(), row)) {
                        writer.flush();
                        bulk.flushHeld();
                    }
                    writer.add(row, a.id());
                }
                assertThat(attendeesIndexes(c)).as("indexes dropped midway").isEmpty();
                writer.flush();
                bulk.finish(writer.first(0), writer.last(0));
                c.commit();
            } finally {
                c.setAutoCommit(true);
                bulk.ended();
            }
            assertThat(attendeesIndexes(c)).hasSize(5);
            List<Attendee> read = new ArrayList<>();
            AttendeeQuery page = AttendeeQuery.builder().sort(Sort.asc(AttendeeField.ID)).limit(AttendeeQuery.MAX_LIMIT).build();
            for (; read.size() < written.size(); page = page.next()) {
                List<Attendee> items = queries.find(page).items();
                assertThat(items).isNotEmpty();
                read.addAll(items);
            }
            assertThat(read).isEqualTo(written);
            assertThat(queries.count(AttendeeFilter.builder().text(written.get(59_999).name()).build())).isPositive();
        }
    }

    private static List<String> attendeesIndexes(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'attendees' AND sql IS NOT NULL")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The rows of {@code attendees}, row {@code changed} (unless -1) with another event or image path. */
    private static BoundRow[] rows(List<Attendee> attendees, int changed, String event, String image) {
        BoundRow[] rows = new BoundRow[attendees.size()];
        for (int r = 0; r < rows.length; r++) {
            Attendee a = attendees.get(r);
            if (r == changed) {
                a = with(a, event == null ? a.eventName() : event, image == null ? a.imagePath() : image);
            }
            rows[r] = BoundRow.of(a, DIALECT.sql());
        }
        return rows;
    }

    private static long[] ids(long first) {
        long[] ids = new long[BulkWriter.ROWS_PER_STATEMENT];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = first + r;
        }
        return ids;
    }

    private static Attendee with(Attendee a, String event, String image) {
        return new Attendee(a.id(), a.name(), a.email(), a.company(), event, a.attendanceTime(), a.jobTitle(),
                a.industry(), a.companySize(), a.productInterests(), a.boothVisited(), image, a.createdAt());
    }
}
