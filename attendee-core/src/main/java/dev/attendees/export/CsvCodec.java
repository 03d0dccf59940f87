package dev.attendees.export;

import dev.attendees.Attendee;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV per RFC 4180, with the contract's formula-injection guard: a cell that starts with
 * {@code = + - @}, tab or carriage return, or with the guard's own apostrophe, gets one leading
 * apostrophe, which the reader removes again. So a spreadsheet shows text, not a formula, and a
 * round trip gives the original value.
 *
 * <p>Cells are quoted as commons-csv's {@code RFC4180} format quotes them (its minimal quoting),
 * which wrote these files before: a cell is quoted when it holds a comma, a double quote or a line
 * break, starts with a character up to {@code #} or ends with one up to a space, or is an empty
 * first cell; double quotes inside are doubled; records end with CRLF. Written here directly, a
 * row at a time, because the library's per-value machinery was most of the cost of a large file.
 */
final class CsvCodec {
    private static final String RECORD_SEPARATOR = "\r\n";

    private CsvCodec() {}

    static byte[] header() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Attendee.COLUMNS.size(); i++) {
            cell(sb, Attendee.COLUMNS.get(i), i == 0);
        }
        return sb.append(RECORD_SEPARATOR).toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] encode(List<Attendee> batch) {
        StringBuilder sb = new StringBuilder(batch.size() * 280);
        for (Attendee a : batch) {
            cell(sb, Long.toString(a.id()), true);
            cell(sb, guard(a.name()), false);
            cell(sb, guard(a.email()), false);
            cell(sb, guard(a.company()), false);
            cell(sb, guard(a.eventName()), false);
            cell(sb, Attendee.formatTimestamp(a.attendanceTime()), false);
            cell(sb, guard(a.jobTitle()), false);
            cell(sb, a.industry() == null ? "" : a.industry().label(), false);
            cell(sb, a.companySize() == null ? "" : a.companySize().label(), false);
            cell(sb, guard(a.productInterestsText()), false);
            cell(sb, guard(a.boothVisitedText()), false);
            cell(sb, guard(a.imagePath()), false);
            cell(sb, Attendee.formatTimestamp(a.createdAt()), false);
            sb.append(RECORD_SEPARATOR);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends one cell, after a comma unless it is the record's first, quoted where it must be. */
    static void cell(StringBuilder sb, String value, boolean first) {
        if (!first) {
            sb.append(',');
        }
        int len = value.length();
        if (!needsQuotes(value, first)) {
            sb.append(value);
            return;
        }
        sb.append('"');
        int start = 0;
        for (int i = 0; i < len; i++) {
            if (value.charAt(i) == '"') {
                sb.append(value, start, i + 1).append('"');
                start = i + 1;
            }
        }
        sb.append(value, start, len).append('"');
    }

    private static boolean needsQuotes(String value, boolean first) {
        int len = value.length();
        if (len == 0) {
            return first; // an empty first cell alone would read as an empty line
        }
        if (value.charAt(0) <= '#') {
            return true;
        }
        for (int i = 0; i < len; i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return value.charAt(len - 1) <= ' ';
    }

    /** The cell text that a spreadsheet will not run as a formula. */
    static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return guarded(value.charAt(0)) ? "'" + value : value;
    }

    /**
     * The original value of a cell: the apostrophe comes off only where {@link #guard} put it, before
     * one of the characters it guards; any other leading apostrophe ({@code 't Hart}, {@code 'Ohana})
     * is part of the value.
     */
    static String unguard(String cell) {
        return cell != null && cell.length() >= 2 && cell.charAt(0) == '\'' && guarded(cell.charAt(1)) ? cell.substring(1) : cell;
    }

    /** Whether a value starting with {@code c} gets the guard: a formula's first character, or the guard's own apostrophe. */
    private static boolean guarded(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
    }
}
