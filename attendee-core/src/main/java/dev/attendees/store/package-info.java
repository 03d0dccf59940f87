/**
 * The query API's values, shared by every {@link dev.attendees.spi.AttendeeStore} and by the
 * modules built on it (the natural-language query engine, semantic search, the web app):
 * {@link dev.attendees.store.AttendeeFilter} and {@link dev.attendees.store.AttendeeQuery} say which
 * attendees in which order, {@link dev.attendees.store.AttendeePage} and
 * {@link dev.attendees.store.ValueCount} are answers, {@link dev.attendees.store.ImportOptions} and
 * {@link dev.attendees.store.ImportResult} describe imports, {@link dev.attendees.store.GenerationRun}
 * and {@link dev.attendees.store.QueryHistoryEntry} are rows of the store's own tables, and
 * {@link dev.attendees.store.SqlResult} and {@link dev.attendees.store.TableInfo} serve read-only SQL.
 * Nothing here depends on JDBC or jOOQ.
 *
 * <pre>{@code
 * AttendeePage page = store.find(AttendeeQuery.builder()
 *         .filter(AttendeeFilter.builder().interestsAll("Kubernetes", "Security").build())
 *         .sort(Sort.desc(AttendeeField.ATTENDANCE_TIME))
 *         .limit(20)
 *         .build());
 * List<ValueCount> top = store.countBy(Facet.INTEREST, AttendeeFilter.ALL, 5);
 * }</pre>
 */
package dev.attendees.store;
