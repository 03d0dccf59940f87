package dev.attendees.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attendees.ConfigurationException;
import dev.attendees.export.AtomicFile;
import dev.attendees.plan.QueryPlan;
import dev.attendees.query.Answer;
import dev.attendees.query.ChartRenderer;
import dev.attendees.query.ChartSpec;
import dev.attendees.query.OfflineTranslator;
import dev.attendees.query.QueryEngine;
import dev.attendees.sql.AttendeeStores;
import dev.attendees.sql.SqlAttendeeStore;
import dev.attendees.store.QueryHistoryEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code attendees query}: a question in plain English answered from a database, offline by
 * default: the answer in words, the rows, what was computed and the SQL that ran. A question it
 * cannot fully account for is refused with the reason (exit status 2); nothing runs.
 */
@Command(
        name = "query",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = "Ask a question about the attendees in a database, in plain English.",
        footer = {
            "",
            "Examples:",
            "  attendees query --db attendees.db \"How many people are interested in Docker?\"",
            "  attendees query --db attendees.db \"Which companies have the most attendees?\"",
            "  attendees query --db attendees.db --follow-up \"and among startups?\"",
            "  attendees query --db attendees.db --json \"startups vs enterprises\"",
            "  attendees query --db attendees.db --chart arrivals.png \"arrivals by hour\"",
            "  attendees query --db attendees.db --history",
            "  attendees query --db attendees.db --favorite 12",
            "  attendees query --db attendees.db --rerun 12",
            "",
            "Answers are read-only SQL, checked and run with a row limit and a timeout.",
            "Exit status: 0 answered; 2 refused or bad input (the reason on stderr,",
            "or as the summary with --json); 1 other failure."
        })
