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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(OfflineTranslator.class);

    private final Map<Vocabulary, Reading> readings = new WeakHashMap<>();

    @Override
    public Translation translate(String question, Vocabulary vocabulary, QueryPlan previous) {
        Reading reading;
        synchronized (readings) {
            reading = readings.computeIfAbsent(vocabulary, Reading::new);
        }
        try {
            return reading.translate(question, previous);
        } catch (RuntimeException e) {
            // A reading this translator has no rule for must be refused, never crash the engine or the CLI.
            LOG.warn("the offline translator could not read '{}': {}", question, e.toString());
            return Translation.refused(question, "I can't answer that: I could not make sense of how its words fit together",
                    java.util.List.of(), java.util.List.of(), NAME);
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
