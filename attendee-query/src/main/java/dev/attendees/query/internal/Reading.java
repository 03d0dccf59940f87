package dev.attendees.query.internal;

import dev.attendees.query.OfflineTranslator;
import dev.attendees.plan.QueryPlan;
import dev.attendees.plan.Translation;
import dev.attendees.plan.Vocabulary;
import java.util.List;

/** The offline translator for one store's vocabulary: its phrases, built once. */
public final class Reading {
    private final Phrases phrases;

    public Reading(Vocabulary vocabulary) {
        this.phrases = Phrases.of(vocabulary);
        this.vocabulary = vocabulary;
    }

    private final Vocabulary vocabulary;

    /** Translates one question (see {@link OfflineTranslator}). */
    public Translation translate(String question, QueryPlan previous) {
        if (question == null || question.isBlank()) {
            return Translation.refused(question, "I can't answer that: the question is empty", List.of(), List.of(),
                    OfflineTranslator.NAME);
        }
        if (question.length() > 500) {
            return Translation.refused(question, "I can't answer that: a question of more than 500 characters is too long",
                    List.of(), List.of(), OfflineTranslator.NAME);
        }
        List<Token> tokens = Words.splitHyphens(Words.tokens(question, true), phrases::beginsPhrase);
        List<Span> spans = Scanner.scan(tokens, phrases);
        Interpreter.Result r = new Interpreter(tokens, spans, vocabulary, previous).interpret();
        if (r.refusal() != null) {
            return Translation.refused(question, r.refusal(), r.understood(), r.notUnderstood(), OfflineTranslator.NAME);
        }
        if (r.report()) {
            return new Translation(question, null, null, r.confidence(), null, r.understood(), List.of(),
                    OfflineTranslator.NAME + ":report");
        }
        return new Translation(question, r.plan(), null, r.confidence(), null, r.understood(), List.of(), OfflineTranslator.NAME);
    }

    /** The phrases a question was read as, for diagnosing the translator. */
    public String explainReading(String question) {
        return Interpreter.debug(Scanner.scan(Words.splitHyphens(Words.tokens(question, true), phrases::beginsPhrase), phrases)).toString();
    }
}
