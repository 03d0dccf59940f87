package dev.attendees.export;

import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.InputException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Turns one record's text fields (by contract column name) into an {@link Attendee}, or names what is wrong. */
final class RecordParser {
    private RecordParser() {}

    static Attendee parse(Map<String, String> fields, String source, long line) {
        return parse(fields, source, line, null);
    }

    /**
     * As {@link #parse(Map, String, long)}, with an error about a field naming the field's own line
     * where {@code fieldLines} knows it (a record over several lines, as in pretty-printed JSON).
     */
    static Attendee parse(Map<String, String> fields, String source, long line, ToLongFunction<String> fieldLines) {
        ToLongFunction<String> at = fieldLines == null ? column -> line : column -> {
            long fieldLine = fieldLines.applyAsLong(column);
            return fieldLine > 0 ? fieldLine : line;
        };
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() != null) {
                controlCharacters(field.getValue(), field.getKey(), source, at);
            }
        }
        long id = 0;
        String idText = fields.get("id");
        if (idText != null && !idText.isBlank()) {
            try {
                id = Long.parseLong(idText.trim());
            } catch (NumberFormatException e) {
                throw new InputException(source, at.applyAsLong("id"), "id", "not a whole number: '" + idText + "'");
            }
            if (id < 1) {
                throw new InputException(source, at.applyAsLong("id"), "id", "must be at least 1, was " + id);
            }
        }
        String name = required(fields, "name", source, at);
        String email = required(fields, "email", source, at);
        if (!isEmail(email)) {
            throw new InputException(source, at.applyAsLong("email"), "email", "not an e-mail address: '" + email + "'");
        }
        String eventName = required(fields, "event_name", source, at);
        Industry industry = null;
        String industryText = blankToNull(fields.get("industry"));
        if (industryText != null) {
            industry = Industry.find(industryText).orElseThrow(() -> new InputException(source, at.applyAsLong("industry"), "industry",
                    "'" + industryText + "' is not one of " + Industry.labels()));
        }
        CompanySize size = null;
        String sizeText = blankToNull(fields.get("company_size"));
        if (sizeText != null) {
            size = CompanySize.find(sizeText).orElseThrow(() -> new InputException(source, at.applyAsLong("company_size"), "company_size",
                    "'" + sizeText + "' is not one of " + CompanySize.labels()));
        }
        return new Attendee(id, name, email, blankToNull(fields.get("company")), eventName,
                timestamp(fields, "attendance_time", source, at), blankToNull(fields.get("job_title")), industry, size,
                list(fields, "product_interests", source, at), list(fields, "booth_visited", source, at),
                fields.getOrDefault("image_path", ""), timestamp(fields, "created_at", source, at));
    }

    /**
     * Whether {@code text} is an e-mail address: a local part of letters, digits and
     * {@code !#$%&'*+/=?^_`{|}~.-} (no dot at either end, no two dots in a row), {@code @}, and a
     * domain of at least two labels of letters, digits and inner hyphens; 254 characters at most.
     */
    static boolean isEmail(String text) {
        int at = text.lastIndexOf('@');
        if (at < 1 || at == text.length() - 1 || text.length() > 254 || text.indexOf('@') != at) {
            return false;
        }
        String local = text.substring(0, at);
        if (local.length() > 64 || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0)) {
                return false;
            }
        }
        String[] labels = text.substring(at + 1).split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(isAsciiLetterOrDigit(c) || c == '-')) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /**
     * A {@code ;}-joined list; an empty item ({@code A;;B}, a {@code ;} at either end) or an item with
     * white space at either end ({@code A; B}) is an error: the contract joins items by {@code ;} with
     * nothing around it.
     */
    private static List<String> list(Map<String, String> fields, String column, String source, ToLongFunction<String> at) {
        List<String> items = Attendee.splitList(fields.get(column));
        for (String item : items) {
            if (item.isBlank()) {
                throw new InputException(source, at.applyAsLong(column), column, "has an empty item in '" + fields.get(column)
                        + "' (items are joined by ';' with nothing else around it)");
            }
            if (Character.isWhitespace(item.charAt(0)) || Character.isWhitespace(item.charAt(item.length() - 1))) {
                throw new InputException(source, at.applyAsLong(column), column, "item '" + item + "' has spaces around it in '"
                        + fields.get(column) + "' (items are joined by ';' with nothing else around it)");
            }
        }
        return items;
    }

    /**
     * Refuses a C0 control character other than tab, line feed and carriage return (which the contract's
     * CSV quotes and guards): U+0000 above all, which PostgreSQL cannot store in text.
     */
    private static void controlCharacters(String value, String column, String source, ToLongFunction<String> at) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                throw new InputException(source, at.applyAsLong(column), column, String.format("holds the control character U+%04X at"
                        + " character %d; text may hold no control characters but tab, line feed and carriage return",
                        (int) c, i + 1));
            }
        }
    }

    private static String required(Map<String, String> fields, String column, String source, ToLongFunction<String> at) {
        String value = fields.get(column);
        if (value == null || value.isBlank()) {
            throw new InputException(source, at.applyAsLong(column), column, "is missing");
        }
        return value;
    }

    private static LocalDateTime timestamp(Map<String, String> fields, String column, String source, ToLongFunction<String> at) {
        String text = blankToNull(fields.get(column));
        if (text == null) {
            return null;
        }
        try {
            return parseTimestamp(text.trim());
        } catch (DateTimeException e) {
            throw new InputException(source, at.applyAsLong(column), column, "'" + text + "' is not a timestamp YYYY-MM-DD HH:MM:SS"
                    + noSuchDay(text.trim()));
        }
    }

    /**
     * {@code YYYY-MM-DD HH:MM:SS}: valid values without the formatter (several times faster),
     * anything else through {@link Attendee#TIMESTAMP_FORMAT}, whose strict resolver refuses
     * a day the month does not have ({@code 2026-02-30}) instead of moving it to the month's last day.
     */
    private static LocalDateTime parseTimestamp(String t) {
        if (t.length() == 19 && t.charAt(4) == '-' && t.charAt(7) == '-' && t.charAt(10) == ' ' && t.charAt(13) == ':'
                && t.charAt(16) == ':') {
            int year = digits(t, 0, 4);
            int month = digits(t, 5, 2);
            int day = digits(t, 8, 2);
            int hour = digits(t, 11, 2);
            int minute = digits(t, 14, 2);
            int second = digits(t, 17, 2);
            if ((year | month | day | hour | minute | second) >= 0 && month >= 1 && month <= 12 && day >= 1
                    && (day <= 28 || day <= lengthOfMonth(year, month))
                    && hour <= 23 && minute <= 59 && second <= 59) {
                return LocalDateTime.of(year, month, day, hour, minute, second);
            }
        }
        return LocalDateTime.parse(t, Attendee.TIMESTAMP_FORMAT);
    }

    /** {@code ": 2026-02 has no day 30"} when a well-formed timestamp names a day its month lacks, else {@code ""}. */
    private static String noSuchDay(String t) {
        if (t.length() != 19 || t.charAt(4) != '-' || t.charAt(7) != '-') {
            return "";
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31
                || day <= lengthOfMonth(year, month)) {
            return "";
        }
        return ": " + t.substring(0, 7) + " has no day " + day;
    }

    /** The days of {@code month} (1 to 12) in {@code year}. */
    private static int lengthOfMonth(int year, int month) {
        return Month.of(month).length(Year.isLeap(year));
    }

    /** The number written by {@code length} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
