package dev.attendees.sql.internal;

import dev.attendees.AttendeeException;
import dev.attendees.ProviderException;
import java.sql.SQLException;
import org.jooq.exception.DataAccessException;

/** Maps JDBC and jOOQ failures to the project's exceptions, in one place. */
public final class Errors {
    private Errors() {}

    /** The project's exception for a failure while {@code doing} something with the database at {@code location}. */
    public static AttendeeException of(Throwable failure, String doing, String location) {
        if (failure instanceof AttendeeException e) {
            return e;
        }
        SQLException sql = sqlCause(failure);
        String detail = PostgresUrl.mask(sql != null ? sql.getMessage() : String.valueOf(failure.getMessage()));
        String state = sql == null ? null : sql.getSQLState();
        String message = String.valueOf(detail);
        if (message.contains("SQLITE_BUSY") || message.contains("database is locked")) {
            return new ProviderException("cannot " + doing + ": " + location
                    + " is busy (another process is writing to it); try again when it has finished", true, failure);
        }
        if (state != null && state.startsWith("08")) {
            return new ProviderException("cannot " + doing + ": cannot reach " + location + ": " + message, true, failure);
        }
        if ("28P01".equals(state) || "28000".equals(state)) {
            return new ProviderException("cannot " + doing + ": " + location + " refused the user name or password", false, failure);
        }
        return new AttendeeException("cannot " + doing + " in " + location + ": " + message, failure);
    }

    /** The first {@link SQLException} among the causes, or {@code null}. */
    public static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e) {
                return e;
            }
            if (t instanceof DataAccessException dae && dae.getCause() instanceof SQLException e) {
                return e;
            }
        }
        return null;
    }
}
