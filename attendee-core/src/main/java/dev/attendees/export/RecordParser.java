package dev.attendees.export;

import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.InputException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Turns one record's text fields (by contract column name) into an {@link Attendee}, or names what is wrong. */
final class RecordParser {
    private RecordParser() {}

    static Attendee parse(Map<String, String> fields, String source, long line) {
        long id = 0;
        String idText = fields.get("id");
        if (idText != null && !idText.isBlank()) {
            try {
                id = Long.parseLong(idText.trim());
            } catch (NumberFormatException e) {
                throw new InputException(source, line, "id", "not a whole number: '" + idText + "'");
            }
            if (id < 1) {
                throw new InputException(source, line, "id", "must be at least 1, was " + id);
            }
        }
        String name = required(fields, "name", source, line);
        String email = required(fields, "email", source, line);
        String eventName = required(fields, "event_name", source, line);
        Industry industry = null;
        String industryText = blankToNull(fields.get("industry"));
        if (industryText != null) {
            industry = Industry.find(industryText).orElseThrow(() -> new InputException(source, line, "industry",
                    "'" + industryText + "' is not one of " + Industry.labels()));
        }
        CompanySize size = null;
        String sizeText = blankToNull(fields.get("company_size"));
        if (sizeText != null) {
            size = CompanySize.find(sizeText).orElseThrow(() -> new InputException(source, line, "company_size",
                    "'" + sizeText + "' is not one of " + CompanySize.labels()));
        }
        return new Attendee(id, name, email, blankToNull(fields.get("company")), eventName,
                timestamp(fields, "attendance_time", source, line), blankToNull(fields.get("job_title")), industry, size,
                Attendee.splitList(fields.get("product_interests")), Attendee.splitList(fields.get("booth_visited")),
                fields.getOrDefault("image_path", ""), timestamp(fields, "created_at", source, line));
    }

    private static String required(Map<String, String> fields, String column, String source, long line) {
        String value = fields.get(column);
        if (value == null || value.isBlank()) {
            throw new InputException(source, line, column, "is missing");
        }
        return value;
    }

    private static LocalDateTime timestamp(Map<String, String> fields, String column, String source, long line) {
        String text = blankToNull(fields.get(column));
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), Attendee.TIMESTAMP_FORMAT);
        } catch (DateTimeParseException e) {
            throw new InputException(source, line, column, "'" + text + "' is not a timestamp YYYY-MM-DD HH:MM:SS");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
