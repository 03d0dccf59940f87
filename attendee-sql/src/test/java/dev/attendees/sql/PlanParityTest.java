package dev.attendees.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.plan.Condition;
import dev.attendees.plan.Condition.Comparison;
import dev.attendees.plan.Condition.Match;
import dev.attendees.plan.Dimension;
import dev.attendees.plan.Grouping;
import dev.attendees.plan.Measure;
import dev.attendees.plan.Metric;
import dev.attendees.plan.Order;
import dev.attendees.plan.PlanResult;
import dev.attendees.plan.QueryPlan;
import dev.attendees.store.SqlResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code run(plan)} gives the same rows in SQLite and PostgreSQL for the same attendees: every
 * measure, every dimension as a grouping, every kind of condition, both orders and a share. The
 * plans are compiled for each database by its own dialect, so this is where the two dialects'
 * days, hours, times of day and e-mail domains are held to each other. Its own embedded
 * PostgreSQL 14 server, as {@link PostgresAttendeeStoreTest} starts one.
 */
class PlanParityTest {

    private static final AttendeeGenerator GENERATOR = AttendeeGenerator.builder().seed(42).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static EmbeddedPostgres server;
    private static SqlAttendeeStore sqlite;
    private static SqlAttendeeStore postgres;

    @BeforeAll
    static void openStores(@TempDir Path dir) throws IOException, SQLException {
        server = EmbeddedPostgres.builder().start();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE plans");
        }
        sqlite = SqliteAttendeeStore.open(dir.resolve("plans.db"));
        postgres = AttendeeStores.open("postgresql://postgres:secret@localhost:" + server.getPort() + "/plans");
        for (SqlAttendeeStore store : List.of(sqlite, postgres)) {
            store.generate(GENERATOR, 3_000);
        }
    }

    @AfterAll
    static void close() throws IOException {
        for (SqlAttendeeStore store : new SqlAttendeeStore[] {sqlite, postgres}) {
            if (store != null) {
                store.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    static Stream<Arguments> plans() {
        Map<String, QueryPlan> plans = new java.util.LinkedHashMap<>();
        plans.put("a count", QueryPlan.count());
        for (Dimension d : Dimension.values()) {
            if (d == Dimension.NAME) {
                continue; // not a grouping (Grouping.validate)
            }
            plans.put("a count by " + d.id(), QueryPlan.count().groupBy(Grouping.by(d)).orderBy(Order.MOST).limit(12));
        }
        plans.put("the fewest by industry", QueryPlan.count().groupBy(Grouping.by(Dimension.INDUSTRY)).orderBy(Order.LEAST));
        plans.put("hours in order", QueryPlan.count().groupBy(Grouping.by(Dimension.ARRIVAL_HOUR)).orderBy(Order.GROUP));
        plans.put("hours in reverse", QueryPlan.count().groupBy(Grouping.by(Dimension.ARRIVAL_HOUR))
                .orderBy(new Order(Order.By.GROUP, true)));
        plans.put("industry by size", QueryPlan.count().groupBy(Grouping.by(Dimension.INDUSTRY))
                .groupBy(Grouping.by(Dimension.COMPANY_SIZE)).orderBy(Order.MOST).limit(20));
        plans.put("interest by booth", QueryPlan.count().groupBy(Grouping.by(Dimension.INTEREST))
                .groupBy(Grouping.by(Dimension.BOOTH)).orderBy(Order.MOST).limit(20));
        plans.put("two sizes only", QueryPlan.count().groupBy(new Grouping(Dimension.COMPANY_SIZE, List.of("Startup", "Enterprise"))));
        plans.put("booth counts 2 and 3 only", QueryPlan.count().groupBy(new Grouping(Dimension.BOOTH_COUNT, List.of("2", "3"))));
        // Distinct interests or booths without grouping by them are left out: PlanCompiler counts one item an attendee
        // (a subquery with LIMIT 1 and no order), which each database picks its own way.
        for (Dimension d : List.of(Dimension.COMPANY, Dimension.EMAIL_DOMAIN, Dimension.JOB_TITLE, Dimension.ARRIVAL_DAY)) {
            plans.put("distinct " + d.id(), QueryPlan.count().countDistinct(d));
        }
        plans.put("distinct companies by industry", QueryPlan.count().countDistinct(Dimension.COMPANY)
                .groupBy(Grouping.by(Dimension.INDUSTRY)).orderBy(Order.MOST));
        plans.put("distinct interests by interest and size", QueryPlan.count().countDistinct(Dimension.INTEREST)
                .groupBy(Grouping.by(Dimension.INTEREST)).groupBy(Grouping.by(Dimension.COMPANY_SIZE)).orderBy(Order.GROUP));
        for (Measure m : List.of(Measure.AVERAGE, Measure.MINIMUM, Measure.MAXIMUM)) {
            for (Metric metric : Metric.values()) {
                plans.put(m.id() + " " + metric.id(), QueryPlan.count().of(m, metric));
                plans.put(m.id() + " " + metric.id() + " by size", QueryPlan.count().of(m, metric)
                        .groupBy(Grouping.by(Dimension.COMPANY_SIZE)).orderBy(Order.MOST));
            }
        }
        plans.put("share of all by industry", QueryPlan.count().shareOf(List.of()).groupBy(Grouping.by(Dimension.INDUSTRY))
                .orderBy(Order.MOST));
        plans.put("share of enterprise in healthcare", QueryPlan.count()
                .where(new Condition.Equals(Dimension.INDUSTRY, List.of("Healthcare"), false))
                .shareOf(List.of(new Condition.Equals(Dimension.COMPANY_SIZE, List.of("Enterprise"), false))));
        plans.put("share interested in Kubernetes by size", QueryPlan.count()
                .shareOf(List.of(new Condition.Items(Dimension.INTEREST, List.of("Kubernetes"), Match.ANY)))
                .groupBy(Grouping.by(Dimension.COMPANY_SIZE)).orderBy(Order.GROUP));
        plans.put("a list", QueryPlan.list().where(new Condition.Equals(Dimension.COMPANY_SIZE, List.of("Startup"), false)).limit(25));
        plans.put("not technology, not enterprise", QueryPlan.count()
                .where(new Condition.Equals(Dimension.INDUSTRY, List.of("Technology"), true))
                .where(new Condition.Equals(Dimension.COMPANY_SIZE, List.of("Enterprise", "Mid-Market"), true)));
        plans.put("personal addresses", QueryPlan.count().where(new Condition.Equals(Dimension.EMAIL_KIND, List.of("personal"), false)));
        plans.put("a domain in capitals", QueryPlan.count().where(new Condition.Equals(Dimension.EMAIL_DOMAIN, List.of("GMAIL.COM"), false)));
        plans.put("the second hour", QueryPlan.count().where(new Condition.Equals(Dimension.ARRIVAL_HOUR, List.of("10"), false)));
        for (Match match : Match.values()) {
            plans.put("interests " + match, QueryPlan.count()
                    .where(new Condition.Items(Dimension.INTEREST, List.of("Kubernetes", "Security"), match)));
            plans.put("booths " + match, QueryPlan.count()
                    .where(new Condition.Items(Dimension.BOOTH, List.of("Red Hat", "GitLab"), match)));
            plans.put("titles " + match, QueryPlan.count()
                    .where(new Condition.Contains(Dimension.JOB_TITLE, List.of("engineer", "cto"), match)));
        }
        plans.put("names containing", QueryPlan.list().where(new Condition.Contains(Dimension.NAME, List.of("ann"), Match.ANY)).limit(50));
        plans.put("companies containing", QueryPlan.count().where(new Condition.Contains(Dimension.COMPANY, List.of("cloud"), Match.ANY)));
        plans.put("domains containing", QueryPlan.count().where(new Condition.Contains(Dimension.EMAIL_DOMAIN, List.of("mail"), Match.ANY)));
        plans.put("a word with LIKE's wildcards", QueryPlan.count().where(new Condition.Contains(Dimension.JOB_TITLE, List.of("%_"), Match.ANY)));
        plans.put("mornings", QueryPlan.count().where(new Condition.TimeOfDay(null, LocalTime.of(10, 30))));
        plans.put("afternoons by hour", QueryPlan.count().where(new Condition.TimeOfDay(LocalTime.of(13, 0), LocalTime.of(16, 15, 30)))
                .groupBy(Grouping.by(Dimension.ARRIVAL_HOUR)).orderBy(Order.GROUP));
        plans.put("the first day", QueryPlan.count().where(new Condition.EventDay(1)));
        plans.put("the last day by hour", QueryPlan.count().where(new Condition.EventDay(-1))
                .groupBy(Grouping.by(Dimension.ARRIVAL_HOUR)).orderBy(Order.GROUP));
        for (Comparison comparison : Comparison.values()) {
            plans.put("booths " + comparison, QueryPlan.count().where(new Condition.CountOf(Dimension.BOOTH, comparison, 3)));
        }
        plans.put("no interests", QueryPlan.count().where(new Condition.CountOf(Dimension.INTEREST, Comparison.EQUAL, 0)));
        List<Arguments> out = new ArrayList<>();
        plans.forEach((name, plan) -> out.add(Arguments.of(name, plan)));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void should_give_the_same_rows_in_sqlite_and_postgresql(String name, QueryPlan plan) {
        PlanResult lite = sqlite.run(plan, 10_000, TIMEOUT);
        PlanResult pg = postgres.run(plan, 10_000, TIMEOUT);

        assertThat(pg.result().columns()).as("columns").isEqualTo(lite.result().columns());
        assertThat(rows(pg.result())).as("PostgreSQL against SQLite\n  %s\n  %s", pg.sql(), lite.sql()).isEqualTo(rows(lite.result()));
        assertThat(lite.result().truncated()).isFalse();
    }

    @Test
    void should_answer_with_the_sql_that_ran() {
        QueryPlan plan = QueryPlan.count().where(new Condition.Equals(Dimension.INDUSTRY, List.of("Healthcare"), false));

        PlanResult answer = sqlite.run(plan, 10, TIMEOUT);

        assertThat(answer.sql()).contains("'Healthcare'").doesNotContain("?");
        assertThat(sqlite.readOnlySql(answer.sql(), 10, TIMEOUT).rows()).isEqualTo(answer.result().rows());
    }

    @Test
    void should_refuse_a_plan_that_is_not_valid_before_anything_runs() {
        QueryPlan plan = QueryPlan.count().measure(Measure.COUNT_DISTINCT);

        for (SqlAttendeeStore store : List.of(sqlite, postgres)) {
            assertThatThrownBy(() -> store.run(plan, 10, TIMEOUT)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("count_distinct needs distinct");
        }
    }

    /** Rows with numbers as doubles: SQLite gives whole results as longs where PostgreSQL's numeric may say 2.0. */
    private static List<List<Object>> rows(SqlResult result) {
        return result.rows().stream()
                .map(row -> row.stream().map(v -> v instanceof Number n ? (Object) n.doubleValue() : v).toList())
                .toList();
    }
}
