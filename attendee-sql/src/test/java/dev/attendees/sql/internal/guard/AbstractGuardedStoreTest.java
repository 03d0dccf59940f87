package dev.attendees.sql.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.ProviderException;
import dev.attendees.sql.SqlAttendeeStore;
import dev.attendees.sql.internal.guard.GuardCorpus.Attack;
import dev.attendees.sql.internal.guard.GuardCorpus.Legit;
import dev.attendees.sql.internal.guard.GuardCorpus.Outcome;
import dev.attendees.sql.internal.guard.SqlGuard.Layers;
import dev.attendees.store.SqlResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard in front of a real store, and the layers behind it on their own: every attack of the
 * corpus is refused by the guard; with the parser's check off, and again with the database alone,
 * each attack meets the outcome the corpus records for this database, and nothing changes (the
 * tables, the history, the files of a folder the attacks aim at, and, on PostgreSQL, large objects,
 * locks and roles). The analytical corpus passes and runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractGuardedStoreTest {
    static final AttendeeGenerator GENERATOR = AttendeeGenerator.builder().seed(42).build();
    static final String HISTORY_SECRET = "SECRET-HISTORY-7f3a: what do the speakers earn?";
    static final String FILE_SECRET = "SECRET-FILE-5b1c";
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /**
     * The folder the attacks aim at (ATTACH, VACUUM INTO, COPY TO ...), with a secret file and another
     * SQLite database in it.
     */
    Path dir;
    Path secret;
    SqlAttendeeStore store;
    private Map<String, Object> before;

    /** {@code sqlite} or {@code postgresql}, as the corpus names it. */
    abstract String database();

    abstract SqlAttendeeStore openStore(Path folder) throws Exception;

    /** What else of this database must stay as it was. */
    abstract void fingerprint(Statement s, Map<String, Object> out) throws SQLException;

    @BeforeAll
    void openAndFill(@TempDir Path temp) throws Exception {
        dir = Files.createDirectories(temp.resolve("files"));
        secret = Files.writeString(dir.resolve("secret.txt"), FILE_SECRET + "\n");
        dir.toFile().setWritable(true, false);
        secret.toFile().setReadable(true, false);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("other.db")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE secrets (value TEXT)");
            s.execute("INSERT INTO secrets VALUES ('SECRET-OTHER-DATABASE')");
        }
        store = openStore(Files.createDirectories(temp.resolve("db")));
        store.generate(GENERATOR, 60);
        store.recordQuery(HISTORY_SECRET, "SELECT 1", "offline", 1);
        before = fingerprint();
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
    }

    Stream<Attack> attacks() {
        return GuardCorpus.attacks().stream();
    }

    Stream<Legit> legit() {
        return GuardCorpus.legit().stream().filter(q -> q.runsOn(database()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void should_refuse_every_attack_through_the_store(Attack attack) throws Exception {
        assertThatThrownBy(() -> store.readOnlySql(attack.sql(dir, secret), 100, TIMEOUT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("refused: ")
                .hasMessageContaining(attack.refused().get(database()));
        assertThat(fingerprint()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void should_stop_every_attack_without_the_parser(Attack attack) throws Exception {
        assertOutcome(attack, Layers.WITHOUT_PARSER, attack.withoutParser().get(database()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void should_meet_the_recorded_outcome_with_the_database_alone(Attack attack) throws Exception {
        assertOutcome(attack, Layers.DATABASE_ONLY, attack.databaseOnly().get(database()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("legit")
    void should_answer_every_analytical_statement(Legit q) {
        SqlResult r = store.readOnlySql(q.sql(), 1_000, Duration.ofSeconds(30));
        assertThat(r.columns()).isNotEmpty();
        assertThat(r.rows()).isNotEmpty();
    }

    @Test
    void should_switch_layers_off_for_the_calling_thread_only_and_back() {
        String sql = "SELECT count(*) FROM query_history";
        assertThat(SqlGuard.with(Layers.WITHOUT_PARSER, () -> store.readOnlySql(sql, 1, TIMEOUT)).rows())
                .containsExactly(List.of(1L));
        assertThatThrownBy(() -> store.readOnlySql(sql, 1, TIMEOUT)).hasMessageContaining("table 'query_history'");
    }

    private void assertOutcome(Attack attack, Layers layers, Outcome expected) throws Exception {
        String sql = attack.sql(dir, secret);
        Outcome actual;
        String message;
        try {
            SqlResult r = SqlGuard.with(layers, () -> store.readOnlySql(sql, 100, TIMEOUT));
            actual = r.rows().stream().flatMap(List::stream).anyMatch(v -> String.valueOf(v).contains("SECRET-"))
                    ? Outcome.LEAKED : Outcome.RAN;
            message = r.rows().size() + " rows";
        } catch (ConfigurationException e) {
            message = e.getMessage();
            actual = message.startsWith("refused: ") ? Outcome.GUARD
                    : message.contains("PostgreSQL's driver reads") ? Outcome.DRIVER : Outcome.LEXICAL;
        } catch (ProviderException e) {
            message = e.getMessage();
            actual = message.contains("ran longer than") ? Outcome.TIMEOUT : Outcome.DATABASE;
        }
        assertThat(actual).as("OUTCOME\t%s\t%s\t%s\t%s\t%s", attack.id(), database(), layers, actual,
                message.replaceAll("\\s+", " ")).isEqualTo(expected);
        assertThat(fingerprint()).as("what %s changed", attack.id()).isEqualTo(before);
    }

    Map<String, Object> fingerprint() throws SQLException, IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            out.put("attendees", row(s, "SELECT count(*), sum(id), max(name), max(email), max(company), max(job_title)"
                    + " FROM attendees"));
            for (String table : List.of("attendee_interests", "booth_visits", "query_history", "generation_runs")) {
                out.put(table, row(s, "SELECT count(*) FROM " + table));
            }
            out.put("history", row(s, "SELECT max(question), max(sql) FROM query_history"));
            fingerprint(s, out);
        }
        try (Stream<Path> files = Files.list(dir)) {
            out.put("files", files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        return out;
    }

    static List<Object> row(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            List<Object> row = new ArrayList<>();
            if (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getObject(i));
                }
            }
            return row;
        }
    }
}
