package dev.attendees.images.internal;

import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What a remote provider's builder resolved: where the service is and how politely to use it.
 *
 * @param baseUrl the service's API
 * @param poolSize most photos to draw from
 * @param imageSize the size asked of the service and of fallback avatars, in pixels
 * @param maxConcurrency most attendees handled at once, over all batches and threads
 * @param connectTimeout time to connect
 * @param readTimeout longest silence while reading
 * @param callTimeout longest time for one whole call
 * @param maxAttempts tries per call (1 = no retry)
 * @param retryBackoff the first wait between tries; doubled each time, with jitter
 * @param maxImageBytes the largest image accepted
 * @param maxRateLimitWait the longest wait for a spent rate limit to renew
 * @param rateLimitReserve requests left untouched in the rate limit
 * @param client a client of the caller's to share, or {@code null} for our own
 */
public record RemoteSettings(
        HttpUrl baseUrl,
        int poolSize,
        int imageSize,
        int maxConcurrency,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxAttempts,
        Duration retryBackoff,
        long maxImageBytes,
        Duration maxRateLimitWait,
        int rateLimitReserve,
        OkHttpClient client) {}
