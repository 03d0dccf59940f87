package dev.attendees.llm.internal;

import dev.attendees.Secrets;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * LangChain4j's HTTP client SPI on {@code java.net.http}, like its own JDK client, except that an
 * error answer keeps the server's {@code Retry-After} (or OpenAI's {@code retry-after-ms}) so that
 * the retry policy can honour it. Every body passes through {@link Secrets#mask} as it arrives, so
 * that a key a server quotes back (in an error, or in a reply) reaches no exception, log line,
 * record or file. Streaming is not used by this module and not supported.
 */
public final class RetryAfterHttpClient implements HttpClient {

    /** An HTTP error answer with the wait the server asked for, if any. */
    public static final class StatusException extends HttpException {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        StatusException(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        /** The wait the server asked for. */
        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    private final java.net.http.HttpClient delegate;
    private final Duration readTimeout;

    /**
     * The longest a connection may take to open: {@value #MAX_CONNECT_SECONDS} s. LangChain4j's
     * model builders set the connect timeout to the whole call's timeout (minutes); a host that
     * drops packets should cost seconds before the retry and the circuit breaker take over.
     */
    static final int MAX_CONNECT_SECONDS = 10;

    private RetryAfterHttpClient(Builder builder) {
        Duration max = Duration.ofSeconds(MAX_CONNECT_SECONDS);
        Duration connect = builder.connectTimeout == null || builder.connectTimeout.compareTo(max) > 0 ? max : builder.connectTimeout;
        this.delegate = java.net.http.HttpClient.newBuilder()
                .version(Version.HTTP_1_1)
                .connectTimeout(connect)
                .build();
        this.readTimeout = builder.readTimeout;
    }

    /** The connect timeout in force (for tests). */
    Duration connectTimeout() {
        return delegate.connectTimeout().orElseThrow();
    }

    /** A builder for LangChain4j's model builders ({@code httpClientBuilder(...)}). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.method(request.method().name(), request.body() == null ? BodyPublishers.noBody() : BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            b.timeout(readTimeout);
        }
        try {
            HttpResponse<String> response = delegate.send(b.build(), BodyHandlers.ofString());
            int status = response.statusCode();
            String body = Secrets.mask(response.body());
            if (status < 200 || status > 299) {
                throw new StatusException(status, body, retryAfter(response));
            }
            return SuccessfulHttpResponse.builder()
                    .statusCode(status)
                    .headers(response.headers().map())
                    .body(body)
                    .build();
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        throw new UnsupportedOperationException("streaming is not used by attendee-llm");
    }

    static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> ms = response.headers().firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.get().trim())));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return response.headers().firstValue("retry-after").map(RetryAfterHttpClient::parseRetryAfter).orElse(null);
    }

    /** {@code Retry-After} as seconds ({@code 2}, {@code 1.5}) or an HTTP date; {@code null} when unreadable. */
    static Duration parseRetryAfter(String value) {
        String v = value.trim();
        try {
            double seconds = Double.parseDouble(v);
            return seconds < 0 ? Duration.ZERO : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Builds a {@link RetryAfterHttpClient}. */
    public static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public RetryAfterHttpClient build() {
            return new RetryAfterHttpClient(this);
        }
    }
}
