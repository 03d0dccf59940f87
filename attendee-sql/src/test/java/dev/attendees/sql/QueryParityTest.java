package dev.attendees.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.sql.internal.postgres.PostgresDialect;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.AttendeeQuery;
import dev.attendees.store.Sort;
import dev.attendees.store.AttendeeField;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query API gives the same answers in SQLite and PostgreSQL, for the same attendees: full
 * text (punctuated names, diacritics, letters beyond ASCII, prefixes, several words) and the
 * bounds of {@code attendedBetween} with fractions of a second. PostgreSQL twice: a database with
 * the server's UTF-8 locale and one whose {@code LC_CTYPE} is {@code C}, where the server knows no
 * letter beyond ASCII. Its own embedded PostgreSQL 14 server, as {@link PostgresAttendeeStoreTest}
 * starts one.
 */
class QueryParityTest {

    /** The data of the reported differences: 5,000 attendees of seed 42. */
    private static final AttendeeGenerator GENERATOR = AttendeeGenerator.builder().seed(42).build();

    /** Attendees with names, companies and titles beyond ASCII, and punctuation of every kind. */
    private static final List<String[]> MADE = List.of(
            new String[] {"José Müller", "Crédit Agricole", "Directeur Général"},
            new String[] {"Łukasz Żółć", "Allegro.pl", "Inżynier DevOps"},
            new String[] {"ÉLODIE BRÛLÉ", "L'Oréal", "Chef de Projet"},
            new String[] {"山田 太郎", "株式会社メルカリ", "エンジニア"},
            new String[] {"山田・花子", "トヨタ自動車", "SRE／インフラ"},
            new String[] {"Ёлкин Пётр", "ЯНДЕКС", "Руководитель Отдела"},
            new String[] {"Νίκος Παπαδόπουλος", "ΟΜΙΛΟΣ ΟΤΕ", "Μηχανικός"},
            new String[] {"Ana–María O’Brien", "Smith & Wesson™", "VP—Engineering"},
            new String[] {"Nguyễn Thị Ệ", "Việt Nam Cloud", "Kỹ sư"},
            new String[] {"İlker Straße", "ǅemal d.o.o.", "Ⅻ Lead"},
            new String[] {"Renée Ørsted", "Mærsk Line A/S", "CI/CD Engineer"},
            new String[] {"Sam 2nd", "U.S. Bank", "v2.5.1 Release Manager"},
            new String[] {"Kai Solo", "Solo.io", "Field CTO"});

    private static EmbeddedPostgres server;
    private static SqlAttendeeStore sqlite;
    private static SqlAttendeeStore postgres;
    private static SqlAttendeeStore postgresC;
    private static List<Attendee> attendees;

