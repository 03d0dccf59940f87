package dev.attendees.store;

import dev.attendees.Attendee;
import dev.attendees.ConfigurationException;
import java.util.Locale;

/**
 * A column of the data contract's {@code attendees} table, for sorting and counting. {@link #column()}
 * is the exact column name.
 *
 * <pre>{@code
 * AttendeeQuery.builder().sort(Sort.desc(AttendeeField.ATTENDANCE_TIME)).build();
 * AttendeeField.fromColumn("job_title");   // JOB_TITLE
 * }</pre>
 */
public enum AttendeeField {
    ID,
    NAME,
    EMAIL,
    COMPANY,
    EVENT_NAME,
    ATTENDANCE_TIME,
    JOB_TITLE,
    INDUSTRY,
    COMPANY_SIZE,
    PRODUCT_INTERESTS,
    BOOTH_VISITED,
    IMAGE_PATH,
    CREATED_AT;

    /** The contract's column name, e.g. {@code attendance_time}. */
    public String column() {
        return Attendee.COLUMNS.get(ordinal());
    }

    /**
     * The field of a contract column name (case-insensitive).
     *
     * @throws ConfigurationException naming the column and the known ones
     */
    public static AttendeeField fromColumn(String column) {
        String wanted = column == null ? "" : column.trim().toLowerCase(Locale.ROOT);
        int i = Attendee.COLUMNS.indexOf(wanted);
        if (i < 0) {
            throw new ConfigurationException("unknown column '" + column + "'; expected one of "
                    + String.join(", ", Attendee.COLUMNS));
        }
        return values()[i];
    }
}
