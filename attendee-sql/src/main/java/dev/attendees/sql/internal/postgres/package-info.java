/**
 * PostgreSQL's side of the store, not API: its dialect and its {@code COPY} path for bulk writes.
 */
package dev.attendees.sql.internal.postgres;
