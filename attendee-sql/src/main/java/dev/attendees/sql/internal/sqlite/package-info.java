/**
 * SQLite's side of the store, not API: its dialect, and how its bulk writes keep the derived
 * tables and the full-text index.
 */
package dev.attendees.sql.internal.sqlite;
