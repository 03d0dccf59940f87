/**
 * The store's machinery, not API: {@link dev.attendees.sql.internal.Database} (connections,
 * transactions, migrations at open) and the parts that work over it ({@code AttendeeQueries},
 * {@code BulkOperations}, {@code Runs}, {@code QueryLog}, {@code ReadOnlySql}, {@code StoreSink},
 * {@code Importer}, {@code BulkWriter}); the {@link dev.attendees.sql.internal.Dialect} and its
 * small interfaces, implemented per database in {@code .sqlite} and {@code .postgres}; jOOQ table
 * definitions, SQL scripts and the read-only SQL guard. See {@code docs/architecture.md}.
 */
package dev.attendees.sql.internal;
