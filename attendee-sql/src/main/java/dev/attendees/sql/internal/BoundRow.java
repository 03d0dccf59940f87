package dev.attendees.sql.internal;

import dev.attendees.Attendee;
import java.util.List;

/**
 * An attendee in the form its row is bound: lists joined with {@code ;} as stored, timestamps in
 * the database's bind form ({@link SqlExpressions#timestamp}). Made on the thread that produces the
 * attendees (a generator's, an import's reader), so that the thread that talks to the database
 * only binds.
 *
 * @param interests {@link Attendee#productInterestsText()}
 * @param booths {@link Attendee#boothVisitedText()}
 */
public record BoundRow(Attendee attendee, String interests, String booths, Object attendanceTime, Object createdAt) {

    /** {@code a} ready to bind in the database whose expressions {@code sql} are. */
    public static BoundRow of(Attendee a, SqlExpressions sql) {
        return new BoundRow(a, joined(a.productInterests()), joined(a.boothVisited()), sql.timestamp(a.attendanceTime()),
                sql.timestamp(a.createdAt()));
    }

    /** The same text as {@code String.join(";", items)}, without its general machinery for one item or none. */
    static String joined(List<String> items) {
        int n = items.size();
        if (n == 0) {
            return "";
        }
        if (n == 1) {
            return items.get(0);
        }
        int length = n - 1;
        for (int i = 0; i < n; i++) {
            length += items.get(i).length();
        }
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < n; i++) {
            text.append(i == 0 ? "" : Attendee.LIST_SEPARATOR).append(items.get(i));
        }
        return text.toString();
    }
}
