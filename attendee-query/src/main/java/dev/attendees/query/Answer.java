package dev.attendees.query;

import dev.attendees.plan.QueryPlan;
import java.time.Duration;
import java.util.List;

/**
 * The answer to one question: the rows, the SQL that produced them, a summary in words, an
 * explanation of what was computed, a chart spec, and how sure the translator was. A refused
 * question has no SQL and no rows, and says why in {@link #summary()}.
 *
 * @param question the question as asked
 * @param sql the SQL that ran, or {@code null} when refused
 * @param columns the column names
 * @param rows the rows (numbers as {@code Long} or {@code Double}, text as {@code String})
 * @param summary the answer in words, or the reason of a refusal
 * @param explanation what was computed, in words ("Counting attendees interested in Docker.")
 * @param chart a chart of the rows, or {@link ChartSpec#NONE}
 * @param confidence the translator's confidence, 0 to 1
 * @param engine the translator that answered ({@code offline}, {@code openai gpt-4o-mini} ...)
 * @param refused whether the question was refused
 * @param truncated whether more rows were there than were returned
 * @param plan the plan, or {@code null} (refused, or SQL written by a model)
 * @param historyId the question's entry in the store's history, or {@code null} when not recorded
 * @param elapsed from the question to the answer
 * @param report the report, when the question asked for one ("a report on attendee demographics"), else {@code null}
 */
public record Answer(String question, String sql, List<String> columns, List<List<Object>> rows, String summary,
        String explanation, ChartSpec chart, double confidence, String engine, boolean refused, boolean truncated,
        QueryPlan plan, Long historyId, Duration elapsed, Report report) {

    public Answer {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
    }
}
