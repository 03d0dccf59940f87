package dev.attendees.sql.internal;

/**
 * What differs between SQLite and PostgreSQL, in parts that each serve one kind of work; everything
 * else is shared code over these parts. {@code SqliteDialect.create} and
 * {@code PostgresDialect.create} assemble them.
 *
 * <pre>{@code
 * Dialect dialect = SqliteDialect.create(new SqliteJournal());
 * dialect.sql().timestampParam(time);            // what SQL looks like
 * dialect.bulk().begin(connection, maxId, false); // how bulk writes keep derived data
 * }</pre>
 *
 * @param name {@code sqlite} or {@code postgresql}; also the folder of the dialect's migration scripts
 * @param sql what SQL looks like: expressions and bind values, for queries and writes
 * @param inserts how a bulk write's rows reach the {@code attendees} table
 * @param bulk how bulk writes, overwrites and deletes keep the derived tables and indexes
 * @param lifecycle what the store does on opening the database (migrations) and before each use
 * @param catalog how the schema is listed
 * @param readOnly how read-only SQL from other modules is checked and run
 */
public record Dialect(String name, SqlExpressions sql, RowInserts inserts, BulkStrategy bulk, Lifecycle lifecycle,
        Catalog catalog, ReadOnlyRules readOnly) {}
