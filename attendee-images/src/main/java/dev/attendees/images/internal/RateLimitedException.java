package dev.attendees.images.internal;

import dev.attendees.ProviderException;

/**
 * A service's rate limit is spent (or would be by the next call) and will not renew within the
 * longest wait allowed. Retriable in principle, but never retried within a run.
 */
public final class RateLimitedException extends ProviderException {
    private static final long serialVersionUID = 1L;

    public RateLimitedException(String message) {
        super(message, true);
    }
}
