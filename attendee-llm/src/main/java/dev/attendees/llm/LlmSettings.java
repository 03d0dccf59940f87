package dev.attendees.llm;

import dev.attendees.ConfigurationException;
import dev.attendees.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which model to ask and how: provider, endpoint, model, and the limits of a run (calls in flight,
 * records per call, timeouts, retries, rate limit, fallback). Immutable and thread-safe; every
 * setting has a default, and the API key comes from the provider's environment variable unless
 * given.
 *
 * <pre>{@code
 * LlmSettings openai = LlmSettings.builder()
 *         .provider(LlmProvider.OPENAI)           // key from OPENAI_API_KEY
 *         .model("gpt-4o-mini")
 *         .concurrency(10)                        // calls in flight
 *         .batchSize(20)                          // records per call
 *         .build();
 *
 * LlmSettings local = LlmSettings.builder()       // any OpenAI-compatible server, no key needed
 *         .provider(LlmProvider.OPENAI)
 *         .baseUrl("http://localhost:8000/v1")
 *         .model("qwen2.5-7b-instruct")
 *         .build();
 * }</pre>
 */
public final class LlmSettings {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LlmSettings.class);

    /** Calls in flight at once when not set: {@value}. */
    public static final int DEFAULT_CONCURRENCY = 10;

    /** The most calls in flight: {@value}. */
    public static final int MAX_CONCURRENCY = 256;

    /** Records asked for in one call when not set: {@value}, as the original specification asks. */
    public static final int DEFAULT_BATCH_SIZE = 20;

    /** The most records asked for in one call: {@value}. */
    public static final int MAX_BATCH_SIZE = 100;

    /** How long one call may take before it is abandoned and retried: 120 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** Tries of one call (the first included) on timeouts, 429, 5xx and network errors: {@value}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    /** The first wait before a retry; it doubles each time, with jitter, unless the server says {@code Retry-After}: 1 second. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);

    /** The longest wait before a retry, also the cap on a server's {@code Retry-After}: 60 seconds. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(60);

    /**
     * How many times one batch is asked for before its missing records come from the offline
     * engine (a reply that was unusable, or had too few good records): {@value}.
     */
    public static final int DEFAULT_BATCH_ATTEMPTS = 3;

    /** Calls started per minute at most, across all threads: {@value} (OpenAI's first usage tier). */
    public static final int DEFAULT_REQUESTS_PER_MINUTE = 500;

    /** Sampling temperature for records: {@value}, for variety between batches. */
    public static final double DEFAULT_TEMPERATURE = 0.9;

    private final LlmProvider provider;
    private final String baseUrl;
    private final String model;
    private final String apiKey;
    private final int concurrency;
    private final int batchSize;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int batchAttempts;
    private final int requestsPerMinute;
    private final double temperature;
    private final boolean structuredOutput;
    private final boolean fallbackToOffline;
    private final Double inputPricePerMillion;
    private final Double outputPricePerMillion;
    private final Builder builder;

    private LlmSettings(Builder b, String baseUrl, String model, String apiKey, Double inPrice, Double outPrice) {
        this.builder = b.copy();
        this.provider = b.provider;
        this.baseUrl = baseUrl;
        this.model = model;
        this.apiKey = apiKey;
        this.concurrency = b.concurrency;
        this.batchSize = b.batchSize;
        this.timeout = b.timeout;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.batchAttempts = b.batchAttempts;
        this.requestsPerMinute = b.requestsPerMinute;
        this.temperature = b.temperature;
        this.structuredOutput = b.structuredOutput;
        this.fallbackToOffline = b.fallbackToOffline;
        this.inputPricePerMillion = inPrice;
        this.outputPricePerMillion = outPrice;
    }

    /** A builder with every default: OpenAI, {@code gpt-4o-mini}, key from {@code OPENAI_API_KEY}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to derive a variant. */
    public Builder toBuilder() {
        return builder.copy();
    }

    /** The provider (protocol). */
    public LlmProvider provider() {
        return provider;
    }

    /** The endpoint's base URL, resolved: given, else from the provider's variable, else public. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The model's name, resolved. */
    public String model() {
        return model;
    }

    /** The API key, or {@code null} when the endpoint needs none. Never logged, never written. */
    public String apiKey() {
        return apiKey;
    }

    /** Calls in flight at once. */
    public int concurrency() {
        return concurrency;
    }

    /** Records asked for in one call. */
    public int batchSize() {
        return batchSize;
    }

    /** How long one call may take. */
    public Duration timeout() {
        return timeout;
    }

    /** Tries of one call, the first included. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The first wait before a retry. */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** The longest wait before a retry. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** How many times one batch is asked for before the offline engine fills it. */
    public int batchAttempts() {
        return batchAttempts;
    }

    /** Calls started per minute at most. */
    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** Sampling temperature for records. */
    public double temperature() {
        return temperature;
    }

    /** Whether calls ask for JSON-schema structured output (off for servers that reject it). */
    public boolean structuredOutput() {
        return structuredOutput;
    }

    /** Whether records the model could not give come from the offline engine (else the run fails). */
    public boolean fallbackToOffline() {
        return fallbackToOffline;
    }

    /** US dollars per million input tokens, or {@code null} when unknown (no cost estimate). */
    public Double inputPricePerMillion() {
        return inputPricePerMillion;
    }

    /** US dollars per million output tokens, or {@code null} when unknown. */
    public Double outputPricePerMillion() {
        return outputPricePerMillion;
    }

    /**
     * {@code openai gpt-4o-mini} or {@code openai qwen2.5 at http://localhost:8000/v1}: never the key,
     * nor a password in the URL.
     */
    public String describe() {
        return Secrets.mask(provider.id() + " " + model + (baseUrl.equals(provider.defaultBaseUrl()) ? "" : " at " + baseUrl));
    }

    @Override
    public String toString() {
        return "LlmSettings[" + describe() + ", key " + (apiKey == null ? "none" : "set (hidden)") + ", concurrency "
                + concurrency + ", batch " + batchSize + ", timeout " + timeout + "]";
    }

    /**
     * Configures {@link LlmSettings}. Setters check their argument at once; {@link #build()}
     * resolves the key, base URL and model.
     */
    public static final class Builder {
        private LlmProvider provider = LlmProvider.OPENAI;
        private String baseUrl;
        private String model;
        private String apiKey;
        private Function<String, String> environment = System::getenv;
        private int concurrency = DEFAULT_CONCURRENCY;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private int batchAttempts = DEFAULT_BATCH_ATTEMPTS;
        private int requestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;
        private double temperature = DEFAULT_TEMPERATURE;
        private boolean structuredOutput = true;
        private boolean fallbackToOffline = true;
        private Double inputPricePerMillion;
        private Double outputPricePerMillion;

        private Builder() {}

        private Builder copy() {
            Builder b = new Builder();
            b.provider = provider;
            b.baseUrl = baseUrl;
            b.model = model;
            b.apiKey = apiKey;
            b.environment = environment;
            b.concurrency = concurrency;
            b.batchSize = batchSize;
            b.timeout = timeout;
            b.maxAttempts = maxAttempts;
            b.initialBackoff = initialBackoff;
            b.maxBackoff = maxBackoff;
            b.batchAttempts = batchAttempts;
            b.requestsPerMinute = requestsPerMinute;
            b.temperature = temperature;
            b.structuredOutput = structuredOutput;
            b.fallbackToOffline = fallbackToOffline;
            b.inputPricePerMillion = inputPricePerMillion;
            b.outputPricePerMillion = outputPricePerMillion;
            return b;
        }

        /** The provider; {@link LlmProvider#OPENAI} by default. */
        public Builder provider(LlmProvider value) {
            this.provider = Objects.requireNonNull(value, "provider");
            return this;
        }

        /** The endpoint, e.g. {@code http://localhost:8000/v1} for an OpenAI-compatible server. */
        public Builder baseUrl(String url) {
            if (url == null || url.isBlank()) {
                throw new ConfigurationException("LLM base URL must not be empty");
            }
            String u = url.strip();
            URI uri;
            try {
                uri = URI.create(u);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("LLM base URL is not a URL: '" + Secrets.mask(u) + "'");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new ConfigurationException("LLM base URL must be an http(s) URL such as http://localhost:8000/v1, was '"
                        + Secrets.mask(u) + "'");
            }
            if (uri.getUserInfo() != null && uri.getUserInfo().contains(":")) {
                Secrets.register(uri.getUserInfo().substring(uri.getUserInfo().indexOf(':') + 1));
            }
            this.baseUrl = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
            return this;
        }

        /** The model's name; the provider's {@link LlmProvider#defaultModel()} by default. */
        public Builder model(String name) {
            if (name == null || name.isBlank()) {
                throw new ConfigurationException("LLM model name must not be empty");
            }
            this.model = name.strip();
            return this;
        }

        /**
         * The API key, for programs that hold it elsewhere; by default it is read from the
         * provider's environment variable ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}).
         */
        public Builder apiKey(String key) {
            this.apiKey = key == null || key.isBlank() ? null : key.strip();
            return this;
        }

        /** Where environment variables are read from; {@code System::getenv} by default. */
        public Builder environment(Function<String, String> lookup) {
            this.environment = Objects.requireNonNull(lookup, "environment");
            return this;
        }

        /** Calls in flight at once, 1..{@value LlmSettings#MAX_CONCURRENCY}; default {@value LlmSettings#DEFAULT_CONCURRENCY}. */
        public Builder concurrency(int calls) {
            if (calls < 1 || calls > MAX_CONCURRENCY) {
                throw new ConfigurationException("LLM concurrency must be between 1 and " + MAX_CONCURRENCY + ", was " + calls);
            }
            this.concurrency = calls;
            return this;
        }

        /** Records per call, 1..{@value LlmSettings#MAX_BATCH_SIZE}; default {@value LlmSettings#DEFAULT_BATCH_SIZE}. */
        public Builder batchSize(int records) {
            if (records < 1 || records > MAX_BATCH_SIZE) {
                throw new ConfigurationException("LLM batch size must be between 1 and " + MAX_BATCH_SIZE + ", was " + records);
            }
            this.batchSize = records;
            return this;
        }

        /** How long one call may take; default 120 seconds. */
        public Builder timeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new ConfigurationException("LLM timeout must be positive, was " + value);
            }
            this.timeout = value;
            return this;
        }

        /** Tries of one call, 1..20, the first included; default {@value LlmSettings#DEFAULT_MAX_ATTEMPTS}. */
        public Builder maxAttempts(int tries) {
            if (tries < 1 || tries > 20) {
                throw new ConfigurationException("LLM max attempts must be between 1 and 20, was " + tries);
            }
            this.maxAttempts = tries;
            return this;
        }

        /** The first and the longest wait between retries; defaults 1 s and 60 s. */
        public Builder backoff(Duration initial, Duration max) {
            if (initial == null || max == null || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
                throw new ConfigurationException("LLM backoff needs 0 < initial <= max, was " + initial + " and " + max);
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** How many times one batch is asked for, 1..10; default {@value LlmSettings#DEFAULT_BATCH_ATTEMPTS}. */
        public Builder batchAttempts(int tries) {
            if (tries < 1 || tries > 10) {
                throw new ConfigurationException("LLM batch attempts must be between 1 and 10, was " + tries);
            }
            this.batchAttempts = tries;
            return this;
        }

        /** Calls started per minute at most, 1..100,000; default {@value LlmSettings#DEFAULT_REQUESTS_PER_MINUTE}. */
        public Builder requestsPerMinute(int calls) {
            if (calls < 1 || calls > 100_000) {
                throw new ConfigurationException("LLM requests per minute must be between 1 and 100000, was " + calls);
            }
            this.requestsPerMinute = calls;
            return this;
        }

        /** Sampling temperature, 0..2; default {@value LlmSettings#DEFAULT_TEMPERATURE}. */
        public Builder temperature(double value) {
            if (!(value >= 0 && value <= 2)) {
                throw new ConfigurationException("LLM temperature must be between 0 and 2, was " + value);
            }
            this.temperature = value;
            return this;
        }

        /** Whether to ask for JSON-schema structured output; on by default. */
        public Builder structuredOutput(boolean on) {
            this.structuredOutput = on;
            return this;
        }

        /**
         * Whether records the model could not give come from the offline engine (the default), or
         * the run fails with a {@link dev.attendees.ProviderException}.
         */
        public Builder fallbackToOffline(boolean on) {
            this.fallbackToOffline = on;
            return this;
        }

        /** Prices in US dollars per million input and output tokens, for the cost estimate. */
        public Builder prices(double inputPerMillion, double outputPerMillion) {
            if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0)) {
                throw new ConfigurationException("LLM prices must be >= 0, were " + inputPerMillion + " and " + outputPerMillion);
            }
            this.inputPricePerMillion = inputPerMillion;
            this.outputPricePerMillion = outputPerMillion;
            return this;
        }

        /**
         * Resolves the key, base URL and model, and builds the settings.
         *
         * @throws ConfigurationException in one sentence naming the missing variable when a key is
         *     needed and not set, or the variable whose key has characters no HTTP header carries
         */
        public LlmSettings build() {
            String url = baseUrl;
            if (url == null && provider.baseUrlVariable() != null) {
                String fromEnv = environment.apply(provider.baseUrlVariable());
                if (fromEnv != null && !fromEnv.isBlank()) {
                    url = copy().baseUrl(fromEnv).baseUrl;
                }
            }
            if (url == null) {
                url = provider.defaultBaseUrl();
            }
            String key = apiKey;
            if (key == null && provider.keyVariable() != null) {
                String fromEnv = environment.apply(provider.keyVariable());
                key = fromEnv == null || fromEnv.isBlank() ? null : fromEnv.strip();
            }
            // Masked from here on, wherever a server or a library quotes it (even when it is not sent).
            Secrets.register(key);
            if (key != null && !key.matches("[\\x21-\\x7E]+")) {
                // The JDK's HTTP client would refuse it quoting the whole header, key included.
                throw new ConfigurationException((apiKey != null ? "the API key" : provider.keyVariable())
                        + " holds characters an HTTP header cannot carry; check its value");
            }
            if (key != null && apiKey == null && !travelsSafely(url)) {
                // A key from the environment never crosses a network in clear text: a server on
                // another host over plain http gets no key (one that needs it answers 401).
                LOG.warn("not sending {} over plain http to {}; use https, or a server on this machine",
                        provider.keyVariable(), host(url));
                key = null;
            }
            boolean publicEndpoint = url.equals(provider.defaultBaseUrl());
            if (key == null && provider == LlmProvider.ANTHROPIC) {
                throw new ConfigurationException("ANTHROPIC_API_KEY is not set: export your Anthropic API key in it to use --llm anthropic");
            }
            if (key == null && provider == LlmProvider.OPENAI && publicEndpoint) {
                throw new ConfigurationException("OPENAI_API_KEY is not set: export your OpenAI API key in it, or give --llm-base-url for an OpenAI-compatible server that needs none");
            }
            String name = model != null ? model : provider.defaultModel();
            Double in = inputPricePerMillion;
            Double out = outputPricePerMillion;
            if (in == null && (name.equals(provider.defaultModel()) && publicEndpoint || provider == LlmProvider.OLLAMA)) {
                in = provider.inputPricePerMillion();
                out = provider.outputPricePerMillion();
            }
            return new LlmSettings(this, url, name, key, in, out);
        }

        /** Whether a key may go to {@code url}: over https, or plain http to this machine only. */
        static boolean travelsSafely(String url) {
            java.net.URI uri = java.net.URI.create(url);
            if ("https".equalsIgnoreCase(uri.getScheme())) {
                return true;
            }
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
            return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                    || host.equals("[::1]") || host.equals("::1");
        }

        private static String host(String url) {
            String host = java.net.URI.create(url).getHost();
            return host == null ? url : host;
        }
    }
}
