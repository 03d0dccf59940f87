/**
 * The store's machinery, not API: dialects, migrations, bulk writing, importing, jOOQ table
 * definitions, the read-only SQL guard.
 */
package dev.attendees.sql.internal;
