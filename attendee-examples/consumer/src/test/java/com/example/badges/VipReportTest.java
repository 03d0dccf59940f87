package com.example.badges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.junit.FakeAttendees;
import dev.attendees.sql.SqliteAttendeeStore;
import dev.attendees.store.AttendeeFilter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** A test database pre-filled with seeded attendees: one parameter, deleted after the test. */
class VipReportTest {
    private final BadgePrinter printer = new BadgePrinter();

    @Test
    void counts_vips_in_sql_as_the_printer_sees_them(@FakeAttendees(count = 2_000, seed = 11) SqliteAttendeeStore db)
            throws Exception {
        long vips = 0;
        for (long id = 1; id <= 2_000; id++) {
            vips += printer.isVip(db.get(id).orElseThrow()) ? 1 : 0;
        }
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM attendees WHERE company_size = 'Enterprise'"
                        + " OR job_title LIKE 'Chief %' OR job_title LIKE 'CTO%' OR job_title LIKE 'CEO%' OR job_title LIKE 'CISO%'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(vips).isPositive();
        }
        assertThat(db.count(AttendeeFilter.ALL)).isEqualTo(2_000);
    }
}
