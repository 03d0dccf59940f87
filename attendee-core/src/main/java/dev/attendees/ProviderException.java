package dev.attendees;

/**
 * A provider (an LLM, an image service, a database) failed. {@link #retriable()} says whether the
 * same call may succeed when tried again (timeouts, 429, 5xx) or not (401, 403, 404).
 */
public class ProviderException extends AttendeeException {
    private static final long serialVersionUID = 1L;

    private final boolean retriable;

    public ProviderException(String message, boolean retriable) {
        super(message);
        this.retriable = retriable;
    }

    public ProviderException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    /** Whether trying the same call again may succeed. */
    public boolean retriable() {
        return retriable;
    }
}
