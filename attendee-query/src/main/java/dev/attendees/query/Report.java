package dev.attendees.query;

import dev.attendees.plan.Dimension;
import dev.attendees.plan.Grouping;
import dev.attendees.plan.Measure;
import dev.attendees.plan.Metric;
import dev.attendees.plan.Order;
import dev.attendees.plan.PlanResult;
import dev.attendees.plan.QueryPlan;
import dev.attendees.query.internal.Charts;
import dev.attendees.query.internal.Explainer;
import dev.attendees.query.internal.Summarizer;
import dev.attendees.spi.AttendeeStore;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.SqlResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * A report on the attendees' demographics: an overview in a few sentences, then industries, company
 * sizes, job titles, interests, booths, and arrivals by day and by hour, each with its table, chart
 * and summary. Written as one self-contained HTML page (charts inline as SVG) or Markdown (charts
 * inline as PNG), every text of the data escaped.
 *
 * <pre>{@code
 * Report report = Report.of(store);
 * Files.writeString(Path.of("report.html"), report.html(new ChartRenderer()));
 * }</pre>
 */
public final class Report {
    private static final int TOP = 15;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final String title;
    private final long attendees;
    private final String overview;
    private final List<Section> sections;
    private final Instant made;

    /**
     * One part of the report.
     *
     * @param title the section's heading
     * @param explanation what was computed
     * @param sql the SQL that ran
     * @param result its rows
     * @param summary the rows in words
     * @param chart the rows as a chart
     */
    public record Section(String title, String explanation, String sql, SqlResult result, String summary, ChartSpec chart) {}

    private Report(String title, long attendees, String overview, List<Section> sections) {
        this.title = title;
        this.attendees = attendees;
        this.overview = overview;
        this.sections = List.copyOf(sections);
        this.made = Instant.now();
    }

    /** The report on {@code store}'s attendees. */
    public static Report of(AttendeeStore store) {
        long total = store.count(AttendeeFilter.ALL);
        List<Section> sections = new ArrayList<>();
        sections.add(section(store, "Industries", QueryPlan.count().groupBy(Grouping.by(Dimension.INDUSTRY)).orderBy(Order.MOST), total));
        sections.add(section(store, "Company sizes", QueryPlan.count().groupBy(Grouping.by(Dimension.COMPANY_SIZE)).shareOf(List.of())
                .orderBy(Order.MOST), total));
        sections.add(section(store, "Companies sending the most people",
                QueryPlan.count().groupBy(Grouping.by(Dimension.COMPANY)).orderBy(Order.MOST).limit(TOP), total));
        sections.add(section(store, "Job titles", QueryPlan.count().groupBy(Grouping.by(Dimension.JOB_TITLE)).orderBy(Order.MOST).limit(TOP),
                total));
        sections.add(section(store, "Product interests", QueryPlan.count().groupBy(Grouping.by(Dimension.INTEREST)).orderBy(Order.MOST),
                total));
        sections.add(section(store, "Booths visited", QueryPlan.count().groupBy(Grouping.by(Dimension.BOOTH)).orderBy(Order.MOST), total));
        sections.add(section(store, "Arrivals by day", QueryPlan.count().groupBy(Grouping.by(Dimension.ARRIVAL_DAY)).orderBy(Order.GROUP),
                total));
        sections.add(section(store, "Arrivals by hour", QueryPlan.count().groupBy(Grouping.by(Dimension.ARRIVAL_HOUR)).orderBy(Order.GROUP),
                total));
        List<String> events = store.distinctValues(dev.attendees.store.Facet.EVENT_NAME, 4);
        String title = "Attendee demographics" + (events.size() == 1 ? ": " + events.get(0) : "");
        return new Report(title, total, overview(store, total, events), sections);
    }

    private static Section section(AttendeeStore store, String title, QueryPlan plan, long total) {
        PlanResult r = store.run(plan, QueryPlan.MAX_LIMIT, TIMEOUT);
        return new Section(title, Explainer.explain(plan), r.sql(), r.result(), Summarizer.summarize(plan, r.result(), total),
                Charts.of(plan, r.result(), title));
    }

    private static String overview(AttendeeStore store, long total, List<String> events) {
        if (total == 0) {
            return "The database holds no attendees yet.";
        }
        long companies = number(store, QueryPlan.count().countDistinct(Dimension.COMPANY));
        double corporate = number(store, QueryPlan.count().shareOf(List.of(new dev.attendees.plan.Condition.Equals(Dimension.EMAIL_KIND,
                List.of(dev.attendees.plan.EmailKinds.CORPORATE), false))));
        double booths = decimal(store, QueryPlan.count().of(Measure.AVERAGE, Metric.BOOTHS_VISITED));
        double interests = decimal(store, QueryPlan.count().of(Measure.AVERAGE, Metric.INTERESTS));
        String event = events.isEmpty() ? "" : events.size() == 1 ? " at " + events.get(0) : " at " + events.size() + (events.size() >= 4
                ? " or more" : "") + " events";
        return String.format(Locale.US, "%,d attendees%s from %,d companies. %.1f%% registered with a work e-mail address. "
                + "Each lists %.2f product interests and visited %.2f booths on average.", total, event, companies, corporate, interests, booths);
    }

