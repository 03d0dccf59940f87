package dev.attendees.llm;

import dev.attendees.ConfigurationException;
import dev.attendees.ProviderException;
import dev.attendees.Secrets;
import dev.attendees.llm.internal.Escape;
import dev.attendees.llm.internal.LlmClient;
import dev.attendees.llm.internal.QuestionPrompts;
import dev.attendees.llm.internal.QuestionReply;
import dev.attendees.plan.QueryPlan;
import dev.attendees.plan.Translation;
import dev.attendees.plan.TranslationCheck;
import dev.attendees.plan.Vocabulary;
import dev.attendees.spi.ProviderReport;
import dev.attendees.spi.QuestionTranslator;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions through a language model: the model reads the question with the schema, the values the
 * store holds, the plan's JSON form and worked examples, and answers with a {@link QueryPlan} as
 * JSON (preferred), with one SELECT, or with a refusal. Nothing it writes runs as it is: a plan is
 * read strictly and validated, its values grounded in the {@link Vocabulary}; SQL gets a first
 * lexical look here and is returned as {@link Translation#sql()} only once the engine's
 * {@link TranslationCheck} accepts it. A rejected answer goes back to the model with the problem,
 * up to {@link Builder#maxCorrections(int) maxCorrections} times; then the question is refused,
 * naming the last problem.
 *
 * <p>The prompt treats the values, the previous plan and the question as data: each sits in its own
 * delimited block as JSON, with {@code <}, {@code >} and {@code &} escaped, so that attendee data or a
 * question saying "ignore previous instructions" cannot step out of it; registered keys are masked
 * in whatever is sent, logged or returned. {@code docs/prompts.md} shows the prompt.
 *
 * <p><b>Confidence.</b> The model's own number (0 to 1; {@value #UNSTATED_CONFIDENCE} when it gives
 * none), at most {@value #MAX_PLAN_CONFIDENCE} for a plan and {@value #MAX_SQL_CONFIDENCE} for SQL
 * (checked for safety, not for meaning), less {@value #CORRECTION_PENALTY} for each correction the
 * answer needed, and never below {@value #MIN_CONFIDENCE}; a refusal has 0. A model's confidence is
 * its own estimate, not measured like the offline translator's.
 *
 * <pre>{@code
 * QuestionTranslator llm = LlmQuestionTranslator.builder()
 *         .settings(LlmSettings.builder().provider(LlmProvider.OPENAI).build())   // OPENAI_API_KEY
 *         .fallback(new OfflineTranslator())        // when the provider cannot be reached
 *         .build();
 * Translation t = llm.translate("Which companies sent the most Kubernetes fans?", vocabulary, null, engineCheck);
 * t.plan();         // count, grouped by company, interests include Kubernetes, most first
 * t.translator();   // "openai gpt-4o-mini"
 * }</pre>
 *
 * Thread-safe: questions may be translated from several threads at once.
 */
public final class LlmQuestionTranslator implements QuestionTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(LlmQuestionTranslator.class);

    /** Times a rejected answer is sent back for a correction when not set: {@value} (so at most three calls). */
    public static final int DEFAULT_MAX_CORRECTIONS = 2;

    /** The most corrections that may be asked for: {@value}. */
    public static final int MAX_CORRECTIONS = 5;

    /** Values shown per dimension (companies, job titles ...) when not set: {@value}. */
    public static final int DEFAULT_VALUES_SHOWN = 200;

    /** The longest question sent to the model: {@value} characters; a longer one is refused. */
    public static final int MAX_QUESTION_LENGTH = 2_000;

    /** Output tokens one answer may use: {@value}. */
    public static final int MAX_OUTPUT_TOKENS = 1_500;

    /** The sampling temperature: {@value}, the same question giving the same answer as far as the provider allows. */
    public static final double TEMPERATURE = 0.0;

    /** The confidence of an answer whose model stated none: {@value}. */
    public static final double UNSTATED_CONFIDENCE = 0.5;

    /** The highest confidence of a plan from a model: {@value}. */
    public static final double MAX_PLAN_CONFIDENCE = 0.9;

    /** The highest confidence of SQL from a model: {@value}, below the 0.8 that marks answers to trust. */
    public static final double MAX_SQL_CONFIDENCE = 0.7;

    /** What each correction an answer needed takes off its confidence: {@value}. */
    public static final double CORRECTION_PENALTY = 0.15;

    /** The lowest confidence of an answer that was not refused: {@value}. */
    public static final double MIN_CONFIDENCE = 0.05;

    private static final String REFUSAL = "I can't answer that: ";

    private final LlmSettings settings;
    private final int maxCorrections;
    private final int valuesShown;
    private final QuestionTranslator fallback;
    private final LlmClient client;
    private final String name;

    private LlmQuestionTranslator(Builder b) {
        this.settings = b.settings;
        this.maxCorrections = b.maxCorrections;
        this.valuesShown = b.valuesShown;
        this.fallback = b.fallback;
        this.client = new LlmClient(settings, "llm-question");
        this.name = Secrets.mask(settings.provider().id() + " " + settings.model());
    }

    /** A builder; {@link Builder#settings(LlmSettings)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A translator with these settings and every default. */
    public static LlmQuestionTranslator of(LlmSettings settings) {
        return builder().settings(settings).build();
    }

    @Override
    public Translation translate(String question, Vocabulary vocabulary, QueryPlan previous) {
        return translate(question, vocabulary, previous, TranslationCheck.NONE);
    }

    /**
     * Translates one question, sending a rejected answer back to the model with its problem: a reply
     * that is neither a plan, SQL nor a refusal, a plan that does not read or validate or names values
     * the data does not hold, SQL that fails the first look, or an answer {@code check} refuses.
     *
     * @throws ProviderException when the provider fails for good (a rejected key, a missing model,
     *     or failures past the retries) and there is no {@linkplain Builder#fallback fallback} for it
     */
    @Override
    public Translation translate(String question, Vocabulary vocabulary, QueryPlan previous, TranslationCheck check) {
        Objects.requireNonNull(check, "check");
        Vocabulary values = vocabulary == null ? Vocabulary.EMPTY : vocabulary;
        if (question == null || question.isBlank()) {
            return refused(question, "the question is empty");
        }
        if (question.length() > MAX_QUESTION_LENGTH) {
            return refused(question, String.format(Locale.ROOT, "the question is longer than %,d characters", MAX_QUESTION_LENGTH));
        }
        String system = QuestionPrompts.system();
        List<ChatMessage> turns = new ArrayList<>();
        turns.add(UserMessage.from(QuestionPrompts.user(question, values, previous, valuesShown)));
        String problem = null;
        for (int corrections = 0; corrections <= maxCorrections; corrections++) {
            LlmClient.Reply reply;
            try {
                reply = client.ask(system, turns, null, MAX_OUTPUT_TOKENS, TEMPERATURE);
            } catch (ProviderException e) {
                if (fallback != null && e.retriable() && settings.fallbackToOffline()) {
                    LOG.warn("{}; answering with the {} translator", e.getMessage(), fallback.name());
                    return fallback.translate(question, vocabulary, previous, check);
                }
                throw e;
            }
            QuestionReply.Answer answer = QuestionReply.read(reply.text(), values);
            Translation candidate = null;
            if (answer instanceof QuestionReply.Refusal r) {
                return refused(question, r.reason().isBlank() ? name + " declined the question" : r.reason());
            } else if (answer instanceof QuestionReply.Unusable u) {
                problem = u.problem();
            } else if (answer instanceof QuestionReply.PlanAnswer p) {
                candidate = new Translation(question, p.plan(), null, confidence(p.confidence(), MAX_PLAN_CONFIDENCE, corrections),
                        null, List.of(), List.of(), name);
            } else if (answer instanceof QuestionReply.SqlAnswer s) {
                candidate = new Translation(question, null, s.sql(), confidence(s.confidence(), MAX_SQL_CONFIDENCE, corrections),
                        null, List.of(), List.of(), name);
            }
            if (candidate != null) {
                String refused = check.problem(candidate);
                if (refused == null) {
                    return candidate;
                }
                problem = Escape.oneLine(Secrets.mask(refused));
            }
            LOG.debug("{}: answer {} rejected: {}", name, corrections + 1, problem);
            turns.add(AiMessage.from(reply.text().isBlank() ? "(an empty reply)" : reply.text()));
            turns.add(UserMessage.from(QuestionPrompts.correction(problem)));
        }
        int tries = maxCorrections + 1;
        return refused(question, name + " gave no usable answer in " + tries + (tries == 1 ? " try" : " tries")
                + "; the last problem: " + problem);
    }

    /**
     * The confidence of an answer: the stated number ({@value #UNSTATED_CONFIDENCE} when none) in 0..{@code cap},
     * less {@value #CORRECTION_PENALTY} per correction, at least {@value #MIN_CONFIDENCE}, to two decimals.
     */
    static double confidence(double stated, double cap, int corrections) {
        double c = Double.isNaN(stated) ? UNSTATED_CONFIDENCE : Math.max(0, Math.min(1, stated));
        c = Math.min(c, cap) - CORRECTION_PENALTY * corrections;
        return Math.round(Math.max(MIN_CONFIDENCE, c) * 100) / 100.0;
    }

    private Translation refused(String question, String reason) {
        String why = Escape.oneLine(Secrets.mask(reason.strip()));
        if (why.regionMatches(true, 0, REFUSAL, 0, REFUSAL.length())) {
            why = why.substring(REFUSAL.length()).strip();
        }
        return Translation.refused(question, REFUSAL + why, List.of(), List.of(), name);
    }

    /** {@code openai gpt-4o-mini}: the provider and the model, never the key. */
    @Override
    public String name() {
        return name;
    }

    /** HTTP calls made so far, retries and corrections included. */
    public long calls() {
        return client.calls();
    }

    /** A note on the calls, tokens and (when prices are known) the estimated cost so far. */
    public ProviderReport report() {
        if (client.calls() == 0) {
            return ProviderReport.EMPTY;
        }
        return new ProviderReport(Map.of(), List.of(name + ": " + client.calls() + " call" + (client.calls() == 1 ? "" : "s")
                + "; " + client.usageNote()));
    }

    /** The settings this translator asks with. */
    public LlmSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "LlmQuestionTranslator[" + settings.describe() + ", corrections " + maxCorrections + ", values shown "
                + valuesShown + (fallback == null ? "" : ", fallback " + fallback.name()) + "]";
    }

    /** Configures an {@link LlmQuestionTranslator}. Setters check their argument at once. */
    public static final class Builder {
        private LlmSettings settings;
        private int maxCorrections = DEFAULT_MAX_CORRECTIONS;
        private int valuesShown = DEFAULT_VALUES_SHOWN;
        private QuestionTranslator fallback;

        private Builder() {}

        /** Provider, model, key, timeouts and retries. Required. */
        public Builder settings(LlmSettings value) {
            this.settings = Objects.requireNonNull(value, "settings");
            return this;
        }

        /**
         * How many times a rejected answer is sent back for a correction, 0..{@value LlmQuestionTranslator#MAX_CORRECTIONS};
         * default {@value LlmQuestionTranslator#DEFAULT_MAX_CORRECTIONS}.
         */
        public Builder maxCorrections(int times) {
            if (times < 0 || times > MAX_CORRECTIONS) {
                throw new ConfigurationException("LLM question corrections must be between 0 and " + MAX_CORRECTIONS + ", was " + times);
            }
            this.maxCorrections = times;
            return this;
        }

        /**
         * How many values of one dimension the prompt shows at most, 10..10000; default
         * {@value LlmQuestionTranslator#DEFAULT_VALUES_SHOWN}. Beyond that, the values that share a
         * word with the question come first; a plan may still name any value the data holds.
         */
        public Builder valuesShown(int values) {
            if (values < 10 || values > 10_000) {
                throw new ConfigurationException("LLM values shown must be between 10 and 10000, was " + values);
            }
            this.valuesShown = values;
            return this;
        }

        /**
         * The translator that answers when the provider fails past its retries (not for a rejected
         * key or a missing model, which are errors to fix), if the settings
         * {@linkplain LlmSettings#fallbackToOffline() fall back}; none by default, and the failure
         * is thrown.
         */
        public Builder fallback(QuestionTranslator translator) {
            this.fallback = translator;
            return this;
        }

        /** The translator. */
        public LlmQuestionTranslator build() {
            if (settings == null) {
                throw new ConfigurationException("LlmQuestionTranslator needs settings(...)");
            }
            return new LlmQuestionTranslator(this);
        }
    }
}
