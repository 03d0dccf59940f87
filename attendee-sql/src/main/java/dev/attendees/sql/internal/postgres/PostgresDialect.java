package dev.attendees.sql.internal.postgres;

import dev.attendees.sql.internal.Dialect;

/**
 * PostgreSQL's dialect, its parts assembled: {@code TIMESTAMP} columns, a GIN index over an
 * expression for full text, statement-level triggers for the derived tables, {@code COPY} for bulk
 * writes, and text ordered with {@code COLLATE "C"} so that sorting matches SQLite's.
 *
 * <pre>{@code
 * Dialect dialect = PostgresDialect.create();
 * }</pre>
 */
public final class PostgresDialect {
    private PostgresDialect() {}

    /** The dialect of one store. */
    public static Dialect create() {
        PostgresExpressions sql = new PostgresExpressions();
        return new Dialect("postgresql", sql, new PostgresRowInserts(sql), new PostgresBulkStrategy(), new PostgresLifecycle(),
                new PostgresCatalog(), new PostgresReadOnlyRules());
    }
}