    private static long number(AttendeeStore store, QueryPlan plan) {
        Object v = store.run(plan, 1, TIMEOUT).result().rows().get(0).get(0);
        return v instanceof Number n ? n.longValue() : 0;
    }

    private static double decimal(AttendeeStore store, QueryPlan plan) {
        Object v = store.run(plan, 1, TIMEOUT).result().rows().get(0).get(0);
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** The report's title. */
    public String title() {
        return title;
    }

    /** The number of attendees reported on. */
    public long attendees() {
        return attendees;
    }

    /** A few sentences on the whole crowd. */
    public String overview() {
        return overview;
    }

    /** The sections, in order. */
    public List<Section> sections() {
        return sections;
    }

    /** The report as one HTML page with its charts inline as SVG; needs no network and no script. */
    public String html(ChartRenderer renderer) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(escape(title)).append("</title>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>")
                .append("body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0 1em}td,th{padding:.2em .8em;border-bottom:1px solid #ddd;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}figure{margin:0}figure svg{max-width:100%;height:auto}")
                .append("details{margin:.3em 0 1.5em;color:#555}code{font-size:12px;white-space:pre-wrap}</style></head><body>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(escape(overview)).append("</p>\n");
        for (Section s : sections) {
            h.append("<section><h2>").append(escape(s.title())).append("</h2>\n<p>").append(escape(s.summary())).append("</p>\n");
            if (s.chart().kind() != ChartSpec.Kind.NONE) {
                String svg = renderer.svg(s.chart());
                h.append("<figure>").append(svg.substring(svg.indexOf("<svg"))).append("</figure>\n");
            }
            h.append("<table><thead><tr>");
            s.result().columns().forEach(c -> h.append("<th>").append(escape(c.replace('_', ' '))).append("</th>"));
            h.append("</tr></thead><tbody>\n");
            for (List<Object> row : s.result().rows()) {
                h.append("<tr>");
                row.forEach(v -> h.append(v instanceof Number ? "<td class=\"n\">" : "<td>").append(escape(text(v))).append("</td>"));
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n<details><summary>How</summary><p>").append(escape(s.explanation()))
                    .append("</p><code>").append(escape(s.sql())).append("</code></details></section>\n");
        }
        h.append("<footer><p>Made by attendees on ").append(made).append(".</p></footer>\n</body></html>\n");
        return h.toString();
    }

    /** The report as Markdown, its charts inline as PNG data. */
    public String markdown(ChartRenderer renderer) {
        StringBuilder m = new StringBuilder(64 * 1024);
        m.append("# ").append(markdownText(title)).append("\n\n").append(markdownText(overview)).append("\n");
        for (Section s : sections) {
            m.append("\n## ").append(markdownText(s.title())).append("\n\n").append(markdownText(s.summary())).append("\n\n");
            if (s.chart().kind() != ChartSpec.Kind.NONE) {
                m.append("![").append(markdownText(s.title())).append("](data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(renderer.png(s.chart()))).append(")\n\n");
            }
            m.append('|');
            s.result().columns().forEach(c -> m.append(' ').append(markdownText(c.replace('_', ' '))).append(" |"));
            m.append("\n|");
            s.result().columns().forEach(c -> m.append(" --- |"));
            m.append('\n');
            for (List<Object> row : s.result().rows()) {
                m.append('|');
                row.forEach(v -> m.append(' ').append(markdownText(text(v))).append(" |"));
                m.append('\n');
            }
            m.append("\n").append(markdownText(s.explanation())).append("\n\n```sql\n").append(s.sql().replace("```", "` ` `"))
                    .append("\n```\n");
        }
        return m.toString();
    }

    private static String text(Object v) {
        return v == null ? "" : v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(v);
    }

    /** Text made safe inside HTML elements and attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** Text that Markdown shows as written: its markup characters and any HTML escaped, on one line. */
    static String markdownText(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_{}[]()#+!|<>~".indexOf(c) >= 0) {
                out.append(c == '<' ? "&lt;" : c == '>' ? "&gt;" : "\\" + c);
            } else if (c == '&') {
                out.append("&amp;");
            } else {
                out.append(c < 0x20 ? ' ' : c);
            }
        }
        return out.toString();
    }
}
