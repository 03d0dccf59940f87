package dev.attendees.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.attendees.Attendee;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/** JSON objects with the contract's snake_case keys, written with Jackson's streaming generator. */
final class JsonCodec {
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonCodec() {}

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
