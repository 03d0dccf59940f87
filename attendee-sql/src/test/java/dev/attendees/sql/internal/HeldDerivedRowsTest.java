package dev.attendees.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.sql.internal.sqlite.SqliteDialect;
import dev.attendees.sql.internal.sqlite.SqliteJournal;
import dev.attendees.store.DuplicatePolicy;
import dev.attendees.store.ImportOptions;
import dev.attendees.store.RunInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * Bulk writes whose derived rows outgrow what they hold (a small capacity here, 8 million rows in
 * a store) write them midway, while rows keep coming, and still end with exact tables.
 */
class HeldDerivedRowsTest {

    private static final AttendeeGenerator GENERATOR = AttendeeGenerator.builder().seed(11).build();

    @TempDir
    Path dir;

    private Database open(String name) {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve(name));
        return Database.open(source, () -> {}, source::getConnection, SqliteDialect.create(new SqliteJournal(), 1_000), name);
    }

    @Test
    void should_write_held_rows_midway_through_a_generation_and_keep_the_tables_exact() throws SQLException {
        List<Attendee> written = GENERATOR.generate(6_000); // about 37,000 derived rows: dozens of flushes
        try (Database database = open("generated.db")) {
            GENERATOR.writeTo(new StoreSink(database, new Runs(database), RunInfo.of(GENERATOR)), written.size());
            assertTablesHold(database, written);
        }
    }

    @Test
    void should_write_held_rows_midway_through_an_import_with_replacements_and_keep_the_tables_exact() throws SQLException {
        List<Attendee> first = GENERATOR.generate(3_000);
        List<Attendee> second = new ArrayList<>(GENERATOR.toBuilder().seed(12).build().generate(3_000));
        for (int i = 0; i < second.size(); i++) { // every seventh row replaces one of the first file, by e-mail
            Attendee a = second.get(i);
            String email = i % 7 == 0 ? first.get(i).email() : "second." + i + "@example.com";
            second.set(i, new Attendee(a.id(), a.name(), email, a.company(), a.eventName(), a.attendanceTime(),
                    a.jobTitle(), a.industry(), a.companySize(), a.productInterests(), a.boothVisited(), a.imagePath(),
                    a.createdAt()));
        }
        try (Database database = open("imported.db")) {
            new Importer(database, new Runs(database), ImportOptions.builder().onDuplicate(DuplicatePolicy.REPLACE).build())
                    .run(List.of(csv("first.csv", first), csv("second.csv", renumbered(second, 3_001))));
            // Into an empty store rows keep the file's ids; a replacement keeps the id it replaces.
            List<Attendee> expected = new ArrayList<>(first);
            for (int i = 0; i < second.size(); i++) {
                if (i % 7 == 0) {
                    expected.set(i, second.get(i).withId(i + 1));
                } else {
                    expected.add(second.get(i).withId(3_001 + i));
                }
            }
            assertTablesHold(database, expected);
        }
    }

    private static List<Attendee> renumbered(List<Attendee> attendees, long first) {
        List<Attendee> out = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            out.add(attendees.get(i).withId(first + i));
        }
        return out;
    }

    private Path csv(String name, List<Attendee> attendees) {
        Path path = dir.resolve(name);
        AttendeeFormat.CSV.write(path, attendees);
        return path;
    }

    /** The normalized tables hold exactly the items of {@code attendees}' lists, each at its position. */
    private static void assertTablesHold(Database database, List<Attendee> attendees) throws SQLException {
        assertThat(rows(database, "SELECT attendee_id, position, interest FROM attendee_interests ORDER BY attendee_id, position"))
                .isEqualTo(expected(attendees, Attendee::productInterests));
        assertThat(rows(database, "SELECT attendee_id, position, booth FROM booth_visits ORDER BY attendee_id, position"))
                .isEqualTo(expected(attendees, Attendee::boothVisited));
    }

    private static List<String> expected(List<Attendee> attendees, Function<Attendee, List<String>> list) {
        List<String> rows = new ArrayList<>();
        attendees.stream().sorted((x, y) -> Long.compare(x.id(), y.id())).forEach(a -> {
            List<String> items = list.apply(a);
            for (int p = 0; p < items.size(); p++) {
                rows.add(a.id() + "|" + p + "|" + items.get(p));
            }
        });
        return rows;
    }

    private static List<String> rows(Database database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getLong(1) + "|" + rs.getLong(2) + "|" + rs.getString(3));
            }
        }
        return rows;
    }
}
