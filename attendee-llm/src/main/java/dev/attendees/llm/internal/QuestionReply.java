package dev.attendees.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attendees.ConfigurationException;
import dev.attendees.plan.PlanJson;
import dev.attendees.plan.QueryPlan;
import dev.attendees.plan.Vocabulary;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a model's answer to a question: {@code {"plan": ..., "confidence": C}}, {@code {"sql":
 * "SELECT ...", "confidence": C}} or {@code {"refuse": "REASON"}}; also a bare plan object, or bare
 * SQL beginning with {@code SELECT} or {@code WITH}; in a Markdown code fence or with prose around
 * the JSON. A plan is read strictly ({@link PlanJson#fromJson(String, Vocabulary)}: unknown fields,
 * dimensions and values the data does not hold are problems); SQL gets {@link SqlShape}'s look.
 * Anything else is {@link Unusable}, with the problem to send back.
 */
public final class QuestionReply {
    private static final Pattern FENCE = Pattern.compile("```([A-Za-z]*)[ \\t]*\\r?\\n?(.*?)(?:```|$)", Pattern.DOTALL);
    private static final Pattern SQL_START = Pattern.compile("(?is)^(select|with)\\b.*");

    /** What the model answered. */
    public sealed interface Answer {}

    /** A plan that read and validated; {@code confidence} is {@code NaN} when the model stated none. */
    public record PlanAnswer(QueryPlan plan, double confidence) implements Answer {}

    /** SQL that passed the first look; {@code confidence} is {@code NaN} when the model stated none. */
    public record SqlAnswer(String sql, double confidence) implements Answer {}

    /** The model declined the question, for {@code reason} (one line, escaped). */
    public record Refusal(String reason) implements Answer {}

    /** Nothing usable, for {@code problem} (one line, escaped). */
    public record Unusable(String problem) implements Answer {}

    private QuestionReply() {}

    /** Reads {@code text}, grounding a plan's values in {@code vocabulary}. */
    public static Answer read(String text, Vocabulary vocabulary) {
        if (text == null || text.isBlank()) {
            return unusable("the reply was empty");
        }
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String language = "";
        Matcher fence = FENCE.matcher(body);
        if (fence.find() && !fence.group(2).isBlank()) {
            language = fence.group(1).toLowerCase(Locale.ROOT);
            body = fence.group(2);
        }
        body = body.strip();
        if (!body.startsWith("{") && (language.equals("sql") || SQL_START.matcher(body).matches())) {
            return sql(body, Double.NaN);
        }
        JsonNode doc = body.contains("{") ? JsonExtractor.document(body) : null;
        if (doc == null || !doc.isObject()) {
            return unusable("the reply was neither one JSON object with plan, sql or refuse nor a SELECT statement: '"
                    + Escape.oneLine(body.length() > 80 ? body.substring(0, 80) + "..." : body) + "'");
        }
        return envelope(doc, vocabulary);
    }

    private static Answer envelope(JsonNode doc, Vocabulary vocabulary) {
        int forms = (doc.hasNonNull("plan") ? 1 : 0) + (doc.hasNonNull("sql") ? 1 : 0) + (doc.has("refuse") ? 1 : 0);
        if (forms > 1) {
            return unusable("the reply had more than one of plan, sql and refuse; give exactly one");
        }
        if (forms == 0) {
            if (doc.has("measure")) {
                return plan(doc, Double.NaN, vocabulary);
            }
            return unusable("the reply's JSON object had none of plan, sql and refuse");
        }
        double confidence = confidence(doc.get("confidence"));
        if (doc.has("refuse")) {
            JsonNode r = doc.get("refuse");
            String reason = r == null || r.isNull() ? "" : r.isTextual() ? r.asText() : r.toString();
            return new Refusal(Escape.oneLine(reason.strip().replaceAll("\\s+", " ")));
        }
        if (doc.hasNonNull("sql")) {
            JsonNode s = doc.get("sql");
            if (!s.isTextual()) {
                return unusable("sql must be a string holding one SELECT statement");
            }
            return sql(s.asText(), confidence);
        }
        JsonNode p = doc.get("plan");
        if (!p.isObject()) {
            return unusable("plan must be a JSON object such as {\"measure\": \"count\"}");
        }
        return plan(p, confidence, vocabulary);
    }

    private static Answer plan(JsonNode node, double confidence, Vocabulary vocabulary) {
        try {
            return new PlanAnswer(PlanJson.fromJson(node.toString(), vocabulary), confidence);
        } catch (ConfigurationException e) {
            return unusable(e.getMessage());
        }
    }

    private static Answer sql(String text, double confidence) {
        String problem = SqlShape.problem(text);
        return problem == null ? new SqlAnswer(SqlShape.trimmed(text), confidence) : unusable(problem);
    }

    /** The stated confidence, or {@code NaN}: a number, or a number in a string. */
    static double confidence(JsonNode node) {
        if (node == null || node.isNull()) {
            return Double.NaN;
        }
        double value;
        if (node.isNumber()) {
            value = node.asDouble();
        } else if (node.isTextual()) {
            String t = node.asText().strip();
            boolean percent = t.endsWith("%");
            try {
                value = Double.parseDouble(percent ? t.substring(0, t.length() - 1) : t) / (percent ? 100 : 1);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        } else {
            return Double.NaN;
        }
        return Double.isFinite(value) ? value : Double.NaN;
    }

    private static Unusable unusable(String problem) {
        return new Unusable(Escape.oneLine(problem));
    }
}
