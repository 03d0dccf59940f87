package dev.attendees;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The years an event name carries ("KubeCon Europe 2027" → 2027), so that names and dates agree. */
final class EventYears {
    /** A year from 1900 to 2199 standing as a word of its own ("20/20" and "2026a" are none). */
    private static final Pattern YEAR = Pattern.compile("(?<![\\p{L}\\p{N}])(19|20|21)\\d{2}(?![\\p{L}\\p{N}])");

    private EventYears() {}

    /** The years named in {@code name}, in order; empty for none or a {@code null} name. */
    static List<Integer> in(String name) {
        List<Integer> years = new ArrayList<>();
        if (name != null) {
            Matcher m = YEAR.matcher(name);
            while (m.find()) {
                years.add(Integer.parseInt(m.group()));
            }
        }
        return years;
    }

    /** {@code name} with its last year replaced by {@code year}; unchanged when it names none. */
    static String withYear(String name, int year) {
        Matcher m = YEAR.matcher(name);
        int start = -1;
        int end = -1;
        while (m.find()) {
            start = m.start();
            end = m.end();
        }
        return start < 0 ? name : name.substring(0, start) + String.format(java.util.Locale.ROOT, "%04d", year) + name.substring(end);
    }
}
