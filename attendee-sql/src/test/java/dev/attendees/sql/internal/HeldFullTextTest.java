package dev.attendees.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The text held for a full-text index built aside comes back exactly: across chunks, with nulls and any Unicode. */
class HeldFullTextTest {

    private record Row(long id, String name, String company, String jobTitle) {}

    @Test
    void should_give_back_every_row_exactly() throws SQLException {
        List<Row> rows = new ArrayList<>();
        String[] odd = {"O'Brien; DROP TABLE attendees; --", "Zoë Ångström", "李小龙", "\uD83D\uDE00 emoji", "", "a\u0000b"};
        for (int i = 0; i < 40_000; i++) { // about 2 MB: three chunks
            rows.add(new Row(3L * i + 1, "Name " + i + " " + odd[i % odd.length], i % 5 == 0 ? null : "Company " + (i % 97),
                    i % 7 == 0 ? null : "Title " + odd[(i + 1) % odd.length]));
        }
        char[] huge = new char[1_500_000]; // longer than a chunk: a chunk of its own
        Arrays.fill(huge, 'x');
        rows.add(20_000, new Row(999_999_999L, new String(huge), "Big", null));

        HeldFullText text = new HeldFullText();
        rows.forEach(r -> text.add(r.id(), r.name(), r.company(), r.jobTitle()));
        assertThat(text.usable()).isTrue();
        assertThat(text.rows()).isEqualTo(rows.size());

        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, company TEXT, job_title TEXT)");
            text.insertInto(c, "t");
            List<Row> back = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT id, name, company, job_title FROM t ORDER BY id")) {
                while (rs.next()) {
                    back.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            rows.sort(java.util.Comparator.comparingLong(Row::id));
            assertThat(back).isEqualTo(rows);
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name LIKE 't_held%'")) {
                assertThat(rs.next() && rs.getInt(1) == 0).as("the staging table is gone").isTrue();
            }
        }
    }

    @Test
    void should_give_the_text_up_past_its_capacity() {
        HeldFullText text = new HeldFullText(1_000);
        for (int i = 0; i < 100; i++) { // about 3,000 bytes
            text.add(i + 1, "Attendee number " + i, "Company", "Title");
        }
        assertThat(text.usable()).isFalse();
        assertThat(text.rows()).isZero();
    }
}
