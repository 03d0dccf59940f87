package dev.attendees.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attendees.AttendeeGenerator;
import dev.attendees.plan.PlanResult;
import dev.attendees.plan.Translation;
import dev.attendees.plan.Vocabulary;
import dev.attendees.spi.AttendeeStore;
import dev.attendees.sql.AttendeeStores;
import dev.attendees.sql.SqliteAttendeeStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite and PostgreSQL give the same answer to every question of the labelled set: the same
 * attendees in both, each question translated once per store (their vocabularies must agree), its
 * plan compiled for each dialect and run, and the rows compared (numbers by value, so a PostgreSQL
 * {@code numeric} equals a SQLite {@code real}). Its own embedded PostgreSQL server.
 */
class DialectParityTest {
    @TempDir
    static Path dir;

    static EmbeddedPostgres server;
    static Map<String, AttendeeStore[]> stores = new TreeMap<>();

    @BeforeAll
    static void open() throws Exception {
        server = EmbeddedPostgres.builder().start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE cloud");
            s.execute("CREATE DATABASE health");
        }
        Map<String, AttendeeGenerator> generators = Map.of("cloud", AttendeeGenerator.builder().seed(42).build(),
                "health", AttendeeGenerator.builder().eventType("healthcare-it").seed(7).build());
        for (var e : generators.entrySet()) {
            AttendeeStore sqlite = SqliteAttendeeStore.open(dir.resolve(e.getKey() + ".db"));
            AttendeeStore postgres = AttendeeStores.open("postgresql://postgres:secret@localhost:" + server.getPort() + "/" + e.getKey());
            sqlite.generate(e.getValue(), 5_000);
            postgres.generate(e.getValue(), 5_000);
            stores.put(e.getKey(), new AttendeeStore[] {sqlite, postgres});
        }
    }

    @AfterAll
    static void close() throws Exception {
        stores.values().forEach(pair -> List.of(pair).forEach(AttendeeStore::close));
        if (server != null) {
            server.close();
        }
    }

    @Test
    void every_question_should_get_the_same_answer_from_sqlite_and_postgresql() throws Exception {
        List<JsonNode> questions = new ArrayList<>();
        try (InputStream in = DialectParityTest.class.getResourceAsStream("questions.json")) {
            new ObjectMapper().readTree(in).path("questions").forEach(questions::add);
        }
        Map<String, Vocabulary[]> vocabularies = new TreeMap<>();
        stores.forEach((name, pair) -> vocabularies.put(name, new Vocabulary[] {StoreVocabulary.of(pair[0]), StoreVocabulary.of(pair[1])}));
        vocabularies.values().forEach(v -> assertThat(v[1]).isEqualTo(v[0]));

        List<String> differences = new ArrayList<>();
        int compared = 0;
        OfflineTranslator translator = new OfflineTranslator();
        for (JsonNode q : questions) {
            String db = q.path("db").asText("cloud");
            AttendeeStore[] pair = stores.get(db);
            Translation t = translator.translate(q.path("q").asText(), vocabularies.get(db)[0], null);
            Translation u = translator.translate(q.path("q").asText(), vocabularies.get(db)[1], null);
            assertThat(u.plan()).as(q.path("q").asText()).isEqualTo(t.plan());
            if (t.plan() == null) {
                continue;
            }
            PlanResult lite = pair[0].run(t.plan(), 10_000, Duration.ofSeconds(30));
            PlanResult pg = pair[1].run(t.plan(), 10_000, Duration.ofSeconds(30));
            compared++;
            if (!normalised(lite.result().rows()).equals(normalised(pg.result().rows()))) {
                differences.add(q.path("q").asText() + "\n  sqlite:     " + lite.result().rows() + "\n  postgresql: " + pg.result().rows()
                        + "\n  " + pg.sql());
            }
        }
        assertThat(compared).isGreaterThan(200);
        assertThat(differences).isEmpty();
    }

    /** Rows with every number as a BigDecimal without trailing zeros (1.50 = 1.5 = 1.5E0). */
    static List<List<Object>> normalised(List<List<Object>> rows) {
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> r = new ArrayList<>();
            for (Object v : row) {
                r.add(v instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros() : v);
            }
            out.add(r);
        }
        return out;
    }
}