final class QueryCommand implements Callable<Integer> {
    private static final int SHOWN_ROWS = 20;
    private static final int CELL_WIDTH = 40;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE|URL",
            description = "A SQLite file or a postgresql://user:pass@host:port/db URL holding attendees.")
    String db;

    @Option(names = "--json", description = "Print one JSON object (question, sql, columns, rows, summary, engine, confidence,"
            + " explanation, chart).")
    boolean json;

    @Option(names = "--follow-up", description = "Read the question as a follow-up of the last one in the history"
            + " (\"and among startups?\").")
    boolean followUp;

    @Option(names = "--chart", paramLabel = "FILE", description = "Also draw the answer's chart into FILE (.png or .svg).")
    Path chart;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000",
            description = "Return at most N rows (1 to 10000; default ${DEFAULT-VALUE}).")
    int maxRows;

    @ArgGroup(exclusive = true)
    Action action;

    /** What to do instead of asking a question. */
    static final class Action {
        @Option(names = "--history", description = "List the answered questions, newest first.")
        boolean history;

        @Option(names = "--favorites", description = "List the favourite questions.")
        boolean favorites;

        @Option(names = "--favorite", paramLabel = "ID", description = "Mark question ID of the history as a favourite.")
        Long favorite;

        @Option(names = "--unfavorite", paramLabel = "ID", description = "Unmark question ID as a favourite.")
        Long unfavorite;

        @Option(names = "--rerun", paramLabel = "ID", description = "Ask question ID of the history again, on the data as it is now.")
        Long rerun;
    }

    @Parameters(arity = "0..1", paramLabel = "QUESTION", description = "The question, in quotes.")
    String question;

    @Mixin
    AttendeesCommand.Common common = new AttendeesCommand.Common();

    @Override
    public Integer call() {
        AttendeesCommand.configureLogging(common.verbose);
        checkOptions();
        try (SqlAttendeeStore store = openExisting()) {
            QueryEngine engine = QueryEngine.builder(store).maxRows(maxRows).build();
            if (action != null && action.history) {
                return list(engine.history(100), "no questions asked yet");
            }
            if (action != null && action.favorites) {
                return list(engine.favourites(), "no favourite questions yet; mark one with --favorite ID");
            }
            if (action != null && (action.favorite != null || action.unfavorite != null)) {
                return favourite(engine, action.favorite != null ? action.favorite : action.unfavorite, action.favorite != null);
            }
            Answer answer = action != null && action.rerun != null ? engine.rerun(action.rerun) : engine.ask(question, previous(engine));
            return print(answer);
        }
    }

    private void checkOptions() {
        boolean asks = action == null || action.rerun != null;
        if (action == null && (question == null || question.isBlank())) {
            throw new ConfigurationException("QUESTION: ask a question in quotes, or give --history, --favorites, --favorite ID or --rerun ID");
        }
        if (!asks && question != null) {
            throw new ConfigurationException("QUESTION: --history, --favorites, --favorite and --unfavorite take no question");
        }
        if (action != null && action.rerun != null && (question != null || followUp)) {
            throw new ConfigurationException("--rerun ID asks question ID again; it takes no question and no --follow-up");
        }
        if (maxRows < 1 || maxRows > QueryPlan.MAX_LIMIT) {
            throw new ConfigurationException("--max-rows must be between 1 and " + QueryPlan.MAX_LIMIT + ", was " + maxRows);
        }
        if (chart != null) {
            String name = chart.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".png") && !name.endsWith(".svg")) {
                throw new ConfigurationException("--chart " + chart + ": the file name must end in .png or .svg");
            }
        }
    }

    private SqlAttendeeStore openExisting() {
        return StoreOptions.openExisting(db);
    }

    /** The plan of the last question in the history, for --follow-up. */
    private QueryPlan previous(QueryEngine engine) {
        if (!followUp) {
            return null;
        }
        List<QueryHistoryEntry> last = engine.history(1);
        if (last.isEmpty()) {
            throw new ConfigurationException("--follow-up: no earlier question in the history of " + AttendeeStores.mask(db));
        }
        QueryPlan plan = new OfflineTranslator().translate(last.get(0).question(), engine.vocabulary(), null).plan();
        if (plan == null) {
            throw new ConfigurationException("--follow-up: the last question (#" + last.get(0).id() + ") cannot be followed up offline");
        }
        return plan;
    }

    private int print(Answer answer) {
        PrintWriter out = spec.commandLine().getOut();
        if (!answer.refused() && chart != null) {
            drawChart(answer.chart());
        }
        if (json) {
            out.println(toJson(answer));
            out.flush();
            return answer.refused() ? AttendeesCommand.EXIT_BAD_INPUT : 0;
        }
        if (answer.refused()) {
            throw new ConfigurationException(answer.summary());
        }
        out.println(Terminal.clean(answer.summary()));
        out.println();
        if (answer.report() != null) {
            answer.report().sections().forEach(s -> out.println(Terminal.clean(s.title()) + ": " + Terminal.clean(s.summary())));
            out.println();
            out.println("The whole report, with tables and charts: attendees report --db " + AttendeeStores.mask(db) + " --out report.html");
            out.flush();
            return 0;
        }
        table(out, answer);
        out.println();
        out.println("How: " + Terminal.clean(answer.explanation()));
        out.println("SQL: " + Terminal.clean(answer.sql()));
        out.printf(Locale.ROOT, "Engine: %s, confidence %.2f, %d ms%s%n", Terminal.clean(answer.engine()), answer.confidence(),
                answer.elapsed().toMillis(), answer.historyId() == null ? "" : ", question #" + answer.historyId() + " in the history");
        out.flush();
        return 0;
    }

    private void table(PrintWriter out, Answer answer) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(answer.columns().stream().map(Terminal::clean).toList());
        answer.rows().stream().limit(SHOWN_ROWS).forEach(r -> cells.add(r.stream().map(v -> cell(v)).toList()));
        int[] widths = new int[answer.columns().size()];
        for (List<String> row : cells) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String v = cells.get(r).get(c);
                boolean number = r > 0 && answer.rows().get(r - 1).get(c) instanceof Number;
                line.append(c == 0 ? "" : "  ").append(number ? " ".repeat(widths[c] - v.length()) + v : v + " ".repeat(widths[c] - v.length()));
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                out.println("-".repeat(line.toString().stripTrailing().length()));
            }
        }
        int more = answer.rows().size() - SHOWN_ROWS;
        if (more > 0 || answer.truncated()) {
            out.printf(Locale.ROOT, "... %s more rows (all with --json%s)%n", answer.truncated() ? "and" : String.valueOf(more),
                    answer.truncated() ? "; --max-rows raises the limit" : "");
        }
    }

    private static String cell(Object v) {
        String s = v == null ? "" : v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(v);
        s = Terminal.clean(s);
        return s.length() > CELL_WIDTH ? s.substring(0, CELL_WIDTH - 1) + "…" : s;
    }

    private void drawChart(ChartSpec spec) {
        PrintWriter err = spec().commandLine().getErr();
        if (spec.kind() == ChartSpec.Kind.NONE) {
            err.println("attendees: this answer has no chart (a single number or a list); " + chart + " was not written");
            err.flush();
            return;
        }
        ChartRenderer renderer = new ChartRenderer();
        boolean svg = chart.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        try {
            if (svg) {
                AtomicFile.writeString(chart, renderer.svg(spec));
            } else {
                AtomicFile.write(chart, renderer.png(spec));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("--chart " + chart + ": cannot write: " + e.getMessage(), e);
        }
    }

    private CommandSpec spec() {
        return spec;
    }

    private int favourite(QueryEngine engine, long id, boolean on) {
        if (!engine.favourite(id, on)) {
            throw new ConfigurationException((on ? "--favorite " : "--unfavorite ") + id + ": no question " + id + " in the history");
        }
        PrintWriter out = spec.commandLine().getOut();
        QueryHistoryEntry e = engine.entry(id).orElseThrow();
        out.println((on ? "Favourite: #" : "No longer a favourite: #") + id + " " + Terminal.clean(e.question()));
        out.flush();
        return 0;
    }

    private int list(List<QueryHistoryEntry> entries, String none) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (QueryHistoryEntry e : entries) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("question", e.question());
                m.put("sql", e.sql());
                m.put("engine", e.engine());
                m.put("asked_at", e.askedAt().toString());
                m.put("rows", e.rowCount());
                m.put("favorite", e.starred());
                items.add(m);
            }
            out.println(write(items));
        } else if (entries.isEmpty()) {
            out.println(none);
        } else {
            for (QueryHistoryEntry e : entries) {
                out.printf(Locale.ROOT, "#%-5d %s  %s %-8s %6d %s  %s%n", e.id(), WHEN.format(e.askedAt()), e.starred() ? "*" : " ",
                        Terminal.clean(e.engine()), e.rowCount(), e.rowCount() == 1 ? "row " : "rows", Terminal.clean(e.question()));
            }
        }
        out.flush();
        return 0;
    }

    private static String toJson(Answer a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("question", a.question());
        m.put("sql", a.sql());
        m.put("columns", a.columns());
        m.put("rows", a.rows());
        m.put("summary", a.summary());
        m.put("engine", a.engine());
        m.put("confidence", a.confidence());
        m.put("explanation", a.explanation());
        m.put("chart", a.chart().kind() == ChartSpec.Kind.NONE ? null : a.chart());
        m.put("truncated", a.truncated());
        m.put("history_id", a.historyId());
        m.put("elapsed_ms", a.elapsed().toMillis());
        return write(m);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON", e);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
}
