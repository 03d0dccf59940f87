package dev.attendees.sql.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.ConfigurationException;
import dev.attendees.sql.internal.guard.GuardCorpus.Attack;
import dev.attendees.sql.internal.guard.GuardCorpus.Legit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parser's check alone, without a database: the corpora, and what the check writes back. */
class SqlGuardTest {
    private static final Path DIR = Path.of("/tmp/guard-test");
    private static final Path SECRET = DIR.resolve("secret.txt");

    static Stream<Arguments> attacks() {
        List<Arguments> out = new ArrayList<>();
        for (Attack attack : GuardCorpus.attacks()) {
            for (String database : GuardCorpus.DATABASES) {
                out.add(Arguments.of(database, attack));
            }
        }
        return out.stream();
    }

    static Stream<Arguments> legit() {
        List<Arguments> out = new ArrayList<>();
        for (Legit q : GuardCorpus.legit()) {
            for (String database : GuardCorpus.DATABASES) {
                if (q.runsOn(database)) {
                    out.add(Arguments.of(database, q));
                }
            }
        }
        return out.stream();
    }

    private static SqlGuard guard(String database) {
        return SqlGuard.of(database.equals("sqlite") ? SQLDialect.SQLITE : SQLDialect.POSTGRES);
    }

    @Test
    void should_hold_at_least_a_hundred_attacks_and_thirty_analytical_statements() {
        assertThat(GuardCorpus.attacks()).hasSizeGreaterThanOrEqualTo(100)
                .extracting(Attack::id).doesNotHaveDuplicates();
        assertThat(GuardCorpus.legit()).hasSizeGreaterThanOrEqualTo(30)
                .extracting(Legit::id).doesNotHaveDuplicates();
        assertThat(GuardCorpus.legit().stream().filter(q -> q.dialect().equals("both"))).hasSizeGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("attacks")
    void should_refuse_every_attack_with_a_one_line_reason_naming_what_was_refused(String database, Attack attack) {
        assertThatThrownBy(() -> guard(database).checked(attack.sql(DIR, SECRET)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("refused: ")
                .hasMessageContaining(attack.refused().get(database))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("legit")
    void should_pass_analytical_statements_and_run_them_as_written(String database, Legit q) {
        String run = guard(database).checked(q.sql());
        if (q.note() == null) {
            assertThat(run).isEqualTo(q.sql());
        }
    }

    @Test
    void should_run_the_statement_without_its_comments_and_final_semicolon() {
        assertThat(guard("sqlite").checked("-- how many?\nSELECT count(*) /* all */ FROM attendees;  -- done"))
                .isEqualTo("SELECT count(*)   FROM attendees");
        assertThat(guard("postgresql").checked("SELECT 1 /* outer /* inner */ still a comment */ AS one"))
                .isEqualTo("SELECT 1   AS one");
    }

    @Test
    void should_write_sqlite_brackets_and_backticks_as_double_quotes() {
        assertThat(guard("sqlite").checked("SELECT [industry], `company` FROM [attendees]"))
                .isEqualTo("SELECT \"industry\", \"company\" FROM \"attendees\"");
    }

    @Test
    void should_keep_a_quoted_collation_in_the_text_that_runs() {
        assertThat(guard("postgresql").checked("SELECT name FROM attendees ORDER BY name COLLATE \"C\""))
                .isEqualTo("SELECT name FROM attendees ORDER BY name COLLATE \"C\"");
        assertThatThrownBy(() -> guard("postgresql").checked("SELECT name FROM attendees ORDER BY name COLLATE \"de_DE\""))
                .hasMessage("refused: the collation 'de_de'");
    }

    @Test
    void should_let_a_with_item_stand_for_a_table_only_where_the_database_sees_it() {
        assertThat(guard("postgresql").checked("WITH query_history AS (SELECT 1 AS q) SELECT q FROM query_history"))
                .contains("FROM query_history");
        assertThat(guard("postgresql").checked("WITH a AS (SELECT 1 AS q), b AS (SELECT q FROM a) SELECT q FROM b"))
                .startsWith("WITH");
        assertThatThrownBy(() -> guard("postgresql").checked("WITH c(x) AS (SELECT 1 UNION ALL SELECT x FROM c) SELECT x FROM c"))
                .hasMessage("refused: table 'c' is not one of attendees, attendee_interests, booth_visits");
        assertThat(guard("sqlite").checked("WITH c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3) SELECT x FROM c"))
                .as("SQLite needs no RECURSIVE").startsWith("WITH");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-- only a comment", "/* only */ ;"})
    void should_refuse_an_empty_statement(String sql) {
        assertThatThrownBy(() -> guard("sqlite").checked(sql)).hasMessage("refused: the statement is empty");
    }

    @Test
    void should_refuse_a_null_statement() {
        assertThatThrownBy(() -> guard("postgresql").checked(null)).hasMessage("refused: the statement is empty");
    }

    @Test
    void should_name_the_offset_of_what_it_refused() {
        assertThatThrownBy(() -> guard("sqlite").checked("SELECT 1; DELETE FROM attendees"))
                .hasMessage("refused: more than one statement (text after ';' at offset 8)");
        assertThatThrownBy(() -> guard("sqlite").checked("SELECT * FROM \uff51uery_history"))
                .hasMessage("refused: the character U+FF51 '\uff51' at offset 14 outside a quoted text (names and keywords are plain ASCII)");
    }

    @Test
    void should_take_any_text_inside_quotes() {
        assertThat(guard("sqlite").checked("SELECT count(*) FROM attendees WHERE name = 'Zo\u00eb \u200b\u202e; DROP TABLE x -- '"))
                .endsWith("'Zo\u00eb \u200b\u202e; DROP TABLE x -- '");
    }

    @Test
    void should_check_a_statement_at_the_length_limit_in_good_time() {
        String sql = "SELECT id FROM attendees WHERE id IN (0" + ", 1".repeat((StatementText.MAX_LENGTH - 60) / 3) + ")";
        assertThat(sql.length()).isLessThanOrEqualTo(StatementText.MAX_LENGTH);
        long started = System.nanoTime();
        assertThat(guard("postgresql").checked(sql)).isEqualTo(sql);
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(SqlGuard.PARSE_TIMEOUT_MILLIS);
    }

    @Test
    void should_check_the_deepest_nesting_it_allows() {
        int depth = StatementText.MAX_DEPTH;
        String sql = "SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth) + " AS one";
        assertThat(guard("sqlite").checked(sql)).isEqualTo(sql);
        assertThatThrownBy(() -> guard("sqlite").checked("SELECT " + "(".repeat(depth + 1) + "1" + ")".repeat(depth + 1)))
                .hasMessageStartingWith("refused: parentheses nested deeper than " + depth);
    }

    @Test
    void should_read_an_aggregate_of_a_condition_the_slow_way_only_when_it_nests_little() {
        String shallow = "SELECT sum(company_size = 'Startup') FROM attendees";
        assertThat(guard("sqlite").checked(shallow)).isEqualTo(shallow);
        int levels = SqlGuard.COMPLEX_PARSING_DEPTH;
        String deep = "SELECT " + "coalesce(".repeat(levels) + "sum(company_size = 'Startup')" + ", 0)".repeat(levels) + " FROM attendees";
        assertThatThrownBy(() -> guard("sqlite").checked(deep))
                .hasMessageStartingWith("refused: the statement could not be read as SQL");
    }

    @Test
    void should_only_guard_sqlite_and_postgresql() {
        assertThatThrownBy(() -> SqlGuard.of(SQLDialect.H2)).isInstanceOf(IllegalArgumentException.class);
    }
}