    @BeforeAll
    static void openStores(@TempDir Path dir) throws IOException, SQLException {
        server = EmbeddedPostgres.builder().start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE parity");
            s.execute("CREATE DATABASE parity_c TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        sqlite = SqliteAttendeeStore.open(dir.resolve("parity.db"));
        postgres = AttendeeStores.open(url("parity"));
        postgresC = AttendeeStores.open(url("parity_c"));
        List<Attendee> generated = GENERATOR.generate(5_000);
        LocalDateTime first = generated.stream().map(Attendee::attendanceTime).filter(Objects::nonNull).min(LocalDateTime::compareTo)
                .orElseThrow();
        List<Attendee> made = new ArrayList<>(); // ids 1.. here, numbered on from 5,000 by the stores
        for (int i = 0; i < MADE.size(); i++) {
            String[] m = MADE.get(i);
            made.add(new Attendee(1 + i, m[0], "made" + i + "@example.com", m[1], "Parity Expo", first.plusSeconds(i), m[2],
                    Industry.TECHNOLOGY, CompanySize.ENTERPRISE, List.of("Kubernetes"), List.of("Booth A"), "", null));
        }
        attendees = new ArrayList<>(generated);
        made.forEach(a -> attendees.add(a.withId(5_000 + a.id())));
        for (SqlAttendeeStore store : List.of(sqlite, postgres, postgresC)) {
            store.generate(GENERATOR, 5_000);
            try (AttendeeSink sink = store.sink(GENERATOR)) {
                sink.write(made);
                sink.commit();
            }
        }
    }

    @AfterAll
    static void close() throws IOException {
        for (SqlAttendeeStore store : new SqlAttendeeStore[] {sqlite, postgres, postgresC}) {
            if (store != null) {
                store.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private static String url(String database) {
        return "postgresql://postgres:secret@localhost:" + server.getPort() + "/" + database;
    }

    /** The ids that a filter selects, in id order, from every store; asserts they are the same. */
    private static List<Long> sameIds(AttendeeFilter filter) {
        List<Long> expected = ids(sqlite, filter);
        assertThat(ids(postgres, filter)).as("PostgreSQL against SQLite, %s", filter).isEqualTo(expected);
        assertThat(ids(postgresC, filter)).as("PostgreSQL (LC_CTYPE C) against SQLite, %s", filter).isEqualTo(expected);
        return expected;
    }

    private static List<Long> ids(SqlAttendeeStore store, AttendeeFilter filter) {
        return store.find(AttendeeQuery.builder().filter(filter).sort(Sort.asc(AttendeeField.ID)).limit(AttendeeQuery.MAX_LIMIT)
                .build()).items().stream().map(Attendee::id).toList();
    }

    private static List<Long> text(String words) {
        return sameIds(AttendeeFilter.builder().text(words).build());
    }

    private static long made(int index) {
        return 5_001 + index;
    }

    @Test
    void should_split_dotted_and_punctuated_names_into_words_in_both_databases() {
        // Found in SQLite and nowhere in PostgreSQL before: its parser kept host names, paths and versions whole.
        long checkout = attendees.stream().filter(a -> "Checkout.com".equals(a.company())).count();
        assertThat(checkout).isPositive();
        assertThat(text("Checkout.com")).hasSize((int) checkout);
        assertThat(text("checkout")).hasSize((int) checkout);
        assertThat(text("Booking.com")).isNotEmpty();
        assertThat(text("booking com")).isEqualTo(text("Booking.com"));
        assertThat(text("Solo.io")).contains(made(12));
        assertThat(text("io")).contains(made(12));
        assertThat(text("U.S. Bank")).contains(made(11));
        assertThat(text("CI/CD")).containsExactly(made(10));
        assertThat(text("cd engineer")).containsExactly(made(10));
        assertThat(text("Mærsk Line A/S")).containsExactly(made(10));
        assertThat(text("allegro pl")).containsExactly(made(1));
        assertThat(text("v2 5 1")).containsExactly(made(11));
        assertThat(text("Mercedes-Benz")).isNotEmpty();
        assertThat(text("benz")).isEqualTo(text("Mercedes-Benz"));
        assertThat(text("AT&T")).isNotEmpty();
        assertThat(text("oréal")).containsExactly(made(2));
        assertThat(text("ǅemal d.o.o.")).containsExactly(made(9));
        // Punctuation beyond ASCII separates words too (PostgreSQL with LC_CTYPE C took it for letters).
        assertThat(text("maría brien")).containsExactly(made(7));
        assertThat(text("wesson engineering")).containsExactly(made(7));
        assertThat(text("花子")).containsExactly(made(4));
        assertThat(text("インフラ")).containsExactly(made(4));
        assertThat(text("checkoutcom")).isEmpty();
    }

    @Test
    void should_fold_diacritics_of_latin_letters_as_sqlite_does() {
        assertThat(text("jose muller")).containsExactly(made(0));
        assertThat(text("José Müller")).containsExactly(made(0));
        assertThat(text("credit agricole general")).containsExactly(made(0));
        assertThat(text("elodie brule")).containsExactly(made(2));
        assertThat(text("ÉLODIE")).containsExactly(made(2));
        assertThat(text("nguyen thi e")).contains(made(8));
        assertThat(text("ky su viet")).containsExactly(made(8));
        assertThat(text("renee")).containsExactly(made(10));
        assertThat(text("ilker strasse")).isEmpty();
        assertThat(text("İlker")).containsExactly(made(9));
        assertThat(text("ilker straße")).containsExactly(made(9));
        // Letters without a decomposition keep their marks in both: ł, ø, æ (and Greek and Cyrillic ones).
        assertThat(text("łukasz żółć")).containsExactly(made(1));
        assertThat(text("lukasz")).isEmpty();
        assertThat(text("ørsted mærsk")).containsExactly(made(10));
        assertThat(text("orsted")).isEmpty();
    }

    @Test
    void should_find_words_beyond_ascii_in_any_case_whatever_the_locale() {
        assertThat(text("ŁUKASZ inżynier devops")).containsExactly(made(1));
        assertThat(text("山田")).containsExactly(made(3), made(4));
        assertThat(text("山田 太郎")).containsExactly(made(3));
        assertThat(text("株式会社")).containsExactly(made(3));
        assertThat(text("ёлкин пётр")).containsExactly(made(5));
        assertThat(text("ЁЛК ПЁ")).containsExactly(made(5));
        assertThat(text("яндекс руковод")).containsExactly(made(5));
        assertThat(text("νίκος μηχαν")).containsExactly(made(6));
        assertThat(text("ΠΑΠΑΔΌΠΟΥΛΟΣ οτε")).containsExactly(made(6));
        assertThat(text("ǆemal")).containsExactly(made(9));
        // SQLite folds the final sigma to a sigma: a word in capitals is found by its lower case.
        assertThat(text("ομιλος")).containsExactly(made(6));
        assertThat(text("Όμιλος")).isEmpty();
    }

    @Test
    void should_match_word_starts_and_every_word() {
        String title = GENERATOR.attendee(10).jobTitle();
        String company = GENERATOR.attendee(10).company();
        assertThat(text(title.substring(0, 4))).isNotEmpty();
        assertThat(text(company + " " + title)).contains(11L);
        assertThat(text("kube plat")).isEqualTo(text("KUBE, plat!"));
        for (String words : List.of("eng", "e", "lead", "senior eng", "data sci", "co", "& co", "2nd sam", "sam 2", "1")) {
            text(words);
        }
        assertThat(text("2nd")).containsExactly(made(11));
        assertThat(text("xyzzy")).isEmpty();
    }

    /**
     * For every character of the common alphabets and punctuation blocks, PostgreSQL's
     * {@code attendees_search_words} gives the word that the query words' rule gives (letters and
     * digits, lower case, diacritics of ASCII letters dropped), or a separator; in both databases.
     */
    @Test
    void should_turn_each_character_into_the_same_word_as_the_query_words_rule() throws SQLException {
        List<Integer> codePoints = new ArrayList<>();
        int[][] blocks = {{0x21, 0x7e}, {0xa0, 0x24f}, {0x370, 0x52f}, {0x1e00, 0x1fff}, {0x2000, 0x206f},
            {0x2100, 0x218f}, {0x3000, 0x30ff}, {0x4e00, 0x4fff}, {0xac00, 0xacff}, {0xff00, 0xffef}, {0x1f600, 0x1f64f}};
        for (int[] block : blocks) {
            IntStream.rangeClosed(block[0], block[1]).filter(Character::isDefined).forEach(codePoints::add);
        }
        Map<Integer, String> expected = new LinkedHashMap<>();
        for (int cp : codePoints) {
            expected.put(cp, expectedWords(new String(Character.toChars(cp))));
        }
        for (SqlAttendeeStore store : List.of(postgres, postgresC)) {
            Map<Integer, String> found = new LinkedHashMap<>();
            try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT cp, btrim(attendees_search_words(chr(cp))) FROM unnest(?) AS cp ORDER BY cp")) {
                Array array = c.createArrayOf("integer", codePoints.toArray());
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            assertThat(found).as(store.location()).isEqualTo(expected);
        }
        // And whole texts.
        String text = "ÉLODIE  Brûlé-Ørsted, (Łukasz) 山田・太郎 — v2.5 CI/CD Ǆemal ǅ İlker";
        try (Connection c = postgresC.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT attendees_search_words(?)")) {
            ps.setString(1, text);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1).strip()).isEqualTo(expectedWords(text))
                        .isEqualTo("elodie brule ørsted łukasz 山田 太郎 v2 5 ci cd ǆemal ǆ ilker");
            }
        }
    }

    /** The query words' rule (FilterConditions.words), with the diacritics of ASCII letters dropped, joined by spaces. */
    private static String expectedWords(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("(?<=[A-Za-z])[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f]+", "");
        folded = Normalizer.normalize(folded, Normalizer.Form.NFC);
        StringBuilder words = new StringBuilder();
        StringBuilder word = new StringBuilder();
        (folded + " ").codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.append(words.length() == 0 ? "" : " ").append(lowerCase(word.toString()));
                word.setLength(0);
            }
        });
        return words.toString();
    }

    /** Lower case as PostgreSQL's list has it: characters whose lower case is one character of the BMP; ς is σ. */
    private static String lowerCase(String word) {
        return word.codePoints().mapToObj(cp -> {
            String s = new String(Character.toChars(cp));
            String lower = s.toLowerCase(Locale.ROOT);
            return cp < 0x10000 && lower.length() == 1 ? lower : s;
        }).collect(Collectors.joining()).replace('ς', 'σ');
    }

    @Test
    void should_use_the_full_text_index_in_postgresql() throws SQLException {
        String condition = DSL.using(SQLDialect.POSTGRES).renderInlined(PostgresDialect.create().sql().fullText(List.of("checkout", "com")));
        for (SqlAttendeeStore store : List.of(postgres, postgresC)) {
            StringBuilder plan = new StringBuilder();
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("SET LOCAL enable_seqscan = off");
                try (ResultSet rs = s.executeQuery("EXPLAIN SELECT id FROM attendees WHERE " + condition)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                c.rollback();
                c.setAutoCommit(true);
            }
            assertThat(plan.toString()).as(store.location()).contains("Bitmap Index Scan on attendees_search");
        }
    }

    /** A version 4 database (the old index, no V5 functions) gets the new index when it opens. */
    @Test
    void should_migrate_the_full_text_index_of_a_version_4_database() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE parity_v4");
        }
        try (SqlAttendeeStore store = AttendeeStores.open(url("parity_v4"))) {
            store.generate(GENERATOR, 200);
        }
        try (Connection c = server.getDatabase("postgres", "parity_v4").getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP INDEX attendees_search");
            s.execute("DROP FUNCTION attendees_search_query(TEXT)");
            s.execute("DROP FUNCTION attendees_search_words(TEXT)");
            s.execute("CREATE INDEX attendees_search ON attendees USING GIN (to_tsvector('simple', coalesce(name, '') || ' '"
                    + " || coalesce(company, '') || ' ' || coalesce(job_title, '')))");
            // A version 4 database had neither V5's functions nor V6's column.
            s.execute("ALTER TABLE generation_runs DROP COLUMN renamed");
            s.execute("DELETE FROM attendees_schema_version WHERE version >= 5");
        }
        try (SqlAttendeeStore store = AttendeeStores.open(url("parity_v4"))) {
            assertThat(store.schemaVersionFound()).isEqualTo(4);
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                    java.sql.ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'attendees_search'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("attendees_search_words(");
            }
            String company = GENERATOR.attendee(0).company();
            assertThat(store.count(AttendeeFilter.builder().text(company).build())).isPositive();
        }
    }

    @Test
    void should_bound_times_with_fractions_of_a_second_as_documented_in_both_databases() {
        LocalDateTime t = attendees.stream().map(Attendee::attendanceTime).filter(Objects::nonNull).min(LocalDateTime::compareTo)
                .orElseThrow();
        LocalDateTime last = attendees.stream().map(Attendee::attendanceTime).filter(Objects::nonNull).max(LocalDateTime::compareTo)
                .orElseThrow();
        List<LocalDateTime> bounds = new ArrayList<>();
        for (LocalDateTime at : List.of(t, t.plusHours(3), last)) {
            for (long nanos : new long[] {0, 1, 1_000, 500_000_000, 999_999_999, -1, -500_000_000, 1_000_000_000}) {
                bounds.add(at.plusNanos(nanos));
            }
        }
        List<LocalDateTime> open = new ArrayList<>(bounds);
        open.add(null);
        for (LocalDateTime from : open) {
            for (LocalDateTime to : List.of(t.plusNanos(500_000_000), last.plusNanos(1), t.plusSeconds(1))) {
                check(from, to);
            }
            check(from, null);
            check(null, from);
        }
        // Nobody arrives between whole seconds; the first arrivals (at t) are before t + 1 ns.
        assertThat(sameIds(between(t.plusNanos(500_000_000), t.plusSeconds(1)))).isEmpty();
        assertThat(sameIds(between(t.plusNanos(1), t.plusSeconds(1)))).isEmpty();
        assertThat(sameIds(between(null, t.plusNanos(500_000_000)))).isNotEmpty();
        assertThat(sameIds(between(t, t.plusNanos(1)))).isNotEmpty();
        // Open ends far away.
        check(LocalDateTime.of(-4000, 1, 1, 0, 0), LocalDateTime.of(200_000, 1, 1, 0, 0));
        check(t, LocalDateTime.of(10_000, 1, 1, 0, 0));
        check(t, LocalDateTime.of(9_999, 12, 31, 23, 59, 59, 1));
        check(LocalDateTime.of(10_000, 1, 1, 0, 0), null);
        check(LocalDateTime.of(999, 1, 1, 0, 0), t.plusSeconds(5));
    }

    private static AttendeeFilter between(LocalDateTime from, LocalDateTime to) {
        return AttendeeFilter.builder().attendedBetween(from, to).build();
    }

    /** Every store selects the attendees that arrived at or after {@code from} and before {@code to}, exactly. */
    private static void check(LocalDateTime from, LocalDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            return; // the filter refuses it
        }
        List<Long> expected = attendees.stream()
                .filter(a -> a.attendanceTime() != null && (from == null || !a.attendanceTime().isBefore(from))
                        && (to == null || a.attendanceTime().isBefore(to)))
                .map(Attendee::id).sorted().toList();
        AttendeeFilter filter = between(from, to);
        assertThat(sqlite.count(filter)).as("SQLite, from %s to %s", from, to).isEqualTo(expected.size());
        assertThat(postgres.count(filter)).as("PostgreSQL, from %s to %s", from, to).isEqualTo(expected.size());
        if (expected.size() <= 100) {
            assertThat(ids(sqlite, filter)).as("SQLite, from %s to %s", from, to).isEqualTo(expected);
            assertThat(ids(postgres, filter)).as("PostgreSQL, from %s to %s", from, to).isEqualTo(expected);
        }
    }
}
