package dev.attendees.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.spi.AttendeeStore;
import dev.attendees.sql.SqliteAttendeeStore;
import dev.attendees.store.ImportOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demographics report, on a store that also holds an attendee whose company and title are markup. */
class ReportTest {
    static final String SCRIPT = "<script>alert('x')</script>";

    @TempDir
    static Path dir;

    static AttendeeStore store;
    static Report report;

    @BeforeAll
    static void seed() {
        List<Attendee> people = new ArrayList<>(AttendeeGenerator.builder().seed(4).build().generate(1_500));
        for (int k = 0; k < 100; k++) { // enough to rank among the top companies and titles
            Attendee a = people.get(k);
            people.set(k, new Attendee(a.id(), a.name(), a.email(), SCRIPT, a.eventName(), a.attendanceTime(), "**Chief** | [x](javascript:y)",
                    a.industry(), a.companySize(), a.productInterests(), a.boothVisited(), a.imagePath(), a.createdAt()));
        }
        Path csv = dir.resolve("people.csv");
        AttendeeFormat.CSV.write(csv, people);
        store = SqliteAttendeeStore.open(dir.resolve("r.db"));
        store.importFiles(List.of(csv), ImportOptions.builder().build());
        report = Report.of(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void should_cover_the_demographics_with_numbers_from_the_database() {
        assertThat(report.sections()).extracting(Report.Section::title).containsExactly("Industries", "Company sizes",
                "Companies sending the most people", "Job titles", "Product interests", "Booths visited", "Arrivals by day", "Arrivals by hour");
        long companies = ((Number) store.readOnlySql("SELECT COUNT(DISTINCT company) FROM attendees", 1, Duration.ofSeconds(5)).rows()
                .get(0).get(0)).longValue();
        assertThat(report.overview()).startsWith("1,500 attendees at ").contains(String.format(Locale.US, "from %,d companies", companies));
        assertThat(report.sections().get(0).result().rows().stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum()).isEqualTo(1_500);
        int days = report.sections().get(6).result().rows().size();
        assertThat(report.sections().get(6).chart().kind()).isEqualTo(days > 2 ? ChartSpec.Kind.LINE : ChartSpec.Kind.BAR);
        assertThat(report.sections().get(7).chart().kind()).isEqualTo(ChartSpec.Kind.LINE);
    }

    @Test
    void should_write_html_with_inline_svg_and_escaped_data() {
        String html = report.html(new ChartRenderer());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h2>Industries</h2>").contains("<svg")
                .doesNotContain("<script").doesNotContain("src=\"http").doesNotContain("href=\"http")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void should_write_markdown_with_inline_png_and_escaped_data() {
        String md = report.markdown(new ChartRenderer());

        assertThat(md).startsWith("# Attendee demographics").contains("## Job titles").contains("](data:image/png;base64,iVBOR")
                .doesNotContain(SCRIPT).doesNotContain("[x](javascript").contains("\\*\\*Chief\\*\\* \\| \\[x\\]\\(javascript:y\\)");
    }

    @Test
    void should_answer_a_question_that_asks_for_a_report() {
        Answer a = QueryEngine.builder(store).recordHistory(false).build().ask("Generate a report on attendee demographics");

        assertThat(a.refused()).as(a.summary()).isFalse();
        assertThat(a.report()).isNotNull();
        assertThat(a.summary()).isEqualTo(a.report().overview());
        assertThat(a.rows()).hasSize(8);
        assertThat(a.sql()).contains("GROUP BY");
    }
}
