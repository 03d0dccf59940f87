package dev.attendees.query;

import dev.attendees.plan.QueryPlan;
import dev.attendees.plan.Vocabulary;
import dev.attendees.plan.Translation;
import dev.attendees.query.internal.Reading;
import dev.attendees.spi.QuestionTranslator;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The default translator: plain English to a {@link QueryPlan}, with no model, no key and no
 * network, the same plan for the same question. It reads a question against a lexicon (synonyms,
 * measures, time words, cues such as "interested in" or "visited") and against the values the store
 * holds (its interests, booths, companies, job titles), forgives small misspellings, and refuses a
 * question it cannot fully account for instead of answering part of it.
 *
 * <pre>{@code
 * Translation t = new OfflineTranslator().translate("How many people are interested in Docker?", vocabulary, null);
 * t.plan();        // count, where interests include Docker
 * t.confidence();  // 0.97
 * }</pre>
 */
public final class OfflineTranslator implements QuestionTranslator {
    /** This translator's name in answers and history: {@value}. */
    public static final String NAME = "offline";

    private final Map<Vocabulary, Reading> readings = new WeakHashMap<>();

    @Override
    public Translation translate(String question, Vocabulary vocabulary, QueryPlan previous) {
        Reading reading;
        synchronized (readings) {
            reading = readings.computeIfAbsent(vocabulary, Reading::new);
        }
        return reading.translate(question, previous);
    }

    @Override
    public String name() {
        return NAME;
    }
}
