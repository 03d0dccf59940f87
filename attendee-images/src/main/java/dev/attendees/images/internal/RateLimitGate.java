package dev.attendees.images.internal;

import dev.attendees.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.Response;

/**
 * Keeps a service's API calls inside its rate limit. Every answer's {@code X-Ratelimit-Limit} and
 * {@code X-Ratelimit-Remaining} update the budget; a call starts only while the budget minus the
 * calls in flight stays above the reserve, so concurrent calls never overshoot the limit; near the
 * end, callers queue until answers in flight report the new budget. A spent limit with a known
 * reset within the longest allowed wait is waited out; otherwise every later call is refused at
 * once (and the attendees get avatars). Thread-safe.
 */
public final class RateLimitGate {
    private final String provider;
    private final int reserve;
    private final Duration maxWait;
    private final Clock clock;

    private int limit = -1;
    private int remaining = -1;
    private int lowest = -1;
    private int inFlight;
    private Instant blockedUntil;
    private boolean spent;
    private long waitedNanos;
    private long calls;

    public RateLimitGate(String provider, int reserve, Duration maxWait, Clock clock) {
        this.provider = provider;
        this.reserve = reserve;
        this.maxWait = maxWait;
        this.clock = clock;
    }

    /**
     * Waits until a call may start and counts it in flight; pair with {@link #release}.
     *
     * @throws RateLimitedException when the limit is spent and will not renew in time
     */
    public synchronized void acquire() {
        while (true) {
            Instant now = clock.instant();
            if (blockedUntil != null) {
                Duration wait = Duration.between(now, blockedUntil);
                if (!wait.isNegative() && !wait.isZero()) {
                    if (wait.compareTo(maxWait) > 0) {
                        throw refused("the limit renews in " + Failures.words(wait) + ", more than the longest wait ("
                                + Failures.words(maxWait) + ")");
                    }
                    pause(wait);
                    continue;
                }
                // The window renewed: the next answer tells the new budget.
                blockedUntil = null;
                remaining = -1;
            }
            if (spent) {
                throw refused("no requests left");
            }
            if (remaining < 0 || remaining - inFlight > reserve) {
                inFlight++;
                calls++;
                return;
            }
            if (inFlight > 0) {
                // Answers in flight will report the budget: wait for them rather than overshoot.
                pause(Duration.ofSeconds(1));
                continue;
            }
            spent = true;
            throw refused("no requests left");
        }
    }

    /** Ends a call started with {@link #acquire}; {@code response} ({@code null} after an I/O error) updates the budget. */
    public synchronized void release(Response response) {
        inFlight--;
        if (response != null) {
            int l = Failures.intHeader(response, "X-Ratelimit-Limit");
            int r = Failures.intHeader(response, "X-Ratelimit-Remaining");
            if (l >= 0) {
                limit = l;
            }
            if (r >= 0) {
                // Answers may arrive out of order: within one window the budget only shrinks.
                remaining = remaining < 0 ? r : Math.min(remaining, r);
                lowest = lowest < 0 ? r : Math.min(lowest, r);
            }
        }
        notifyAll();
    }

    /** The service said the limit is spent; {@code resetAt} is when it renews, or {@code null} if unknown. */
    public synchronized void limited(Instant resetAt) {
        remaining = 0;
        lowest = 0;
        if (resetAt == null) {
            spent = true;
        } else {
            blockedUntil = blockedUntil == null || resetAt.isAfter(blockedUntil) ? resetAt : blockedUntil;
        }
        notifyAll();
    }

    /** One-line notes for the run's summary: requests made and left, time waited, refusals. */
    public synchronized List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (calls > 0) {
            String left = lowest >= 0 ? ", " + lowest + (limit >= 0 ? " of " + limit : "") + " left in the rate limit" : "";
            notes.add(provider + ": " + calls + " API request" + (calls == 1 ? "" : "s") + left);
        }
        if (waitedNanos > 0) {
            notes.add(String.format(Locale.ROOT, "%s: waited %s for the rate limit to renew", provider,
                    Failures.words(Duration.ofNanos(waitedNanos))));
        }
        return notes;
    }

    private RateLimitedException refused(String why) {
        return new RateLimitedException(provider + " rate limit reached: " + why);
    }

    private void pause(Duration wait) {
        long start = System.nanoTime();
        try {
            wait(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(provider + ": interrupted while waiting for the rate limit", false, e);
        } finally {
            if (blockedUntil != null) {
                waitedNanos += System.nanoTime() - start;
            }
        }
    }
}
