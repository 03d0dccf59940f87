package dev.attendees.llm.internal;

import dev.attendees.ProviderException;
import dev.attendees.Secrets;
import dev.attendees.llm.LlmProvider;
import dev.attendees.llm.LlmSettings;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model behind Resilience4j: a rate limiter (calls per minute), a bulkhead (calls in flight), a
 * circuit breaker (stops calling a server that keeps failing) and a retry with exponential backoff
 * and jitter that honours {@code Retry-After}. Counts calls, retries and tokens. Thread-safe.
 */
public final class LlmClient {
    private static final Logger LOG = LoggerFactory.getLogger(LlmClient.class);
    private static final Pattern KEY_LIKE = Pattern.compile("(sk-[A-Za-z0-9_\\-]{4})[A-Za-z0-9_\\-]{4,}");

    /** A reply: its text and the tokens it cost. */
    public record Reply(String text, long inputTokens, long outputTokens) {}

    private final LlmSettings settings;
    private final ChatModel model;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;
    private final Bulkhead bulkhead;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();

    public LlmClient(LlmSettings settings, String name) {
        this(settings, name, Clock.systemUTC());
    }

    /** With the clock the circuit breaker's wait is measured on (tests move it). */
    LlmClient(LlmSettings settings, String name, Clock clock) {
        this.settings = settings;
        this.model = model(settings);
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(
                settings.initialBackoff().toMillis(), 2.0, 0.5, settings.maxBackoff().toMillis());
        IntervalBiFunction<Object> interval = (attempt, either) -> {
            if (either.isLeft()) {
                Duration asked = retryAfter(either.getLeft());
                if (asked != null) {
                    return Math.min(asked.toMillis(), settings.maxBackoff().toMillis());
                }
            }
            return backoff.apply(attempt);
        };
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalBiFunction(interval)
                .retryOnException(LlmClient::retriable)
                .build());
        this.retry.getEventPublisher().onRetry(e -> {
            retries.incrementAndGet();
            LOG.debug("{}: call failed ({}), try {} in {} ms", name, describe(e.getLastThrowable()),
                    e.getNumberOfRetryAttempts() + 1, e.getWaitInterval().toMillis());
        });
        int window = Math.max(10, 2 * settings.concurrency());
        this.breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowSize(window)
                .minimumNumberOfCalls(Math.max(5, settings.concurrency()))
                .failureRateThreshold(60)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(2)
                .clock(clock)
                // Rate limits are not failures of the server: the retry waits them out.
                .recordException(t -> retriable(t) && status(t) != 429)
                .build());
        this.breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                LOG.warn("{} keeps failing: calls stopped for 30 s (circuit breaker open)", settings.describe());
            } else {
                LOG.debug("{}: circuit breaker {}", name, e.getStateTransition());
            }
        });
        // Permits per 10 s: a wave of calls may start together, and the minute's budget holds.
        int rpm = settings.requestsPerMinute();
        RateLimiterConfig rate = rpm >= 6
                ? RateLimiterConfig.custom().limitForPeriod(rpm / 6).limitRefreshPeriod(Duration.ofSeconds(10))
                        .timeoutDuration(Duration.ofHours(1)).build()
                : RateLimiterConfig.custom().limitForPeriod(1).limitRefreshPeriod(Duration.ofMillis(60_000L / rpm))
                        .timeoutDuration(Duration.ofHours(1)).build();
        this.limiter = RateLimiter.of(name, rate);
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.concurrency())
                .maxWaitDuration(Duration.ofHours(1))
                .build());
    }

    private static ChatModel model(LlmSettings s) {
        RetryAfterHttpClient.Builder http = RetryAfterHttpClient.builder()
                .connectTimeout(s.timeout().compareTo(Duration.ofSeconds(10)) < 0 ? s.timeout() : Duration.ofSeconds(10))
                .readTimeout(s.timeout());
        return switch (s.provider()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(s.baseUrl())
                    .apiKey(s.apiKey())
                    .modelName(s.model())
                    .strictJsonSchema(true)
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(s.baseUrl())
                    .apiKey(s.apiKey())
                    .modelName(s.model())
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(s.baseUrl())
                    .modelName(s.model())
                    .timeout(s.timeout())
                    .maxRetries(0)
                    .build();
        };
    }

    /**
     * Asks the model once (retrying transient failures as configured).
     *
     * @param schema the reply's JSON schema, sent when the settings ask for structured output
     * @throws ProviderException when the call failed for good; {@link ProviderException#retriable()}
     *     false for a rejected key, a missing model or a refused request
     */
    public Reply ask(String system, String user, JsonSchema schema, int maxOutputTokens, double temperature) {
        ChatRequest.Builder request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .maxOutputTokens(maxOutputTokens)
                .temperature(temperature);
        if (settings.structuredOutput() && schema != null) {
            request.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(schema).build());
        }
        ChatRequest chat = request.build();
        Supplier<ChatResponse> call = () -> {
            calls.incrementAndGet();
            return model.chat(chat);
        };
        Supplier<ChatResponse> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker,
                RateLimiter.decorateSupplier(limiter, Bulkhead.decorateSupplier(bulkhead, call))));
        ChatResponse response;
        try {
            response = guarded.get();
        } catch (RuntimeException e) {
            throw failure(e);
        }
        TokenUsage usage = response.tokenUsage();
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        inputTokens.addAndGet(in);
        outputTokens.addAndGet(out);
        // The reply as LangChain4j decoded it from the envelope: a key in JSON escapes shows only now.
        String text = response.aiMessage() == null || response.aiMessage().text() == null ? "" : Secrets.mask(response.aiMessage().text());
        return new Reply(text, in, out);
    }

    /** HTTP calls made, retries included. */
    public long calls() {
        return calls.get();
    }

    /** Retries made. */
    public long retries() {
        return retries.get();
    }

    /** Input tokens so far. */
    public long inputTokens() {
        return inputTokens.get();
    }

    /** Output tokens so far. */
    public long outputTokens() {
        return outputTokens.get();
    }

    /** A one-line note on tokens and, when prices are known, the estimated cost. */
    public String usageNote() {
        String tokens = String.format(Locale.ROOT, "tokens: %,d in, %,d out", inputTokens(), outputTokens());
        if (settings.inputPricePerMillion() == null) {
            return tokens + "; cost unknown for " + settings.model() + " (give prices to estimate it)";
        }
        double cost = inputTokens() / 1e6 * settings.inputPricePerMillion() + outputTokens() / 1e6 * settings.outputPricePerMillion();
        return tokens + String.format(Locale.ROOT, "; estimated cost $%.4f", cost);
    }

    /** Whether trying the same call again may succeed. */
    static boolean retriable(Throwable t) {
        if (t instanceof CallNotPermittedException || t instanceof AuthenticationException || t instanceof ModelNotFoundException) {
            return false;
        }
        int status = status(t);
        if (status > 0) {
            return status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TimeoutException || c instanceof IOException || c instanceof UncheckedIOException
                    || c instanceof dev.langchain4j.exception.RetriableException) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP status in a failure's cause chain, or 0. */
    static int status(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpException h) {
                return h.statusCode();
            }
        }
        return 0;
    }

    static Duration retryAfter(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof RetryAfterHttpClient.StatusException s) {
                return s.retryAfter().orElse(null);
            }
        }
        return null;
    }

    private String describe(Throwable t) {
        int status = status(t);
        if (status > 0) {
            return "HTTP " + status;
        }
        if (t instanceof CallNotPermittedException) {
            return "circuit breaker open";
        }
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TimeoutException || c instanceof java.net.http.HttpTimeoutException) {
                return "no answer within " + settings.timeout().toSeconds() + " s";
            }
            if (c instanceof ConnectException) {
                return "cannot connect to " + Secrets.mask(settings.baseUrl());
            }
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return redact(root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()));
    }

    private ProviderException failure(RuntimeException e) {
        String who = settings.describe();
        int status = status(e);
        LlmProvider p = settings.provider();
        if (e instanceof AuthenticationException || status == 401 || status == 403) {
            String variable = p.keyVariable() != null ? p.keyVariable() : "the server's key";
            return new ProviderException(who + " rejected the API key (HTTP " + status + "): check " + variable, false, e);
        }
        if (e instanceof ModelNotFoundException || status == 404) {
            return new ProviderException(who + " has no model '" + settings.model() + "' (HTTP 404): check --llm-model and --llm-base-url", false, e);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 409 && status != 425 && status != 429) {
            return new ProviderException(who + " refused the request (HTTP " + status + "): " + shortBody(e)
                    + (settings.structuredOutput() ? "; if the server does not support JSON-schema output, try --llm-no-schema" : ""), false, e);
        }
        if (e instanceof CallNotPermittedException) {
            return new ProviderException(who + " failed too often, calls stopped for a while (circuit breaker open)", true, e);
        }
        return new ProviderException(who + " failed after " + settings.maxAttempts() + " tries: " + describe(e), true, e);
    }

    private String shortBody(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpException h && h.getMessage() != null) {
                String m = h.getMessage().replaceAll("\\s+", " ").strip();
                return redact(m.length() > 200 ? m.substring(0, 200) + "..." : m);
            }
        }
        return "no details";
    }

    /**
     * Text from a server or an exception made fit to show or log: secrets masked ({@link Secrets#mask})
     * and anything else that looks like an OpenAI key cut short, control and text-direction
     * characters escaped, on one line.
     */
    static String redact(String text) {
        return Escape.oneLine(KEY_LIKE.matcher(Secrets.mask(text)).replaceAll("$1***"));
    }
}
