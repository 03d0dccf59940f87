package dev.attendees.images.internal;

import dev.attendees.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Response;

/**
 * HTTP outcomes mapped to {@link ProviderException}s in one place: 401 and other 403s, 404 and
 * other 4xx are final; 408, 429 and 5xx, time-outs and connection failures may pass on a retry; a
 * 429, or a 403 that says the rate limit is spent, is a {@link RateLimitedException}. Messages
 * name the service, the status and the host and path, never a query string or a header.
 */
public final class Failures {
    private Failures() {}

    /** The failure a non-2xx response stands for. */
    public static ProviderException status(String provider, HttpUrl url, Response response) {
        int code = response.code();
        String where = where(url);
        return switch (code) {
            case 401 -> new ProviderException(provider + " rejected the key: HTTP 401 from " + where, false);
            case 403 -> new ProviderException(provider + " refused the request: HTTP 403 from " + where, false);
            case 404 -> new ProviderException(provider + " has no such resource: HTTP 404 from " + where, false);
            default -> new ProviderException(provider + ": HTTP " + code + " from " + where, retriable(code));
        };
    }

    /** Whether a status may pass when tried again. */
    public static boolean retriable(int code) {
        return code == 408 || code == 429 || code >= 500;
    }

    /** The failure an I/O error stands for; all may pass when tried again. */
    public static ProviderException io(String provider, HttpUrl url, IOException e) {
        String what = e instanceof InterruptedIOException ? "timed out"
                : e instanceof ConnectException ? "cannot connect"
                : e instanceof UnknownHostException ? "unknown host"
                : "connection failed (" + e.getClass().getSimpleName() + ")";
        return new ProviderException(provider + ": " + what + " at " + where(url), true, e);
    }

    /** Whether a response says the rate limit is spent: a 429, or a 403 with no requests left. */
    public static boolean rateLimited(Response response, String bodyStart) {
        if (response.code() == 429) {
            return true;
        }
        return response.code() == 403 && ("0".equals(header(response, "X-Ratelimit-Remaining"))
                || bodyStart.toLowerCase(Locale.ROOT).contains("rate limit"));
    }

    /**
     * When a spent rate limit renews, from {@code Retry-After} (seconds or an HTTP date),
     * {@code X-Ratelimit-Reset} or {@code RateLimit-Reset} (seconds to wait, or an epoch second);
     * {@code null} when the response does not say.
     */
    public static Instant resetTime(Response response, Instant now) {
        String retryAfter = header(response, "Retry-After");
        if (retryAfter != null) {
            try {
                return now.plusSeconds(Math.max(0, Long.parseLong(retryAfter)));
            } catch (NumberFormatException notSeconds) {
                try {
                    return ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                } catch (DateTimeParseException ignored) {
                    // Fall through to the other headers.
                }
            }
        }
        for (String name : new String[] {"X-Ratelimit-Reset", "RateLimit-Reset"}) {
            String value = header(response, name);
            if (value != null) {
                try {
                    long n = (long) Double.parseDouble(value);
                    // Large numbers are epoch seconds; small ones, seconds to wait.
                    return n > 1_000_000_000L ? Instant.ofEpochSecond(n) : now.plusSeconds(Math.max(0, n));
                } catch (NumberFormatException ignored) {
                    // Not a number: try the next header.
                }
            }
        }
        return null;
    }

    /** An integer header, or -1. */
    public static int intHeader(Response response, String name) {
        String value = header(response, name);
        if (value == null) {
            return -1;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Host, port when not the default, and path: never the query, which may carry tokens. */
    public static String where(HttpUrl url) {
        boolean defaultPort = url.port() == HttpUrl.defaultPort(url.scheme());
        return url.host() + (defaultPort ? "" : ":" + url.port()) + url.encodedPath();
    }

    /** A duration in words: {@code 1.5 s}, {@code 3 min}. */
    public static String words(Duration d) {
        long ms = d.toMillis();
        return ms < 60_000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000.0)
                : String.format(Locale.ROOT, "%d min", Math.round(ms / 60_000.0));
    }

    private static String header(Response response, String name) {
        String value = response.header(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
