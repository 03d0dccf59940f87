package dev.attendees.images;

import dev.attendees.Attendee;
import dev.attendees.ConfigurationException;
import dev.attendees.Secrets;
import dev.attendees.images.internal.RemoteImages;
import dev.attendees.images.internal.RemoteSettings;
import dev.attendees.spi.ImageProvider;
import dev.attendees.spi.ProviderReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What the photo-service providers ({@link UnsplashImageProvider}, {@link GeneratedPhotosImageProvider},
 * {@link RandomUserImageProvider}) share. Each draws photos from a pool it pages through (never
 * one request per attendee), assigns them to attendees deterministically (attendee {@code id} gets
 * photo {@code (id - 1) mod poolSize}), downloads each photo once into {@code images/.cache/} and
 * copies it to {@code images/<id>.<ext>}; any failure for an attendee (a dead host, a 500 after
 * retries, a spent rate limit, a body that is not an image or too large) gives that attendee a
 * local avatar instead, and the run goes on. {@link #report()} counts images by origin
 * ({@code {unsplash=990, avatar=10}}) and explains the fallbacks; {@link #close()} writes the
 * credits of every photo used to {@code images/ATTRIBUTION.csv}. Thread-safe: batches from
 * several threads share one limit of concurrent downloads.
 *
 * <pre>{@code
 * try (UnsplashImageProvider unsplash = UnsplashImageProvider.builder()   // UNSPLASH_ACCESS_KEY from the environment
 *         .poolSize(90)
 *         .maxConcurrency(4)
 *         .build()) {
 *     AttendeeGenerator.builder().imageProvider(unsplash).outputDirectory(out).build()
 *             .writeTo(AttendeeFormat.CSV.open(out.resolve("attendees.csv")), 500);
 *     unsplash.report().origins();                                       // {unsplash=500}
 * }
 * }</pre>
 */
public abstract class RemoteImageProvider implements ImageProvider {

    /** Attendees handled at once, over all batches and threads: {@value}. */
    public static final int DEFAULT_MAX_CONCURRENCY = 8;

    /** Time to connect: 5 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** Longest silence while reading an answer: 10 s. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    /** Longest time for one whole call: 30 s. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

    /** Tries per call, the first included: {@value}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    /** The first wait before a retry, 500 ms, doubled each time with ±50% jitter. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofMillis(500);

    /** The largest image accepted: {@value} bytes (5 MiB); reading stops beyond it. */
    public static final long DEFAULT_MAX_IMAGE_BYTES = 5L << 20;

    /** The longest wait for a spent rate limit to renew before falling back to avatars: 60 s. */
    public static final Duration DEFAULT_MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(60);

    /** Requests of the rate limit left untouched (for your other tools): {@value}. */
    public static final int DEFAULT_RATE_LIMIT_RESERVE = 0;

    private final RemoteImages engine;

    RemoteImageProvider(RemoteImages engine) {
        this.engine = engine;
    }

    @Override
    public final String imageFor(Attendee attendee, Path outputDir) {
        return engine.imageFor(attendee, outputDir);
    }

    @Override
    public final List<String> imagesFor(List<Attendee> batch, Path outputDir) {
        return engine.imagesFor(batch, outputDir);
    }

    @Override
    public final String name() {
        return engine.name();
    }

    @Override
    public final ProviderReport report() {
        return engine.report();
    }

    /** Writes {@code images/ATTRIBUTION.csv}, stops the workers, releases the HTTP client. */
    @Override
    public final void close() {
        engine.close();
    }

    /**
     * The settings every photo service shares. Setters check their argument at once.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        Function<String, String> environment = System::getenv;
        private String baseUrl;
        private Integer poolSize;
        private int imageSize = AvatarImageProvider.DEFAULT_SIZE;
        private int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration retryBackoff = DEFAULT_RETRY_BACKOFF;
        private long maxImageBytes = DEFAULT_MAX_IMAGE_BYTES;
        private Duration maxRateLimitWait = DEFAULT_MAX_RATE_LIMIT_WAIT;
        private int rateLimitReserve = DEFAULT_RATE_LIMIT_RESERVE;
        private OkHttpClient client;

        Builder() {}

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /**
         * Where environment variables (keys, base URLs) are read: {@code System::getenv} by
         * default. Tests and embedding apps pass a map's {@code get}.
         */
        public B environment(Function<String, String> variables) {
            this.environment = Objects.requireNonNull(variables, "environment");
            return self();
        }

        /** The service's API base URL, over the environment variable and the default. */
        public B baseUrl(String url) {
            this.baseUrl = Objects.requireNonNull(url, "baseUrl");
            parseUrl(url, "base URL");
            return self();
        }

        /** Most distinct photos to draw from; more variety costs more API requests. */
        public B poolSize(int photos) {
            if (photos < 1 || photos > 100_000) {
                throw new ConfigurationException("pool size must be between 1 and 100000 photos, was " + photos);
            }
            this.poolSize = photos;
            return self();
        }

        /** The size asked of the service and of fallback avatars; {@value AvatarImageProvider#DEFAULT_SIZE} px by default. */
        public B imageSize(int pixels) {
            AvatarImageProvider.builder().size(pixels);
            this.imageSize = pixels;
            return self();
        }

        /** Attendees handled at once over all batches; {@value #DEFAULT_MAX_CONCURRENCY} by default. */
        public B maxConcurrency(int attendees) {
            if (attendees < 1 || attendees > 64) {
                throw new ConfigurationException("max concurrency must be between 1 and 64, was " + attendees);
            }
            this.maxConcurrency = attendees;
            return self();
        }

        /** Time to connect; 5 s by default. */
        public B connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return self();
        }

        /** Longest silence while reading; 10 s by default. */
        public B readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "read timeout");
            return self();
        }

        /** Longest time for one whole call; 30 s by default. */
        public B callTimeout(Duration timeout) {
            this.callTimeout = positive(timeout, "call timeout");
            return self();
        }

        /** Tries per call, the first included (1 = no retries); {@value #DEFAULT_MAX_ATTEMPTS} by default. */
        public B maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 10) {
                throw new ConfigurationException("max attempts must be between 1 and 10, was " + attempts);
            }
            this.maxAttempts = attempts;
            return self();
        }

        /** The first wait before a retry, doubled each time with jitter; 500 ms by default. */
        public B retryBackoff(Duration backoff) {
            this.retryBackoff = positive(backoff, "retry backoff");
            return self();
        }

        /** The largest image accepted, in bytes; 5 MiB by default. */
        public B maxImageBytes(long bytes) {
            if (bytes < 1024) {
                throw new ConfigurationException("max image bytes must be at least 1024, was " + bytes);
            }
            this.maxImageBytes = bytes;
            return self();
        }

        /** The longest wait for a spent rate limit to renew (zero: never wait); 60 s by default. */
        public B maxRateLimitWait(Duration wait) {
            Objects.requireNonNull(wait, "maxRateLimitWait");
            if (wait.isNegative()) {
                throw new ConfigurationException("max rate-limit wait must not be negative, was " + wait);
            }
            this.maxRateLimitWait = wait;
            return self();
        }

        /** Requests of the rate limit to leave untouched; {@value #DEFAULT_RATE_LIMIT_RESERVE} by default. */
        public B rateLimitReserve(int requests) {
            if (requests < 0) {
                throw new ConfigurationException("rate-limit reserve must not be negative, was " + requests);
            }
            this.rateLimitReserve = requests;
            return self();
        }

        /**
         * An OkHttp client of yours to build on (proxy, certificates, interceptors); its timeouts
         * are replaced by this builder's. By default each provider has its own.
         */
        public B httpClient(OkHttpClient okHttpClient) {
            this.client = Objects.requireNonNull(okHttpClient, "httpClient");
            return self();
        }

        /** The provider; a missing key is a {@link ConfigurationException} naming its variable. */
        public abstract RemoteImageProvider build();

        /** The resolved settings; the base URL from this builder, else {@code urlVariable}, else {@code defaultUrl}. */
        RemoteSettings settings(String urlVariable, String defaultUrl, int defaultPoolSize) {
            if (callTimeout.compareTo(connectTimeout) < 0) {
                throw new ConfigurationException("call timeout (" + callTimeout + ") is shorter than the connect timeout ("
                        + connectTimeout + ")");
            }
            HttpUrl base;
            if (baseUrl != null) {
                base = parseUrl(baseUrl, "base URL");
            } else {
                String fromEnvironment = environment.apply(urlVariable);
                base = fromEnvironment == null || fromEnvironment.isBlank() ? HttpUrl.get(defaultUrl)
                        : parseUrl(fromEnvironment.strip(), urlVariable);
            }
            return new RemoteSettings(base, poolSize != null ? poolSize : defaultPoolSize, imageSize, maxConcurrency,
                    connectTimeout, readTimeout, callTimeout, maxAttempts, retryBackoff, maxImageBytes, maxRateLimitWait,
                    rateLimitReserve, client);
        }

        /**
         * The key: the builder's, else the environment variable's; registered with {@link Secrets}
         * at once, so that no message, note or file shows it even when a service quotes it back.
         *
         * @throws ConfigurationException naming the variable when there is none, or when it cannot travel in a header
         */
        String key(String given, String variable, String howToGetOne) {
            String key = given != null ? given : environment.apply(variable);
            if (key == null || key.isBlank()) {
                throw new ConfigurationException(variable + " is not set: " + howToGetOne + ", then export " + variable
                        + "=<key>; or use the avatar provider, which needs no key");
            }
            key = key.strip();
            Secrets.register(key);
            if (!key.matches("[\\x21-\\x7E]+")) {
                throw new ConfigurationException(variable + " holds characters an HTTP header cannot carry; check its value");
            }
            return key;
        }

        private static HttpUrl parseUrl(String text, String what) {
            HttpUrl url = HttpUrl.parse(text);
            if (url == null) {
                throw new ConfigurationException(what + " must be an http(s) URL such as https://api.example.com, was '"
                        + text.replaceAll("[^\\x20-\\x7E]", "?") + "'");
            }
            return url;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new ConfigurationException(what + " must be positive, was " + d);
            }
            return d;
        }
    }
}
