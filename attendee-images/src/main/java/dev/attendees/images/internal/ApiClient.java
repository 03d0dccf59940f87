package dev.attendees.images.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attendees.ProviderException;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.time.Clock;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Calls one service's JSON API: through its {@link RateLimitGate}, with its credentials (sent only
 * to the service's own scheme, host and port, never to a host a response names), retried with
 * backoff on time-outs, connection failures, 408, 429 and 5xx, and with answers capped in size.
 * Thread-safe.
 */
public final class ApiClient {
    /** The largest JSON answer read: {@value} bytes. */
    static final long MAX_JSON_BYTES = 4L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RATE_LIMIT_ROUNDS = 3;

    private final String provider;
    private final OkHttpClient client;
    private final Retry retry;
    private final RateLimitGate gate;
    private final HttpUrl base;
    private final Headers credentials;
    private final Clock clock;

    public ApiClient(String provider, OkHttpClient client, Retry retry, RateLimitGate gate, HttpUrl base,
            Headers credentials, Clock clock) {
        this.provider = provider;
        this.client = client;
        this.retry = retry;
        this.gate = gate;
        this.base = base;
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The service's base URL. */
    public HttpUrl base() {
        return base;
    }

    /** Whether {@code url} is on the service's own origin (where the credentials may go). */
    public boolean sameOrigin(HttpUrl url) {
        return url.scheme().equals(base.scheme()) && url.host().equals(base.host()) && url.port() == base.port();
    }

    /** GETs {@code url} and parses its JSON answer. */
    public JsonNode get(HttpUrl url) {
        return retry.executeSupplier(() -> once(url, true));
    }

    /** GETs {@code url} for its effect (a download-tracking event), ignoring the answer's body. */
    public void ping(HttpUrl url) {
        retry.executeSupplier(() -> once(url, false));
    }

    private JsonNode once(HttpUrl url, boolean parse) {
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/json");
        if (sameOrigin(url)) {
            credentials.forEach(h -> builder.header(h.getFirst(), h.getSecond()));
        }
        Request request = builder.build();
        for (int round = 1; ; round++) {
            gate.acquire();
            Response response;
            try {
                response = client.newCall(request).execute();
            } catch (IOException e) {
                gate.release(null);
                throw Failures.io(provider, url, e);
            } catch (RuntimeException e) {
                gate.release(null);
                throw e;
            }
            try (response) {
                gate.release(response);
                if (!response.isSuccessful()) {
                    String start = response.code() == 403 ? response.peekBody(1024).string() : "";
                    if (Failures.rateLimited(response, start)) {
                        gate.limited(Failures.resetTime(response, clock.instant()));
                        if (round < RATE_LIMIT_ROUNDS) {
                            continue;
                        }
                        throw new RateLimitedException(provider + " rate limit reached: HTTP " + response.code()
                                + " from " + Failures.where(url));
                    }
                    throw Failures.status(provider, url, response);
                }
                if (!parse) {
                    return null;
                }
                byte[] body = Bodies.read(provider, url, Objects.requireNonNull(response.body()), MAX_JSON_BYTES);
                try {
                    return JSON.readTree(body);
                } catch (IOException e) {
                    throw new ProviderException(provider + ": the answer from " + Failures.where(url) + " is not JSON", false, e);
                }
            } catch (IOException e) {
                throw Failures.io(provider, url, e);
            }
        }
    }
}
