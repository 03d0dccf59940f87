package dev.attendees.spi;

import dev.attendees.plan.QueryPlan;
import dev.attendees.plan.Translation;
import dev.attendees.plan.TranslationCheck;
import dev.attendees.plan.Vocabulary;

/**
 * Turns a question in plain English into a {@link QueryPlan} (or, for a model, SQL), grounded in
 * the values a store holds. The offline translator of {@code attendee-query} is the default; a model
 * through {@code attendee-llm} is the other. Whatever comes back is checked before anything runs.
 */
public interface QuestionTranslator {

    /**
     * Translates one question.
     *
     * @param question the question as asked
     * @param vocabulary the values the store holds, to ground words in
     * @param previous the plan of the question before, for follow-ups ("and among startups?"), or
     *     {@code null}
     * @return a plan with its confidence, or a refusal; never {@code null}
     */
    Translation translate(String question, Vocabulary vocabulary, QueryPlan previous);

    /**
     * Translates one question, letting the engine check the result before it is returned: a
     * translator that can correct itself sends {@code check}'s problem back and tries again (a
     * bounded number of times); the default ignores the check, and the engine checks again anyway.
     */
    default Translation translate(String question, Vocabulary vocabulary, QueryPlan previous, TranslationCheck check) {
        return translate(question, vocabulary, previous);
    }

    /** The translator's name for answers and history: {@code offline}, {@code openai gpt-4o-mini} ... */
    String name();
}
