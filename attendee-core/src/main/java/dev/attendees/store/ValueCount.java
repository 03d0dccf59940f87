package dev.attendees.store;

/**
 * One group of {@link dev.attendees.spi.AttendeeStore#countBy}: a value and how many attendees
 * have it.
 *
 * <pre>{@code
 * for (ValueCount c : store.countBy(Facet.INDUSTRY, AttendeeFilter.ALL, 5)) {
 *     System.out.println(c.value() + ": " + c.count());
 * }
 * }</pre>
 *
 * @param value the value as text ({@code null} for attendees without one)
 * @param count how many
 */
public record ValueCount(String value, long count) {}
