/**
 * The SQL guard: read-only SQL parsed and checked against an allow-list of statement kinds, tables,
 * functions and casts before it reaches the database ({@link dev.attendees.sql.internal.guard.SqlGuard}).
 * Internal: may change in any release.
 */
package dev.attendees.sql.internal.guard;
