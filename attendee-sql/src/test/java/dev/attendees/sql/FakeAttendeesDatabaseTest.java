package dev.attendees.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.junit.FakeAttendees;
import dev.attendees.spi.AttendeeStore;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.Facet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code @FakeAttendees} on database types: a pre-filled SQLite database per injection point, deleted afterwards. */
@FakeAttendees(eventType = "security")
class FakeAttendeesDatabaseTest {

    private static final List<Path> DATABASES = new CopyOnWriteArrayList<>();

    @FakeAttendees(count = 50)
    static SqliteAttendeeStore shared;

    @Test
    void should_give_a_store_filled_with_the_seeded_attendees(@FakeAttendees(count = 500, seed = 3) SqliteAttendeeStore store) {
        DATABASES.add(store.file());
        assertThat(store.file()).exists();
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(500);
        List<Attendee> expected = AttendeeGenerator.builder().eventType("security").seed(3).build().generate(500);
        assertThat(store.get(1)).contains(expected.get(0));
        assertThat(store.get(500)).contains(expected.get(499));
        assertThat(store.countBy(Facet.INTEREST, AttendeeFilter.ALL, 3)).hasSize(3);
    }

    @Test
    void should_give_the_spi_type_and_continue_the_tests_sequence(@FakeAttendees(count = 20, seed = 4) AttendeeStore first,
            @FakeAttendees(count = 5, seed = 4) AttendeeStore second) {
        DATABASES.add(((SqliteAttendeeStore) first).file());
        DATABASES.add(((SqliteAttendeeStore) second).file());
        List<Attendee> expected = AttendeeGenerator.builder().eventType("security").seed(4).build().generate(25);
        assertThat(first.count(AttendeeFilter.ALL)).isEqualTo(20);
        assertThat(second.get(21)).as("ids as generated: the second database holds attendees 21..25").contains(expected.get(20));
        assertThat(second.count(AttendeeFilter.ALL)).isEqualTo(5);
    }

    @Test
    void should_give_plain_jdbc_and_jooq_for_own_sql(@FakeAttendees(count = 300, seed = 5) DataSource dataSource,
            @FakeAttendees(count = 200, seed = 6) DSLContext dsl) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM attendees WHERE email LIKE '%@%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(300);
        }
        assertThat(dsl.fetchCount(DSL.table("attendees"))).isEqualTo(200);
        assertThat(dsl.fetchCount(DSL.table("attendee_interests"))).as("derived tables filled too").isGreaterThanOrEqualTo(200);
    }

    @Test
    void a_static_field_should_hold_one_database_for_the_class() {
        assertThat(shared.count(AttendeeFilter.ALL)).isEqualTo(50);
        assertThat(shared.count(AttendeeFilter.builder().companySizes(CompanySize.values()).build())).isEqualTo(50);
    }

    @AfterAll
    static void every_test_database_is_deleted_once_its_test_is_done() {
        // Method-level databases are closed and deleted before @AfterAll; the class-level one after it.
        assertThat(DATABASES).hasSize(3);
        assertThat(DATABASES).allSatisfy(db -> assertThat(Files.exists(db.getParent())).as("%s", db).isFalse());
        assertThat(shared.file()).as("the class's own database lives until the class is done").exists();
    }
}
