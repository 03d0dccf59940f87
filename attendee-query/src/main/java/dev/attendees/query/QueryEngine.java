package dev.attendees.query;

import dev.attendees.ConfigurationException;
import dev.attendees.plan.PlanResult;
import dev.attendees.plan.QueryPlan;
import dev.attendees.plan.Translation;
import dev.attendees.plan.TranslationCheck;
import dev.attendees.plan.Vocabulary;
import dev.attendees.query.internal.Charts;
import dev.attendees.query.internal.Explainer;
import dev.attendees.query.internal.Summarizer;
import dev.attendees.spi.AttendeeStore;
import dev.attendees.spi.QuestionTranslator;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.QueryHistoryEntry;
import dev.attendees.store.SqlResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers questions in plain English from a store: translate (offline by default, or a model with
 * the offline translator as its fallback) → check → run read-only with a row limit and a timeout →
 * summarise, explain and chart → record in the store's history.
 *
 * <pre>{@code
 * QueryEngine engine = QueryEngine.builder(store).build();
 * Answer a = engine.ask("How many people are interested in Docker?");
 * a.summary();      // "1,234 attendees interested in Docker: 24.7% of the 5,000 in the database."
 * a.sql();          // the SQL that ran
 * Conversation c = engine.conversation();
 * c.ask("Which companies have the most attendees?");
 * c.ask("and among startups?");
 * }</pre>
 *
 * <p>A question the engine cannot fully account for is refused ({@link Answer#refused()}), with the
 * reason in {@link Answer#summary()}; nothing runs. Thread-safe.
 */
public final class QueryEngine {
    /** The most rows an answer returns unless the builder says otherwise: {@value}. */
    public static final int DEFAULT_MAX_ROWS = 1_000;

    /** How long a question's SQL may run unless the builder says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** The longest question accepted, in characters: {@value}. */
    public static final int MAX_QUESTION_LENGTH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(QueryEngine.class);
    private static final int TITLE_LENGTH = 80;

    private final AttendeeStore store;
    private final QuestionTranslator translator;
    private final QuestionTranslator offline = new OfflineTranslator();
    private final int maxRows;
    private final Duration timeout;
    private final boolean recordHistory;
    private volatile Vocabulary vocabulary;

    private QueryEngine(Builder b) {
        this.store = b.store;
        this.translator = b.translator == null ? offline : b.translator;
        this.maxRows = b.maxRows;
        this.timeout = b.timeout;
        this.recordHistory = b.recordHistory;
    }

    /** A builder of an engine over {@code store}. */
    public static Builder builder(AttendeeStore store) {
        return new Builder(store);
    }

    /** Answers one question on its own. */
    public Answer ask(String question) {
        return ask(question, null);
    }

    /**
     * Answers a question, reading it as a follow-up of {@code previous} ("and among startups?") when
     * that is not {@code null}.
     */
    public Answer ask(String question, QueryPlan previous) {
        long start = System.nanoTime();
        String q = question == null ? "" : question.strip();
        if (q.isEmpty()) {
            return refused(question, "ask a question, for example \"How many attendees are interested in Docker?\"", name(), start);
        }
        if (q.length() > MAX_QUESTION_LENGTH) {
            return refused(q, "the question is " + q.length() + " characters long; at most " + MAX_QUESTION_LENGTH
                    + " are read", name(), start);
        }
        Checked checked = new Checked();
        Translation t = translate(q, previous, checked);
        if (t.isRefused()) {
            return refused(q, t.refusal(), t.translator(), start);
        }
        if (t.plan() == null && t.sql() == null) {
            return report(q, t, start);
        }
        String sql;
        SqlResult result;
        if (t.plan() != null) {
            PlanResult run = store.run(t.plan(), maxRows, timeout);
            sql = run.sql();
            result = run.result();
        } else {
            sql = t.sql();
            result = Objects.equals(checked.sql, sql) && checked.result != null ? checked.result : store.readOnlySql(sql, maxRows, timeout);
        }
        return answer(q, t, sql, result, start);
    }

    private Translation translate(String question, QueryPlan previous, Checked checked) {
        TranslationCheck check = checked.with(store, maxRows, timeout);
        if (translator == offline) {
            return offline.translate(question, vocabulary(), previous, check);
        }
        Translation t;
        try {
            t = translator.translate(question, vocabulary(), previous, check);
            String problem = t.isRefused() ? null : check.problem(t);
            if (problem == null) {
                if (!t.isRefused()) {
                    return t;
                }
            } else {
                t = Translation.refused(question, problem, t.understood(), t.notUnderstood(), t.translator());
            }
        } catch (RuntimeException e) {
            LOG.warn("{} could not translate the question; the offline translator answers instead: {}", translator.name(), e.getMessage());
            t = Translation.refused(question, translator.name() + " failed: " + e.getMessage(), List.of(), List.of(), translator.name());
        }
        Translation fallback = offline.translate(question, vocabulary(), previous, check);
        if (fallback.isRefused()) {
            return t;
        }
        return new Translation(fallback.question(), fallback.plan(), fallback.sql(), fallback.confidence(), null,
                fallback.understood(), fallback.notUnderstood(), OfflineTranslator.NAME + " (fallback from " + translator.name() + ")");
    }

    private Answer answer(String question, Translation t, String sql, SqlResult result, long start) {
        QueryPlan plan = t.plan();
        String summary;
        String explanation;
        ChartSpec chart;
        if (plan != null) {
            long total = needsTotal(plan) ? store.count(AttendeeFilter.ALL) : -1;
            summary = Summarizer.summarize(plan, result, total);
            explanation = Explainer.explain(plan);
            chart = Charts.of(plan, result, title(question));
        } else {
            summary = result.rows().size() + (result.rows().size() == 1 ? " row" : " rows") + (result.truncated() ? " (more were cut)" : "")
                    + " from SQL written by " + t.translator() + ".";
            explanation = "SQL written by " + t.translator() + ", checked by the guard and run read-only.";
            chart = ChartSpec.NONE;
        }
        Long historyId = record(question, sql, t.translator(), result.rows().size());
        return new Answer(question, sql, result.columns(), result.rows(), summary, explanation, chart, t.confidence(), t.translator(),
                false, result.truncated(), plan, historyId, Duration.ofNanos(System.nanoTime() - start), null);
    }

    /** A question that asks for the demographics report: its sections as rows, the overview as the summary. */
    private Answer report(String question, Translation t, long start) {
        Report report = Report.of(store);
        List<List<Object>> rows = report.sections().stream().map(s -> List.<Object>of(s.title(), s.summary())).toList();
        String sql = String.join(";\n", report.sections().stream().map(Report.Section::sql).toList());
        String explanation = "A report on attendee demographics: " + String.join(", ", report.sections().stream()
                .map(s -> s.title().toLowerCase(java.util.Locale.ROOT)).toList()) + ".";
        Long historyId = record(question, sql, t.translator(), rows.size());
        return new Answer(question, sql, List.of("section", "summary"), rows, report.overview(), explanation, ChartSpec.NONE,
                t.confidence(), t.translator(), false, false, null, historyId, Duration.ofNanos(System.nanoTime() - start), report);
    }

    private static boolean needsTotal(QueryPlan plan) {
        return plan.groupBy().isEmpty() && plan.measure() == dev.attendees.plan.Measure.COUNT && !plan.where().isEmpty();
    }

    private Long record(String question, String sql, String engine, long rows) {
        if (!recordHistory) {
            return null;
        }
        try {
            return store.recordQuery(question, sql, engine, rows).id();
        } catch (RuntimeException e) {
            LOG.warn("the question was answered but not kept in the history: {}", e.getMessage());
            return null;
        }
    }

    private Answer refused(String question, String reason, String engine, long start) {
        return new Answer(question, null, List.of(), List.of(), reason, null, ChartSpec.NONE, 0, engine, true, false, null, null,
                Duration.ofNanos(System.nanoTime() - start), null);
    }

    /** A new conversation: each question may follow up on the one before. */
    public Conversation conversation() {
        return new Conversation(this);
    }

    /**
     * Asks a question of the history again, on the data as it is now: a question the offline
     * translator answered is translated again (the same SQL while the data's values are the same);
     * SQL a model wrote runs again as it was, through the guard.
     *
     * @throws ConfigurationException when there is no entry {@code historyId}
     */
    public Answer rerun(long historyId) {
        QueryHistoryEntry entry = entry(historyId)
                .orElseThrow(() -> new ConfigurationException("no question " + historyId + " in the history"));
        if (entry.engine().startsWith(OfflineTranslator.NAME) || entry.sql() == null) {
            return builderLike(offline).ask(entry.question());
        }
        long start = System.nanoTime();
        SqlResult result = store.readOnlySql(entry.sql(), maxRows, timeout);
        Translation t = new Translation(entry.question(), null, entry.sql(), 1, null, List.of(), List.of(), entry.engine());
        return answer(entry.question(), t, entry.sql(), result, start);
    }

    private QueryEngine builderLike(QuestionTranslator with) {
        return with == translator ? this : new Builder(store).translator(with).maxRows(maxRows).timeout(timeout)
                .recordHistory(recordHistory).vocabulary(vocabulary).build();
    }

    /** A history entry by id. */
    public Optional<QueryHistoryEntry> entry(long historyId) {
        return history(Integer.MAX_VALUE).stream().filter(e -> e.id() == historyId).findFirst();
    }

    /** The latest {@code limit} answered questions, newest first. */
    public List<QueryHistoryEntry> history(int limit) {
        return store.queryHistory(limit);
    }

    /** The favourite questions, newest first. */
    public List<QueryHistoryEntry> favourites() {
        return store.favourites();
    }

    /** Marks a question of the history as a favourite, or not; returns whether it exists. */
    public boolean favourite(long historyId, boolean favourite) {
        return store.star(historyId, favourite);
    }

    /** The values questions are grounded in, read from the store once (see {@link #refresh()}). */
    public Vocabulary vocabulary() {
        Vocabulary v = vocabulary;
        if (v == null) {
            synchronized (this) {
                if (vocabulary == null) {
                    vocabulary = StoreVocabulary.of(store);
                }
                v = vocabulary;
            }
        }
        return v;
    }

    /** Reads the store's values again, after attendees were added or removed. */
    public void refresh() {
        synchronized (this) {
            vocabulary = null;
        }
    }

    /** The name of the translator that answers first. */
    public String name() {
        return translator.name();
    }

    private static String title(String question) {
        return question.length() <= TITLE_LENGTH ? question : question.substring(0, TITLE_LENGTH - 1) + "…";
    }

    /** The engine's check of a translation, keeping the rows of SQL it ran to check it. */
    private static final class Checked {
        private String sql;
        private SqlResult result;

        TranslationCheck with(AttendeeStore store, int maxRows, Duration timeout) {
            return t -> {
                try {
                    if (t.plan() != null) {
                        t.plan().validate();
                        return null;
                    }
                    if (t.sql() == null || t.sql().isBlank()) {
                        return "neither a plan nor SQL";
                    }
                    if (t.sql().equals(sql) && result != null) {
                        return null;
                    }
                    SqlResult r = store.readOnlySql(t.sql(), maxRows, timeout);
                    sql = t.sql();
                    result = r;
                    return null;
                } catch (RuntimeException e) {
                    return e.getMessage();
                }
            };
        }
    }

    /** Builds a {@link QueryEngine}. */
    public static final class Builder {
        private final AttendeeStore store;
        private QuestionTranslator translator;
        private int maxRows = DEFAULT_MAX_ROWS;
        private Duration timeout = DEFAULT_TIMEOUT;
        private boolean recordHistory = true;
        private Vocabulary vocabulary;

        private Builder(AttendeeStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** The translator to ask first (default: the offline translator, which is also every other's fallback). */
        public Builder translator(QuestionTranslator translator) {
            this.translator = translator;
            return this;
        }

        /** The most rows an answer returns (1 to {@value QueryPlan#MAX_LIMIT}; default {@value #DEFAULT_MAX_ROWS}). */
        public Builder maxRows(int maxRows) {
            if (maxRows < 1 || maxRows > QueryPlan.MAX_LIMIT) {
                throw new ConfigurationException("max rows must be between 1 and " + QueryPlan.MAX_LIMIT + ", was " + maxRows);
            }
            this.maxRows = maxRows;
            return this;
        }

        /** How long one question's SQL may run (default 10 seconds). */
        public Builder timeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new ConfigurationException("the query timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Whether answered questions are kept in the store's history (default yes). */
        public Builder recordHistory(boolean record) {
            this.recordHistory = record;
            return this;
        }

        /** The values to ground questions in, when already read (default: read from the store on first use). */
        public Builder vocabulary(Vocabulary vocabulary) {
            this.vocabulary = vocabulary;
            return this;
        }

        /** The engine. */
        public QueryEngine build() {
            QueryEngine engine = new QueryEngine(this);
            engine.vocabulary = vocabulary;
            return engine;
        }
    }
}
