package dev.attendees;

/**
 * The root of every exception this project throws. Three families sit under it:
 * {@link ConfigurationException} (a bad option or profile), {@link InputException} (a bad file,
 * line or field) and {@link ProviderException} (a remote provider failed).
 */
public class AttendeeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AttendeeException(String message) {
        super(message);
    }

    public AttendeeException(String message, Throwable cause) {
        super(message, cause);
    }
}
