package dev.attendees;

/**
 * A bad option, option combination or profile. The message names the option (for example
 * {@code "count must be at least 1, was 0"}). The CLI turns it into exit status 2.
 */
public class ConfigurationException extends AttendeeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
