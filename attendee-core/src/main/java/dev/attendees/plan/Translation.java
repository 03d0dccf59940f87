package dev.attendees.plan;

import java.util.List;

/**
 * What a translator made of a question: a plan (or, from a model, SQL) with its confidence, or a
 * refusal with the reason. A refusal names what was understood and what was not, so the person can
 * rephrase: "I can't answer that: I understood 'attendees' and 'Google' but not 'salary'".
 *
 * @param question the question as asked
 * @param plan the plan, or {@code null} for a refusal or an answer given as SQL
 * @param sql SQL a model wrote instead of a plan, or {@code null}; checked before it runs
 * @param confidence how sure the translator is, 0 to 1 (0 for a refusal)
 * @param refusal why the question is not answered, or {@code null}
 * @param understood the words (or phrases) the translator accounted for
 * @param notUnderstood the words it could not account for
 * @param translator the translator's name ({@code offline}, {@code openai gpt-4o-mini} ...)
 */
public record Translation(String question, QueryPlan plan, String sql, double confidence, String refusal,
        List<String> understood, List<String> notUnderstood, String translator) {

    public Translation {
        understood = understood == null ? List.of() : List.copyOf(understood);
        notUnderstood = notUnderstood == null ? List.of() : List.copyOf(notUnderstood);
    }

    /** A refused question. */
    public static Translation refused(String question, String reason, List<String> understood, List<String> notUnderstood,
            String translator) {
        return new Translation(question, null, null, 0, reason, understood, notUnderstood, translator);
    }

    /** Whether the question was refused. */
    public boolean isRefused() {
        return refusal != null;
    }
}
