package dev.attendees.store;

import java.util.Objects;

/**
 * One sort key of an {@link AttendeeQuery}. Empty values ({@code null}) sort last in either
 * direction, and text sorts by code point (the same order in SQLite and PostgreSQL); ties are
 * broken by {@code id}, so pages are stable.
 *
 * <pre>{@code
 * Sort.asc(AttendeeField.COMPANY);
 * Sort.desc(AttendeeField.ATTENDANCE_TIME);
 * }</pre>
 *
 * @param field the column
 * @param ascending {@code true} for ascending order
 */
public record Sort(AttendeeField field, boolean ascending) {

    public Sort {
        Objects.requireNonNull(field, "field");
    }

    /** Ascending by {@code field}. */
    public static Sort asc(AttendeeField field) {
        return new Sort(field, true);
    }

    /** Descending by {@code field}. */
    public static Sort desc(AttendeeField field) {
        return new Sort(field, false);
    }
}
