package dev.attendees.sql;

import dev.attendees.ConfigurationException;
import dev.attendees.sql.internal.PostgresUrl;
import java.nio.file.Path;

/**
 * Opens the store a text names: a PostgreSQL URL ({@code postgresql://user:pass@host:5432/db},
 * {@code postgres://...}, {@code jdbc:postgresql://...}) opens a {@link PostgresAttendeeStore};
 * anything else is a SQLite file ({@code jdbc:sqlite:} prefix allowed).
 *
 * <pre>{@code
 * try (SqlAttendeeStore store = AttendeeStores.open(args[0])) {   // "attendees.db" or "postgresql://..."
 *     System.out.println(store.count(AttendeeFilter.ALL) + " attendees in " + store.location());
 * }
 * }</pre>
 */
public final class AttendeeStores {
    private AttendeeStores() {}

    /**
     * Opens the SQLite file or PostgreSQL server that {@code fileOrUrl} names.
     *
     * @throws ConfigurationException for an empty or malformed name
     */
    public static SqlAttendeeStore open(String fileOrUrl) {
        if (fileOrUrl == null || fileOrUrl.isBlank()) {
            throw new ConfigurationException("the database must be a file or a postgresql:// URL, was empty");
        }
        String text = fileOrUrl.trim();
        if (isPostgres(text)) {
            return PostgresAttendeeStore.open(text);
        }
        if (text.regionMatches(true, 0, "jdbc:sqlite:", 0, 12)) {
            text = text.substring(12);
        } else if (text.regionMatches(true, 0, "jdbc:", 0, 5) || text.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            throw new ConfigurationException("unsupported database " + mask(text)
                    + "; expected a SQLite file or a postgresql:// URL");
        }
        return SqliteAttendeeStore.open(Path.of(text));
    }

    /** Whether {@code fileOrUrl} names a PostgreSQL server. */
    public static boolean isPostgres(String fileOrUrl) {
        return fileOrUrl != null && PostgresUrl.matches(fileOrUrl);
    }

    /** {@code fileOrUrl} fit for messages: a URL's password replaced by {@code ***}. */
    public static String mask(String fileOrUrl) {
        return PostgresUrl.mask(fileOrUrl);
    }
}
