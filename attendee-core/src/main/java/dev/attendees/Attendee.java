package dev.attendees;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One event attendee: a row of the data contract's {@code attendees} table, column for column.
 * Immutable and thread-safe. Generated attendees fill every component; an imported row may leave
 * the nullable ones ({@code company}, {@code attendanceTime}, {@code jobTitle}, {@code industry},
 * {@code companySize}, {@code createdAt}) empty.
 *
 * <pre>{@code
 * Attendee a = AttendeeGenerator.builder().seed(7).build().attendee(0);
 * a.email();                  // "maria.keller@northwind.io"
 * a.productInterests();       // [Kubernetes, Observability]
 * a.productInterestsText();   // "Kubernetes;Observability", the stored form
 * }</pre>
 *
 * @param id 1..N in generation order within one run
 * @param name "First Last" (native order and script for locales that write family name first)
 * @param email lower case; corporate on the company's domain, personal on a webmail domain
 * @param company the employer, or {@code null}
 * @param eventName the event's name
 * @param attendanceTime local time of arrival at the event, whole seconds
 * @param jobTitle the job title, or {@code null}
 * @param industry the company's industry, or {@code null}
 * @param companySize the company's size, or {@code null}
 * @param productInterests one or more categories of the event's catalogue
 * @param boothVisited zero or more booth names in visiting order
 * @param imagePath the image path relative to the output folder, or {@code ""} when images are off
 * @param createdAt when the attendee registered, whole seconds
 */
public record Attendee(
        long id,
        String name,
        String email,
        String company,
        String eventName,
        LocalDateTime attendanceTime,
        String jobTitle,
        Industry industry,
        CompanySize companySize,
        List<String> productInterests,
        List<String> boothVisited,
        String imagePath,
        LocalDateTime createdAt) {

    /** The contract's column names, in the contract's order. */
    public static final List<String> COLUMNS = List.of(
            "id", "name", "email", "company", "event_name", "attendance_time", "job_title", "industry",
            "company_size", "product_interests", "booth_visited", "image_path", "created_at");

    /** The separator of multi-valued fields in their stored text form. */
    public static final String LIST_SEPARATOR = ";";

    /**
     * The timestamp text format of the contract (SQLite's own): {@code yyyy-MM-dd HH:mm:ss}. Parsing
     * is strict: a day the month does not have ({@code 2026-02-30}) is an error, not the month's last day.
     */
    public static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    public Attendee {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(eventName, "eventName");
        productInterests = productInterests == null ? List.of() : List.copyOf(productInterests);
        boothVisited = boothVisited == null ? List.of() : List.copyOf(boothVisited);
        imagePath = imagePath == null ? "" : imagePath;
    }

    /** {@link #productInterests()} joined by {@code ;}, as stored in files and tables. */
    public String productInterestsText() {
        return String.join(LIST_SEPARATOR, productInterests);
    }

    /** {@link #boothVisited()} joined by {@code ;} in visiting order; empty text when none. */
    public String boothVisitedText() {
        return String.join(LIST_SEPARATOR, boothVisited);
    }

    /** A copy with another id. */
    public Attendee withId(long newId) {
        return new Attendee(newId, name, email, company, eventName, attendanceTime, jobTitle, industry,
                companySize, productInterests, boothVisited, imagePath, createdAt);
    }

    /** A copy with another image path ({@code ""} for none). */
    public Attendee withImagePath(String newImagePath) {
        return new Attendee(id, name, email, company, eventName, attendanceTime, jobTitle, industry,
                companySize, productInterests, boothVisited, newImagePath, createdAt);
    }

    /** Splits a stored {@code ;}-joined text into its items; empty or {@code null} text gives none. */
    public static List<String> splitList(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>(4);
        int start = 0;
        for (int i = text.indexOf(';'); i >= 0; i = text.indexOf(';', start)) {
            items.add(text.substring(start, i));
            start = i + 1;
        }
        items.add(text.substring(start));
        return List.copyOf(items);
    }

    /** Formats a timestamp in the contract's text form, or {@code ""} for {@code null}. */
    public static String formatTimestamp(LocalDateTime time) {
        if (time == null) {
            return "";
        }
        int year = time.getYear();
        if (year < 1000 || year > 9999) {
            return TIMESTAMP_FORMAT.format(time);
        }
        char[] c = new char[19];
        put(c, 0, year / 100);
        put(c, 2, year % 100);
        c[4] = '-';
        put(c, 5, time.getMonthValue());
        c[7] = '-';
        put(c, 8, time.getDayOfMonth());
        c[10] = ' ';
        put(c, 11, time.getHour());
        c[13] = ':';
        put(c, 14, time.getMinute());
        c[16] = ':';
        put(c, 17, time.getSecond());
        return new String(c);
    }

    private static void put(char[] c, int at, int twoDigits) {
        c[at] = (char) ('0' + twoDigits / 10);
        c[at + 1] = (char) ('0' + twoDigits % 10);
    }
}
