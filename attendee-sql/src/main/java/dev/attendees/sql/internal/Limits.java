package dev.attendees.sql.internal;

import dev.attendees.ConfigurationException;

/** The check of a caller's row limit, one message for queries, the query log and read-only SQL. */
final class Limits {
    private Limits() {}

    /** @throws ConfigurationException when {@code limit} is below 1 */
    static void check(int limit) {
        if (limit < 1) {
            throw new ConfigurationException("limit must be at least 1, was " + limit);
        }
    }
}
