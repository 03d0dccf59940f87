package dev.attendees.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.attendees.Attendee;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/** JSON objects with the contract's snake_case keys, written with Jackson's streaming generator. */
final class JsonCodec {
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** Jackson's "(start marker at [Source: ...; line: 3, column: 1])". */
    private static final Pattern START_MARKER =
            Pattern.compile("\\s*\\(start marker at \\[Source: .*?; line: (\\d+), column: \\d+\\]\\)");
    /** Jackson's location, "at [Source: ...; line: 3, column: 10]" (the line is named already). */
    private static final Pattern LOCATION = Pattern.compile("\\s*at \\[Source: .*?\\]");

    private JsonCodec() {}

    /**
     * What a Jackson parser (JSON or CSV) found wrong, in one line and without its internals: no
     * source description, no location lines (the caller names file and line), a start marker as
     * "(opened on line N)".
     */
    static String problem(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null || message.isBlank()) {
            return "cannot read the input";
        }
        message = START_MARKER.matcher(message).replaceAll(" (opened on line $1)");
        message = LOCATION.matcher(message).replaceAll("");
        int cut = message.indexOf('\n');
        return (cut < 0 ? message : message.substring(0, cut)).strip();
    }

    /**
     * One object a line. For a JSON array every object is preceded by {@code ",\n"}; the sink drops
     * the very first comma.
     */
    static byte[] encode(List<Attendee> batch, boolean array) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 360);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setRootValueSeparator(null);
            for (Attendee a : batch) {
                if (array) {
                    g.writeRaw(",\n");
                }
                g.writeStartObject();
                g.writeNumberField("id", a.id());
                g.writeStringField("name", a.name());
                g.writeStringField("email", a.email());
                g.writeStringField("company", a.company());
                g.writeStringField("event_name", a.eventName());
                g.writeStringField("attendance_time", a.attendanceTime() == null ? null : Attendee.formatTimestamp(a.attendanceTime()));
                g.writeStringField("job_title", a.jobTitle());
                g.writeStringField("industry", a.industry() == null ? null : a.industry().label());
                g.writeStringField("company_size", a.companySize() == null ? null : a.companySize().label());
                g.writeStringField("product_interests", a.productInterestsText());
                g.writeStringField("booth_visited", a.boothVisitedText());
                g.writeStringField("image_path", a.imagePath());
                g.writeStringField("created_at", a.createdAt() == null ? null : Attendee.formatTimestamp(a.createdAt()));
                g.writeEndObject();
                if (!array) {
                    g.writeRaw('\n');
                }
            }
        } catch (IOException e) {
            throw AttendeeFormat.unchecked(e);
        }
        return out.toByteArray();
    }
}
