package dev.attendees.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.Attendee;
import dev.attendees.InputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON and NDJSON reader: one array or one object a line, and errors that name the right line. */
class JsonReadingTest {
    private static final String ANN = "{\"name\":\"Ann Lee\",\"email\":\"ann@acme.io\",\"event_name\":\"E\"}";
    private static final String BOB = "{\"name\":\"Bob Roe\",\"email\":\"bob@acme.io\",\"event_name\":\"E\"}";

    private static List<Attendee> read(AttendeeFormat format, String text) {
        try (AttendeeReader reader = format.reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "in." + format.extension())) {
            return reader.stream().toList();
        }
    }

    @Test
    void should_accept_white_space_after_the_array() {
        assertThat(read(AttendeeFormat.JSON, "[\n" + ANN + ",\n" + BOB + "\n]\n\n  \t\n")).extracting(Attendee::name)
                .containsExactly("Ann Lee", "Bob Roe");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            two arrays joined by cat  | [\\nANN\\n]\\n[\\nBOB\\n]\\n | in.json line 4: unexpected second array after the array's closing ']' (line 3); a JSON file holds one array
            an object after the array | [ANN]\\nBOB\\n               | in.json line 2: unexpected content after the array's closing ']' (line 1); a JSON file holds one array
            junk after the array      | [ANN]\\n\\njunk\\n           | in.json line 3: unexpected text after the array's closing ']' (line 1); only white space may follow it
            a second closing bracket  | [ANN]]                     | in.json line 1: unexpected text after the array's closing ']' (line 1); only white space may follow it
            """)
    void should_refuse_anything_but_white_space_after_the_array(String what, String text, String message) {
        String json = text.replace("\\n", "\n").replace("ANN", ANN).replace("BOB", BOB);
        assertThatThrownBy(() -> read(AttendeeFormat.JSON, json)).as(what).isInstanceOf(InputException.class).hasMessage(message);
    }
}
