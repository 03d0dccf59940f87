package dev.attendees.export;

import dev.attendees.Attendee;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV per RFC 4180 (commons-csv), with the contract's formula-injection guard: a cell that starts
 * with {@code = + - @}, tab or carriage return, or with the guard's own apostrophe, gets one
 * leading apostrophe, which the reader removes again. So a spreadsheet shows text, not a formula,
 * and a round trip gives the original value.
 */
final class CsvCodec {
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private CsvCodec() {}

    static byte[] header() {
        return encodeRow(Attendee.COLUMNS.toArray(new Object[0]));
    }

    static byte[] encode(List<Attendee> batch) {
        StringBuilder sb = new StringBuilder(batch.size() * 280);
        try (CSVPrinter printer = new CSVPrinter(sb, FORMAT)) {
            for (Attendee a : batch) {
                printer.printRecord(
                        a.id(),
                        guard(a.name()),
                        guard(a.email()),
                        guard(a.company()),
                        guard(a.eventName()),
                        Attendee.formatTimestamp(a.attendanceTime()),
                        guard(a.jobTitle()),
                        a.industry() == null ? "" : a.industry().label(),
                        a.companySize() == null ? "" : a.companySize().label(),
                        guard(a.productInterestsText()),
                        guard(a.boothVisitedText()),
                        guard(a.imagePath()),
                        Attendee.formatTimestamp(a.createdAt()));
            }
        } catch (IOException e) {
            throw AttendeeFormat.unchecked(e);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encodeRow(Object[] values) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(sb, FORMAT)) {
            printer.printRecord(values);
        } catch (IOException e) {
            throw AttendeeFormat.unchecked(e);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
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
