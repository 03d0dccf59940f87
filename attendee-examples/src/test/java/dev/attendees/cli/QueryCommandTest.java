package dev.attendees.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attendees.AttendeeGenerator;
import dev.attendees.sql.SqliteAttendeeStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attendees query} through the CLI's own entry point, on a seeded SQLite file. */
class QueryCommandTest {
    @TempDir
    static Path dir;

    static Path db;

    @BeforeAll
    static void seed() {
        db = dir.resolve("q.db");
        try (SqliteAttendeeStore store = SqliteAttendeeStore.open(db)) {
            store.generate(AttendeeGenerator.builder().seed(3).build(), 2_000);
        }
    }

    static GenerateCommandTest.Result run(String... args) {
        return GenerateCommandTest.run(args);
    }

    static long scalar(String sql) {
        try (SqliteAttendeeStore store = SqliteAttendeeStore.open(db)) {
            return ((Number) store.readOnlySql(sql, 1, Duration.ofSeconds(10)).rows().get(0).get(0)).longValue();
        }
    }

    @Test
    void should_answer_with_summary_table_explanation_and_sql() {
        GenerateCommandTest.Result r = run("query", "--db", db.toString(), "Which industries have the most attendees?");

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).contains(" has the most: ");
        assertThat(lines.get(2)).startsWith("industry").contains("attendees");
        assertThat(r.out()).contains("How: Counting attendees, by industry").contains("SQL: SELECT").contains("Engine: offline, confidence");
    }

    @Test
    void should_print_the_contract_json() throws Exception {
        GenerateCommandTest.Result r = run("query", "--db", db.toString(), "--json", "How many people are interested in Docker?");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("question").asText()).isEqualTo("How many people are interested in Docker?");
        assertThat(json.path("sql").asText()).startsWith("SELECT");
        assertThat(json.path("columns").get(0).asText()).isEqualTo("attendees");
        assertThat(json.path("rows").get(0).get(0).asLong()).isEqualTo(scalar("SELECT COUNT(*) FROM attendee_interests WHERE interest = 'Docker'"));
        assertThat(json.path("summary").asText()).contains("interested in Docker");
        assertThat(json.path("engine").asText()).isEqualTo("offline");
        assertThat(json.path("confidence").asDouble()).isBetween(0.8, 1.0);
        assertThat(json.path("explanation").asText()).isEqualTo("Counting attendees interested in Docker.");
        assertThat(json.has("chart")).isTrue();
    }

    @Test
    void should_refuse_with_status_2_and_the_reason() throws Exception {
        GenerateCommandTest.Result text = run("query", "--db", db.toString(), "DROP TABLE attendees");
        GenerateCommandTest.Result json = run("query", "--db", db.toString(), "--json", "what is the average salary?");

        assertThat(text.exit()).isEqualTo(2);
        assertThat(text.out()).isEmpty();
        assertThat(text.err().lines()).singleElement().asString().startsWith("attendees: I can't answer that");
        assertThat(json.exit()).isEqualTo(2);
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertThat(node.get("sql").isNull()).isTrue();
        assertThat(node.path("rows")).isEmpty();
        assertThat(node.path("summary").asText()).contains("salar");
        assertThat(scalar("SELECT COUNT(*) FROM attendees")).isEqualTo(2_000);
    }

    @Test
    void should_follow_up_the_last_question_of_the_history() throws Exception {
        assertThat(run("query", "--db", db.toString(), "Which companies have the most attendees?").exit()).isZero();
        GenerateCommandTest.Result r = run("query", "--db", db.toString(), "--json", "--follow-up", "and among startups?");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("sql").asText()).contains("'Startup'").containsIgnoringCase("GROUP BY");
        assertThat(json.path("explanation").asText()).contains("at Startup companies, by company");
    }

    @Test
    void should_keep_history_and_favourites_and_rerun_them() throws Exception {
        GenerateCommandTest.Result asked = run("query", "--db", db.toString(), "--json", "how many attendees work in retail?");
        long id = new ObjectMapper().readTree(asked.out()).path("history_id").asLong();

        GenerateCommandTest.Result history = run("query", "--db", db.toString(), "--history");
        assertThat(history.out()).contains("#" + id).contains("how many attendees work in retail?");
        assertThat(run("query", "--db", db.toString(), "--favorite", String.valueOf(id)).out()).startsWith("Favourite: #" + id);
        JsonNode favourites = new ObjectMapper().readTree(run("query", "--db", db.toString(), "--favorites", "--json").out());
        assertThat(favourites.findValuesAsText("question")).contains("how many attendees work in retail?");
        JsonNode rerun = new ObjectMapper().readTree(run("query", "--db", db.toString(), "--json", "--rerun", String.valueOf(id)).out());
        assertThat(rerun.path("rows")).isEqualTo(new ObjectMapper().readTree(asked.out()).path("rows"));

        GenerateCommandTest.Result missing = run("query", "--db", db.toString(), "--favorite", "99999");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("--favorite 99999: no question 99999 in the history");
    }

    @Test
    void should_draw_the_chart_into_a_file() throws Exception {
        Path png = dir.resolve("charts/arrivals.png");
        GenerateCommandTest.Result r = run("query", "--db", db.toString(), "--chart", png.toString(), "arrivals by hour");

        assertThat(r.exit()).as(r.err()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        Path svg = dir.resolve("sizes.svg");
        assertThat(run("query", "--db", db.toString(), "--chart", svg.toString(), "attendees per company size").exit()).isZero();
        assertThat(offline().parse(svg.toFile())
                .getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 800 500");
    }

    @Test
    void should_reject_bad_input_in_one_line_naming_the_option() {
        Path missing = dir.resolve("nope.db");
        assertThat(run("query", "--db", missing.toString(), "how many?").err().strip())
                .startsWith("attendees: --db " + missing + ": no such database");
        assertThat(Files.exists(missing)).isFalse();
        assertThat(run("query", "--db", db.toString()).err()).contains("QUESTION: ask a question");
        assertThat(run("query", "--db", db.toString(), "--max-rows", "0", "x").err()).contains("--max-rows must be between 1 and 10000");
        assertThat(run("query", "--db", db.toString(), "--chart", "x.gif", "x").err()).contains("--chart x.gif: the file name must end in .png or .svg");
        assertThat(run("query", "--db", db.toString(), "--history", "--favorites").exit()).isEqualTo(2);
        assertThat(run("query", "--db", db.toString(), "--history", "how many").err()).contains("take no question");
    }

    @Test
    void report_should_write_one_self_contained_file() throws Exception {
        Path html = dir.resolve("out/report.html");
        GenerateCommandTest.Result r = run("report", "--db", db.toString(), "--out", html.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("Wrote a report on 2,000 attendees to " + html);
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<h2>Arrivals by hour</h2>").contains("<svg");
        Path md = dir.resolve("report.md");
        assertThat(run("report", "--db", db.toString(), "--out", md.toString()).exit()).isZero();
        assertThat(Files.readString(md)).startsWith("# Attendee demographics").contains("data:image/png;base64,");

        assertThat(run("report", "--db", db.toString(), "--out", "r.pdf").err()).contains("--out r.pdf: the file name must end in .html or .md");
        assertThat(run("report", "--db", dir.resolve("none.db").toString(), "--out", "r.md").exit()).isEqualTo(2);
        GenerateCommandTest.Result asked = run("query", "--db", db.toString(), "Generate a report on attendee demographics");
        assertThat(asked.exit()).as(asked.err()).isZero();
        assertThat(asked.out()).startsWith("2,000 attendees at ").contains("Industries: ").contains("attendees report --db");
    }

    @Test
    void should_escape_control_characters_from_the_data() {
        assertThat(Terminal.clean("Acme\u001b[2J\u0007 Corp")).isEqualTo("Acme\\u001b[2J\\u0007 Corp");
        assertThat(Terminal.clean("plain")).isEqualTo("plain");
        assertThat(Terminal.clean("a\u202eb")).isEqualTo("a\\u202eb");
    }

    /** An XML parser that never fetches the DTD the SVG names. */
    static javax.xml.parsers.DocumentBuilder offline() throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder();
    }
}
