package dev.attendees.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.ConfigurationException;
import dev.attendees.Industry;
import dev.attendees.ProviderException;
import dev.attendees.spi.AbstractAttendeeStoreContractTest;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.spi.AttendeeStore;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.sql.internal.Scripts;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.AttendeeQuery;
import dev.attendees.store.DuplicatePolicy;
import dev.attendees.store.ImportOptions;
import dev.attendees.store.Facet;
import dev.attendees.store.TableInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The store contract on SQLite, and what only SQLite has: the file, WAL, migrations of old files. */
class SqliteAttendeeStoreTest extends AbstractAttendeeStoreContractTest {

    private Path db() {
        return files.resolve("store/attendees.db");
    }

    @Override
    protected AttendeeStore openStore() {
        return SqliteAttendeeStore.open(db());
    }

    /** Also: FTS5 finds its index word for word equal to the attendees' current text. */
    @Override
    protected void assertDerivedTablesInStep() {
        super.assertDerivedTablesInStep();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO attendees_fts (attendees_fts, rank) VALUES ('integrity-check', 1)");
        } catch (SQLException e) {
            throw new AssertionError("the full-text index differs from the attendees table", e);
        }
    }

    /** The contract's CREATE TABLE, from docs/data-contract.md at the project root. */
    static String contractDdl() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/data-contract.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("project root with docs/data-contract.md").isNotNull();
        Matcher m = Pattern.compile("(?s)```sql\\s*(CREATE TABLE attendees.*?\\);)\\s*```")
                .matcher(Files.readString(dir.resolve("docs/data-contract.md")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String normalized(String sql) {
        return sql.replaceAll("--[^\n]*", "").replaceAll("\\s+", " ").replaceAll("\\s*;\\s*$", "").trim();
    }

    @Test
    void should_create_the_contracts_table_statement_for_statement() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT sql FROM sqlite_master WHERE name = 'attendees'")) {
            assertThat(rs.next()).isTrue();
            assertThat(normalized(rs.getString(1))).isEqualTo(normalized(contractDdl()));
        }
    }

    @Test
    void should_migrate_a_database_made_with_the_contracts_ddl_alone() throws Exception {
        store.close();
        Path old = files.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute(contractDdl());
            s.execute("INSERT INTO attendees (id, name, email, company, event_name, attendance_time, job_title, industry,"
                    + " company_size, product_interests, booth_visited, image_path) VALUES (7, 'Old Timer', 'old@legacy.io',"
                    + " 'Legacy Inc', 'Expo 2019', '2019-05-01 10:00:00', 'Archivist', 'Education', 'SMB',"
                    + " 'Kubernetes;Docker', 'Booth A;Booth B', '')");
        }
        try (SqliteAttendeeStore migrated = SqliteAttendeeStore.open(old)) {
            assertThat(migrated.schemaVersionFound()).isEqualTo(1);
            Attendee a = migrated.get(7).orElseThrow();
            assertThat(a.productInterests()).containsExactly("Kubernetes", "Docker");
            assertThat(a.createdAt()).isNotNull();
            assertThat(migrated.count(AttendeeFilter.builder().interestsAll("Docker", "Kubernetes").build())).isEqualTo(1);
            assertThat(migrated.count(AttendeeFilter.builder().boothsAny("Booth B").build())).isEqualTo(1);
            assertThat(migrated.count(AttendeeFilter.builder().text("archiv").build())).isEqualTo(1);
            migrated.generate(AttendeeGenerator.builder().seed(1).build(), 10);
            assertThat(migrated.get(8)).isPresent();
        }
        try (SqliteAttendeeStore again = SqliteAttendeeStore.open(old)) {
            assertThat(again.schemaVersionFound()).isEqualTo(SqlAttendeeStore.SCHEMA_VERSION);
            try (Connection c = again.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThat(names(s, "SELECT version FROM attendees_schema_version ORDER BY version"))
                        .containsExactly("1", "2", "3", "4", "5", "6");
            }
        }
    }

    @Test
    void should_migrate_a_version_2_database_to_normalized_tables_keyed_by_item() throws Exception {
        store.close();
        Path old = files.resolve("v2.db");
        // A database as the version 2 release left it: its scripts, its index by item, its triggers (these
        // deleted by attendee_id alone).
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            for (String script : List.of("V1__contract_table.sql")) {
                for (String sql : Scripts.statements(Scripts.read("migrations/sqlite/" + script))) {
                    s.execute(sql);
                }
            }
            s.execute("INSERT INTO attendees (id, name, email, company, event_name, attendance_time, job_title, industry,"
                    + " company_size, product_interests, booth_visited, image_path) VALUES"
                    + " (7, 'Old Timer', 'old@legacy.io', 'Legacy Inc', 'Expo 2019', '2019-05-01 10:00:00', 'Archivist',"
                    + " 'Education', 'SMB', 'Kubernetes;Docker', 'Booth A;Booth B', ''),"
                    + " (8, 'Second Person', 'second@legacy.io', 'Legacy Inc', 'Expo 2019', NULL, NULL, NULL, NULL,"
                    + " 'Docker;Zig;Docker', '', '')");
            for (String sql : Scripts.statements(Scripts.read("migrations/sqlite/V2__derived_tables.sql"))) {
                s.execute(sql);
            }
            s.execute("CREATE TABLE attendees_schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                    + " applied_at TIMESTAMP NOT NULL)");
            s.execute("INSERT INTO attendees_schema_version VALUES (1, 'contract table', '2026-11-01 00:00:00'),"
                    + " (2, 'derived tables', '2026-11-01 00:00:00')");
            s.execute("CREATE INDEX attendee_interests_interest ON attendee_interests (interest, attendee_id)");
            s.execute("CREATE INDEX booth_visits_booth ON booth_visits (booth, attendee_id)");
            s.execute("CREATE TRIGGER attendees_derived_delete AFTER DELETE ON attendees BEGIN"
                    + " DELETE FROM attendee_interests WHERE attendee_id = OLD.id;"
                    + " DELETE FROM booth_visits WHERE attendee_id = OLD.id;"
                    + " INSERT INTO attendees_fts (attendees_fts, rowid, name, company, job_title)"
                    + " VALUES ('delete', OLD.id, OLD.name, OLD.company, OLD.job_title); END");
        }
        try (SqliteAttendeeStore migrated = SqliteAttendeeStore.open(old)) {
            assertThat(migrated.schemaVersionFound()).isEqualTo(2);
            try (Connection c = migrated.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThat(names(s, "SELECT version FROM attendees_schema_version ORDER BY version"))
                        .containsExactly("1", "2", "3", "4", "5", "6");
            }
            assertThat(migrated.readOnlySql("SELECT interest, attendee_id, position FROM attendee_interests", 10,
                    Duration.ofSeconds(5)).rows()).as("every row kept, now in (item, attendee, position) order").containsExactly(
                    List.of("Docker", 7L, 1L), List.of("Docker", 8L, 0L), List.of("Docker", 8L, 2L),
                    List.of("Kubernetes", 7L, 0L), List.of("Zig", 8L, 1L));
            assertThat(migrated.schema().get(1).columns()).extracting(TableInfo.ColumnInfo::name)
                    .as("columns keep their order").containsExactly("attendee_id", "position", "interest");
            try (Connection c = migrated.dataSource().getConnection(); Statement s = c.createStatement()) {
                assertThat(names(s, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN"
                        + " ('attendee_interests', 'booth_visits') AND name NOT LIKE 'sqlite_autoindex%'")).isEmpty();
                assertThat(names(s, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%by_item'")).isEmpty();
                s.execute("UPDATE attendees SET product_interests = 'Rust', booth_visited = 'Booth C' WHERE id = 7");
                s.execute("DELETE FROM attendees WHERE id = 8");
            }
            assertThat(migrated.readOnlySql("SELECT interest, attendee_id, position FROM attendee_interests", 10,
                    Duration.ofSeconds(5)).rows()).containsExactly(List.of("Rust", 7L, 0L));
            assertThat(migrated.readOnlySql("SELECT booth, attendee_id FROM booth_visits", 10, Duration.ofSeconds(5)).rows())
                    .containsExactly(List.of("Booth C", 7L));
            assertThat(migrated.count(AttendeeFilter.builder().text("second").build())).isZero();
            assertThat(migrated.count(AttendeeFilter.builder().text("timer").build())).isEqualTo(1);
        }
    }

    private static List<String> names(Statement s, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    @Test
    void should_make_new_files_with_16_kib_pages_and_leave_the_pages_of_an_existing_file_alone() throws Exception {
        store.generate(AttendeeGenerator.builder().seed(3).build(), 100);
        assertThat(pageSize(db())).isEqualTo(16_384);
        store.close();

        Path old = files.resolve("made-elsewhere.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = 4096");
            s.execute(contractDdl());
        }
        store = SqliteAttendeeStore.open(old);
        store.generate(GENERATOR, 60_000); // large enough for the scratch database, whose pages are 16 KiB
        assertDerivedTablesInStep();
        assertFullTextExact((SqliteAttendeeStore) store);
        assertThat(pageSize(old)).isEqualTo(4_096);
    }

    private static long pageSize(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA page_size")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }

    @Test
    void should_write_a_new_file_without_the_wal_until_its_first_bulk_write_has_committed() throws Exception {
        Path wal = Path.of(db() + "-wal");
        Path journal = Path.of(db() + "-journal");
        AttendeeGenerator generator = AttendeeGenerator.builder().seed(5).build();
        try (AttendeeSink sink = store.sink(generator)) {
            sink.write(generator.generate(3_000));
            assertThat(journal).as("a rollback journal, of the few pages the empty file had").exists();
            assertThat(wal).doesNotExist();
            sink.commit();
        }
        assertThat(journalMode()).isEqualTo("wal");
        try (AttendeeSink sink = store.sink(generator)) {
            sink.write(generator.generate(3_000));
            sink.commit();
        }
        assertThat(journal).doesNotExist();
        assertThat(Files.size(wal)).as("the second write went through the WAL").isPositive();
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(6_000);
    }

    @Test
    void should_turn_a_new_file_to_wal_at_its_first_use_that_is_not_a_bulk_write() throws Exception {
        assertThat(store.count(AttendeeFilter.ALL)).isZero();
        assertThat(journalMode()).isEqualTo("wal");
    }

    private String journalMode() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void should_keep_the_normalized_tables_exact_for_ids_and_lists_beyond_the_compact_form() throws SQLException {
        // Rows are buffered as attendee_id << 16 | position; a larger id or a list of 65,536 characters or more
        // takes the other way (filled from the attendees table).
        String many = IntStream.range(0, 4_000).mapToObj(i -> "Interest number " + i).collect(Collectors.joining(";"));
        Attendee template = GENERATOR.attendee(0);
        List<Attendee> written = List.of(
                copy(template, 1, "one@example.com", List.of(many.split(";")), List.of("Booth A")),
                copy(template, 2, "two@example.com", List.of("Docker", "Kubernetes"), List.of("Booth A", "Booth B")),
                copy(template, 1L << 50, "huge@example.com", List.of("Docker"), List.of("Booth B", "Booth A")));
        try (AttendeeSink sink = store.sink(GENERATOR)) {
            sink.write(written);
            sink.commit();
        }
        assertDerivedTablesInStep();
        assertThat(store.count(AttendeeFilter.builder().interestsAll("Interest number 0", "Interest number 3999").build()))
                .isEqualTo(1);
        assertThat(store.readOnlySql("SELECT attendee_id, position FROM booth_visits WHERE booth = 'Booth A'"
                + " ORDER BY attendee_id", 10, Duration.ofSeconds(5)).rows())
                .containsExactly(List.of(1L, 0L), List.of(2L, 0L), List.of(1L << 50, 1L));
        assertThat(store.delete(AttendeeFilter.builder().interestsAny("Interest number 17").build())).isEqualTo(1);
        assertThat(store.readOnlySql("SELECT count(*) FROM attendee_interests", 1, Duration.ofSeconds(5)).rows())
                .containsExactly(List.of(3L));
    }

    /**
     * Bulk inserts bind a statement's shared event and image path once and industries and sizes as
     * numbers: rows that differ within one statement, and missing values, come back as written.
     */
    @Test
    void should_store_rows_exactly_when_events_images_and_labels_differ_within_a_statement() {
        List<String> events = List.of("DevOpsDays", "KubeCon 'EU'", "DevOpsDays");
        List<String> images = List.of("", "images/a.png", "", "images/o'brien.png");
        List<Attendee> written = new ArrayList<>();
        for (Attendee a : GENERATOR.generate(200)) {
            int i = (int) a.id();
            written.add(new Attendee(a.id(), a.name(), a.email(), a.company(), events.get(i % 3), a.attendanceTime(),
                    a.jobTitle(), i % 5 == 0 ? null : Industry.values()[i % Industry.values().length],
                    i % 7 == 0 ? null : CompanySize.values()[i % CompanySize.values().length], a.productInterests(),
                    a.boothVisited(), images.get(i % 4), a.createdAt()));
        }
        try (AttendeeSink sink = store.sink(GENERATOR)) {
            sink.write(written);
            sink.commit();
        }
        assertThat(all()).isEqualTo(written);
    }

    /**
     * Statements of 32 rows that share the event and image path and have consecutive ids bind
     * neither, nor the ids, and industry and size as one number; the others bind them row by row.
     * Rows in blocks that take either form, one after the other (also a gap in the ids, missing
     * labels in both forms, and a last few rows in one-row statements), come back as written.
     */
    @Test
    void should_store_rows_exactly_whichever_statement_form_their_batch_takes() {
        List<Attendee> written = new ArrayList<>();
        long id = 0;
        for (Attendee a : GENERATOR.generate(300)) {
            int i = (int) a.id();
            boolean shared = i <= 96 || (i > 160 && i <= 256); // blocks of whole statements in the shared form
            id += i == 200 ? 5 : 1; // a gap: the statement holding it binds every id
            written.add(new Attendee(id, a.name(), a.email(), a.company(), shared ? "Shared Con" : "Other " + (i % 2),
                    a.attendanceTime(), a.jobTitle(), i % 5 == 0 ? null : Industry.values()[i % Industry.values().length],
                    i % 7 == 0 ? null : CompanySize.values()[i % CompanySize.values().length], a.productInterests(),
                    a.boothVisited(), shared ? "" : "images/" + i + ".png", a.createdAt()));
        }
        try (AttendeeSink sink = store.sink(GENERATOR)) {
            sink.write(written.subList(0, 150));
            sink.write(written.subList(150, written.size()));
            sink.commit();
        }
        assertThat(all()).isEqualTo(written);
    }

    private static Attendee copy(Attendee a, long id, String email, List<String> interests, List<String> booths) {
        return new Attendee(id, a.name(), email, a.company(), a.eventName(), a.attendanceTime(), a.jobTitle(), a.industry(),
                a.companySize(), interests, booths, a.imagePath(), a.createdAt());
    }

    @Test
    void should_build_the_normalized_tables_of_a_large_write_aside_and_copy_them_exactly() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = derivedScratchFiles(tmp);
        store.generate(GENERATOR, 60_000); // about 370,000 rows of normalized tables: built on a second thread
        assertDerivedTablesInStep();
        assertThat(derivedScratchFiles(tmp)).as("the scratch database is gone").isEqualTo(before);
        store.generate(GENERATOR, 100); // into tables that hold rows now: appended directly
        assertDerivedTablesInStep();
    }

    /**
     * A large write into an empty store fills the full-text index in one statement at its end,
     * after the index was loaded empty by a search on the same pooled connection; later writes
     * through the triggers keep it exact. FTS5's own integrity check compares the index with the
     * attendees table, row for row.
     */
    @Test
    void should_fill_the_full_text_index_of_a_large_write_and_keep_it_exact_for_later_writes()
            throws SQLException {
        try (SqliteAttendeeStore one = SqliteAttendeeStore.builder(files.resolve("one/attendees.db")).poolSize(2).build()) {
            assertThat(one.find(AttendeeQuery.of(AttendeeFilter.builder().text("engineer").build())).total()).isZero();
            one.generate(GENERATOR, 60_000);
            Attendee first = GENERATOR.attendee(0);
            String surname = first.name().substring(first.name().lastIndexOf(' ') + 1);
            assertThat(one.find(AttendeeQuery.of(AttendeeFilter.builder().text(surname).build())).items())
                    .extracting(Attendee::id).contains(1L);
            assertFullTextExact(one);

            one.generate(GENERATOR.toBuilder().seed(77).build(), 100); // a small write: rows indexed where they are
            try (Connection c = one.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO attendees (name, email, event_name, company, job_title)"
                        + " VALUES ('Zyxw Quorble', 'zq@example.com', 'E', 'Quorble Labs', 'Engineer')");
                s.execute("DELETE FROM attendees WHERE id = 2");
            }
            assertFullTextExact(one);
            assertThat(one.find(AttendeeQuery.of(AttendeeFilter.builder().text("quorble").build())).total()).isOne();
            assertThat(one.find(AttendeeQuery.of(AttendeeFilter.builder().text(surname).build())).items())
                    .extracting(Attendee::id).contains(1L);
        }
    }

    /** FTS5's integrity check against the content table: an index that differs from the rows fails it. */
    private static void assertFullTextExact(SqliteAttendeeStore store) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO attendees_fts (attendees_fts, rank) VALUES ('integrity-check', 1)");
        }
    }

    /** A large import that replaces one of its own rows indexes the row's last version only, exactly. */
    @Test
    void should_index_a_large_import_with_replacements_exactly() throws IOException, SQLException {
        List<Attendee> rows = new ArrayList<>(GENERATOR.generate(55_000));
        Attendee first = rows.get(0);
        rows.add(new Attendee(55_001, "Zyxw Quorble", first.email(), "Quorble Labs", first.eventName(), null, "Engineer",
                null, null, List.of(), List.of(), "", null));
        Path csv = files.resolve("replacing.csv");
        AttendeeFormat.CSV.write(csv, rows);
        try (SqliteAttendeeStore fresh = SqliteAttendeeStore.open(files.resolve("replacing/attendees.db"))) {
            fresh.importFiles(List.of(csv), ImportOptions.builder().onDuplicate(DuplicatePolicy.REPLACE).build());
            assertFullTextExact(fresh);
            assertThat(fresh.find(AttendeeQuery.of(AttendeeFilter.builder().text("quorble").build())).items())
                    .extracting(Attendee::id).containsExactly(1L);
        }
    }

    private static List<Path> derivedScratchFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("attendees-derived-")).sorted().toList();
        }
    }

    @Test
    void should_refuse_a_database_newer_than_this_release() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("INSERT INTO attendees_schema_version VALUES (99, 'from the future', '2030-01-01 00:00:00')");
        }
        store.close();
        assertThatThrownBy(() -> SqliteAttendeeStore.open(db())).isInstanceOf(ConfigurationException.class)
                .hasMessage(db() + " has schema version 99, newer than this release's " + SqlAttendeeStore.SCHEMA_VERSION + "; use a newer attendees release");
        store = null;
    }

    @Test
    void should_refuse_a_file_that_is_not_a_database() throws IOException {
        Path csv = files.resolve("attendees.csv");
        Files.writeString(csv, "id,name,email\n".repeat(200));
        assertThatThrownBy(() -> SqliteAttendeeStore.open(csv)).isInstanceOf(ConfigurationException.class)
                .hasMessage(csv + " is not a SQLite database");
        assertThatThrownBy(() -> SqliteAttendeeStore.open(files)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("is a folder");
    }

    @Test
    void should_let_readers_read_while_a_writer_writes_in_wal_mode() throws Exception {
        AttendeeGenerator generator = AttendeeGenerator.builder().seed(3).build();
        store.generate(generator, 100);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (AttendeeStore other = SqliteAttendeeStore.open(db())) {
            try (AttendeeSink sink = store.sink(generator)) {
                sink.write(generator.generate(500));
                // The write transaction is open and holds 500 new rows: a reader in another connection neither
                // waits nor sees them.
                Future<Long> during = reader.submit(() -> other.count(AttendeeFilter.ALL));
                assertThat(during.get(5, TimeUnit.SECONDS)).isEqualTo(100);
                Future<List<?>> facets = reader.submit(() -> other.countBy(Facet.INTEREST, AttendeeFilter.ALL, 3));
                assertThat(facets.get(5, TimeUnit.SECONDS)).hasSize(3);
                sink.commit();
            }
            assertThat(reader.submit(() -> other.count(AttendeeFilter.ALL)).get(5, TimeUnit.SECONDS)).isEqualTo(600);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void should_tell_a_second_writer_that_the_database_is_busy() throws Exception {
        AttendeeGenerator generator = AttendeeGenerator.builder().seed(3).build();
        try (AttendeeStore impatient = SqliteAttendeeStore.builder(db()).busyTimeout(Duration.ofMillis(200)).build();
                AttendeeSink first = store.sink(generator)) {
            first.write(generator.generate(10));
            assertThatThrownBy(() -> impatient.generate(generator, 10)).isInstanceOf(ProviderException.class)
                    .hasMessageContaining("is busy (another process is writing to it)")
                    .satisfies(e -> assertThat(((ProviderException) e).retriable()).isTrue());
            first.commit();
        }
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(10);
    }

    @Test
    void should_keep_the_derived_tables_in_step_with_users_own_sql() throws SQLException {
        SqliteAttendeeStore sqlite = (SqliteAttendeeStore) store;
        sqlite.generate(AttendeeGenerator.builder().seed(8).build(), 50);
        try (Connection c = sqlite.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE attendees SET product_interests = ?, name = ? WHERE id = ?")) {
                ps.setString(1, "Quantum;Kubernetes");
                ps.setString(2, "Zebulon Quux");
                ps.setLong(3, 5);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM attendees WHERE id = 6");
                s.execute("INSERT INTO attendees (id, name, email, event_name, product_interests, booth_visited)"
                        + " VALUES (100, 'Manual Entry', 'manual@example.com', 'E', 'Quantum', 'Booth Q')");
            }
        }
        assertThat(store.count(AttendeeFilter.builder().interestsAny("Quantum").build())).isEqualTo(2);
        assertThat(store.count(AttendeeFilter.builder().text("zebulon").build())).isEqualTo(1);
        assertThat(store.count(AttendeeFilter.builder().text("manual").build())).isEqualTo(1);
        assertThat(store.count(AttendeeFilter.builder().boothsAny("Booth Q").build())).isEqualTo(1);
        assertThat(store.readOnlySql("SELECT count(*) FROM attendee_interests WHERE attendee_id = 6", 1,
                Duration.ofSeconds(5)).rows()).containsExactly(List.of(0L));
        assertThat(sqlite.dsl().fetchCount(org.jooq.impl.DSL.table("attendees"))).isEqualTo(50);
    }

    @Test
    void should_keep_nothing_in_the_database_or_the_file_when_a_run_fails_midway() {
        AttendeeGenerator generator = AttendeeGenerator.builder().seed(4).build();
        Path out = files.resolve("out.csv");
        AttendeeSink failsOnThirdBatch = new AttendeeSink() {
            private int batches;

            @Override
            public void write(List<Attendee> batch) {
                if (++batches == 3) {
                    throw new IllegalStateException("the disk is on fire");
                }
            }

            @Override
            public void commit() {}

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> {
            try (AttendeeSink all = AttendeeSink.allOf(store.sink(generator), AttendeeFormat.CSV.open(out), failsOnThirdBatch)) {
                generator.writeTo(all, 30_000);
            }
        }).hasMessage("the disk is on fire");
        assertThat(out).doesNotExist();
        assertThat(store.count(AttendeeFilter.ALL)).isZero();
        assertThat(store.runs()).isEmpty();
        store.generate(generator, 10);
        assertThat(store.get(1)).contains(generator.attendee(0));
    }

    @Test
    void should_bulk_load_past_the_index_threshold_and_rebuild_indexes_and_triggers() throws SQLException {
        AttendeeGenerator generator = AttendeeGenerator.builder().seed(13).build();
        store.generate(generator, 60_000);
        assertThat(store.countBy(Facet.INTEREST, AttendeeFilter.ALL, 1).get(0).count()).isPositive();
        List<String> objects = new ArrayList<>();
        try (Connection c = ((SqliteAttendeeStore) store).dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')"
                        + " AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                objects.add(rs.getString(1));
            }
        }
        assertThat(objects).containsExactly("attendees_attendance_time", "attendees_company",
                "attendees_derived_delete", "attendees_derived_insert", "attendees_derived_update", "attendees_email",
                "attendees_industry", "attendees_job_title");
        assertThat(store.get(60_000)).contains(generator.attendee(59_999));
    }

    @Test
    void should_find_a_duplicate_that_the_store_holds_with_capitals() throws Exception {
        store.generate(GENERATOR, 5);
        Attendee third = GENERATOR.attendee(2);
        String capitals = third.email().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + third.email().substring(1);
        try (Connection c = ((SqlAttendeeStore) store).dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE attendees SET email = ? WHERE id = 3")) {
            ps.setString(1, capitals);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        Path again = csv("again.csv", List.of(third));

        assertThatThrownBy(() -> store.importFiles(List.of(again), ImportOptions.DEFAULTS))
                .hasMessageContaining("field email").hasMessageContaining("already in the store (id 3)");
        var replaced = store.importFiles(List.of(again), new ImportOptions(DuplicatePolicy.REPLACE));
        assertThat(List.of(replaced.inserted(), replaced.replaced())).containsExactly(0L, 1L);
        assertThat(store.count(AttendeeFilter.ALL)).isEqualTo(5);
        assertThat(store.get(3)).contains(third.withId(3));
    }

    /** The reader runs batches ahead; its failure must reach the writer even when the queue between them is full. */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void should_fail_not_hang_when_a_bad_row_comes_far_into_a_large_import() throws IOException {
        Path big = csv("big.csv", GENERATOR.generate(60_000));
        List<String> lines = new ArrayList<>(Files.readAllLines(big));
        int bad = 30 * 1024 + 2;
        String industry = "," + GENERATOR.attendee(bad - 2).industry().label() + ",";
        assertThat(lines.get(bad - 1)).contains(industry);
        lines.set(bad - 1, lines.get(bad - 1).replace(industry, ",Tech,"));
        Files.write(big, lines);

        assertThatThrownBy(() -> store.importFiles(List.of(big), ImportOptions.DEFAULTS))
                .hasMessageContaining("big.csv line " + bad + ", field industry");
        assertThat(store.count(AttendeeFilter.ALL)).isZero();
    }

    /** Imports refuse impossible dates; a row that another tool stored with one must not break every read of it. */
    @Test
    void should_read_a_stored_impossible_date_as_before_instead_of_failing() throws Exception {
        store.generate(GENERATOR, 3);
        try (Connection c = ((SqlAttendeeStore) store).dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("UPDATE attendees SET attendance_time = '2026-02-30 10:00:00' WHERE id = 2");
        }
        assertThat(store.get(2)).hasValueSatisfying(a ->
                assertThat(a.attendanceTime()).isEqualTo(java.time.LocalDateTime.parse("2026-02-28T10:00:00")));
        assertThat(store.find(AttendeeQuery.builder().limit(10).build()).items()).hasSize(3);
    }

    @Test
    void should_leave_the_full_text_index_exact_and_the_triggers_in_place_after_a_regeneration() throws SQLException {
        SqliteAttendeeStore sqlite = (SqliteAttendeeStore) store;
        sqlite.generate(AttendeeGenerator.builder().seed(5).build(), 2_500);
        AttendeeFilter most = AttendeeFilter.builder().companySizes(CompanySize.SMB, CompanySize.MID_MARKET,
                CompanySize.ENTERPRISE).build();
        assertThat(sqlite.regenerate(most, AttendeeGenerator.builder().seed(6).build())).isGreaterThan(1_500);
        assertDerivedTablesInStep();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master"
                    + " WHERE type = 'trigger' ORDER BY name)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("attendees_derived_delete,attendees_derived_insert,attendees_derived_update");
            }
        }
    }

    @Test
    void should_keep_every_row_that_users_own_triggers_write_in_step() throws SQLException {
        SqliteAttendeeStore sqlite = (SqliteAttendeeStore) store;
        AttendeeGenerator generator = AttendeeGenerator.builder().seed(9).build();
        sqlite.generate(generator, 2_500);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            // When an attendee goes, the colleagues get a note; an update of attendee 10 flags attendee 2000.
            s.execute("CREATE TRIGGER user_note AFTER DELETE ON attendees BEGIN UPDATE attendees"
                    + " SET job_title = 'Colleague left', product_interests = 'Left' WHERE company = OLD.company; END");
            s.execute("CREATE TRIGGER user_flag AFTER UPDATE OF name ON attendees WHEN NEW.id = 10 BEGIN"
                    + " UPDATE attendees SET name = 'Flagged Person', product_interests = 'Flag' WHERE id = 2000; END");
        }
        // A leaver with colleagues: the first from attendee 20 on whose company sent someone else too.
        Attendee leaver = java.util.stream.LongStream.rangeClosed(20, 2_500).mapToObj(id -> sqlite.get(id).orElseThrow())
                .filter(a -> sqlite.count(AttendeeFilter.builder().companies(a.company()).build()) > 1)
                .findFirst().orElseThrow();
        assertThat(sqlite.delete(AttendeeFilter.builder().text(leaver.name()).build())).isPositive();
        long noted = sqlite.count(AttendeeFilter.builder().jobTitles("Colleague left").build());
        assertThat(noted).isPositive();
        assertThat(sqlite.count(AttendeeFilter.builder().text("colleague left").build())).isEqualTo(noted);
        assertThat(sqlite.count(AttendeeFilter.builder().interestsAny("Left").build())).isEqualTo(noted);
        assertDerivedTablesInStep();

        AttendeeGenerator fresh = generator.toBuilder().seed(10).build();
        long left = sqlite.count(AttendeeFilter.ALL);
        assertThat(sqlite.regenerate(AttendeeFilter.builder().runId(sqlite.runs().get(0).id()).build(), fresh))
                .isEqualTo(left);
        assertDerivedTablesInStep();
        assertThat(sqlite.deleteRun(sqlite.runs().get(0).id())).isEqualTo(left);
        assertThat(sqlite.count(AttendeeFilter.ALL)).isZero();
        assertDerivedTablesInStep();

        // Bulk writes too: a trigger of theirs that writes other attendees while a generation inserts.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER user_welcome AFTER INSERT ON attendees WHEN NEW.id % 100 = 0 BEGIN"
                    + " UPDATE attendees SET job_title = 'Welcomed', booth_visited = 'Welcome Desk' WHERE id = NEW.id - 1; END");
        }
        sqlite.generate(fresh, 2_500);
        assertThat(sqlite.count(AttendeeFilter.builder().text("welcomed").build())).isEqualTo(25);
        assertThat(sqlite.count(AttendeeFilter.builder().boothsAll("Welcome Desk").build())).isEqualTo(25);
        assertDerivedTablesInStep();
        Path csv = csv("more.csv", fresh.toBuilder().seed(11).build().generate(300).stream()
                .map(a -> a.withId(a.id() + 10_000)).toList());
        assertThat(sqlite.importFiles(List.of(csv), ImportOptions.DEFAULTS).inserted()).isEqualTo(300);
        assertDerivedTablesInStep();
    }

    @Test
    void should_keep_rows_that_temporary_triggers_on_the_stores_own_connections_write_in_step() throws SQLException {
        try (SqliteAttendeeStore sqlite = SqliteAttendeeStore.builder(files.resolve("temp-triggers.db")).poolSize(2).build()) {
            sqlite.generate(AttendeeGenerator.builder().seed(9).build(), 2_500);
            // A TEMP trigger lives on one connection: put it on both of the pool's.
            try (Connection a = sqlite.dataSource().getConnection(); Connection b = sqlite.dataSource().getConnection()) {
                for (Connection c : List.of(a, b)) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE TEMP TRIGGER user_note AFTER DELETE ON main.attendees BEGIN UPDATE attendees"
                                + " SET job_title = 'Colleague left', product_interests = 'Left' WHERE company = OLD.company; END");
                    }
                }
            }
            String company = sqlite.countBy(Facet.COMPANY, AttendeeFilter.ALL, 1).get(0).value(); // the most colleagues
            Attendee leaver = sqlite.find(AttendeeQuery.builder().filter(AttendeeFilter.builder().companies(company).build())
                    .build()).items().get(0);
            assertThat(sqlite.delete(AttendeeFilter.builder().text(leaver.name()).build())).isPositive();
            long noted = sqlite.count(AttendeeFilter.builder().jobTitles("Colleague left").build());
            assertThat(noted).isPositive();
            assertThat(sqlite.count(AttendeeFilter.builder().text("colleague left").build())).isEqualTo(noted);
            assertThat(sqlite.count(AttendeeFilter.builder().interestsAny("Left").build())).isEqualTo(noted);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + files.resolve("temp-triggers.db"));
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO attendees_fts (attendees_fts, rank) VALUES ('integrity-check', 1)");
            }
        }
    }
}
