package dev.attendees.store;

import dev.attendees.ConfigurationException;
import java.util.Locale;

/**
 * What {@link dev.attendees.spi.AttendeeStore#countBy} groups by: any column of the contract, one
 * product interest or one booth (from the normalized tables, so an attendee with three interests
 * counts once for each), or the day or hour of arrival.
 *
 * <pre>{@code
 * store.countBy(Facet.INDUSTRY, AttendeeFilter.ALL, 10);        // [Technology=412, Healthcare=97, ...]
 * store.countBy(Facet.INTEREST, AttendeeFilter.ALL, 5);          // the five most popular interests
 * store.countBy(Facet.ATTENDANCE_HOUR, filter, 24);              // arrivals per hour, "09", "10" ...
 * }</pre>
 */
public enum Facet {
    ID(AttendeeField.ID),
    NAME(AttendeeField.NAME),
    EMAIL(AttendeeField.EMAIL),
    COMPANY(AttendeeField.COMPANY),
    EVENT_NAME(AttendeeField.EVENT_NAME),
    ATTENDANCE_TIME(AttendeeField.ATTENDANCE_TIME),
    JOB_TITLE(AttendeeField.JOB_TITLE),
    INDUSTRY(AttendeeField.INDUSTRY),
    COMPANY_SIZE(AttendeeField.COMPANY_SIZE),
    PRODUCT_INTERESTS(AttendeeField.PRODUCT_INTERESTS),
    BOOTH_VISITED(AttendeeField.BOOTH_VISITED),
    IMAGE_PATH(AttendeeField.IMAGE_PATH),
    CREATED_AT(AttendeeField.CREATED_AT),
    /** One product interest (a row of {@code attendee_interests}). */
    INTEREST(null),
    /** One booth visited (a row of {@code booth_visits}). */
    BOOTH(null),
    /** The day of arrival, {@code YYYY-MM-DD}. */
    ATTENDANCE_DAY(null),
    /** The hour of arrival, {@code 00} to {@code 23}. */
    ATTENDANCE_HOUR(null);

    private final AttendeeField field;

    Facet(AttendeeField field) {
        this.field = field;
    }

    /** The contract column this facet is, or {@code null} for the derived ones. */
    public AttendeeField field() {
        return field;
    }

    /** The facet of a column. */
    public static Facet of(AttendeeField field) {
        return values()[field.ordinal()];
    }

    /**
     * The facet named {@code name}: a column ({@code industry}) or {@code interest}, {@code booth},
     * {@code attendance_day}, {@code attendance_hour} (case-insensitive, {@code -} or {@code _}).
     *
     * @throws ConfigurationException listing the known names
     */
    public static Facet fromName(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Facet f : values()) {
            if (f.name().equals(wanted)) {
                return f;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Facet f : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(f.name().toLowerCase(Locale.ROOT));
        }
        throw new ConfigurationException("unknown facet '" + name + "'; expected one of " + known);
    }
}
