/**
 * The SQL attendee store: {@link dev.attendees.sql.SqliteAttendeeStore} (one file, the default)
 * and {@link dev.attendees.sql.PostgresAttendeeStore} (a server), both
 * {@link dev.attendees.spi.AttendeeStore}s in jOOQ, opened by
 * {@link dev.attendees.sql.AttendeeStores#open(String)}. The schema is the data contract's
 * {@code attendees} table plus normalized {@code attendee_interests} and {@code booth_visits},
 * a full-text index, {@code generation_runs} and {@code query_history}; see {@code docs/sql.md}.
 *
 * <pre>{@code
 * try (SqlAttendeeStore store = AttendeeStores.open("attendees.db")) {
 *     store.generate(AttendeeGenerator.builder().seed(42).build(), 100_000);
 *     store.importFiles(List.of(Path.of("more.csv")), ImportOptions.builder().onDuplicate(DuplicatePolicy.SKIP).build());
 *     store.countBy(Facet.INTEREST, AttendeeFilter.ALL, 5);
 * }
 * }</pre>
 */
package dev.attendees.sql;
