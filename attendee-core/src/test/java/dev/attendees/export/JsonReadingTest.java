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

    @Test
    void should_name_the_line_of_the_bad_field_in_pretty_printed_json() {
        String json = """
                [
                  {
                    "name": "Ann Lee",
                    "email": "ann@acme.io",
                    "event_name": "E"
                  },
                  {
                    "name": "Bob Roe",
                    "email":
                      "bob@acme",
                    "event_name": "E"
                  }
                ]
                """;
        assertThatThrownBy(() -> read(AttendeeFormat.JSON, json)).isInstanceOf(InputException.class)
                .hasMessage("in.json line 10, field email: not an e-mail address: 'bob@acme'");
        assertThatThrownBy(() -> read(AttendeeFormat.JSON, json.replace("\"Ann Lee\"", "\"Ann Lee\", \"nick\": 1")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("in.json line 3, field nick: unknown field");
        assertThatThrownBy(() -> read(AttendeeFormat.JSON, json.replace("\"E\"\n  },", "\"E\",\n \"created_at\": \"2026-02-30 10:00:00\"\n  },")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("in.json line 6, field created_at: '2026-02-30 10:00:00'");
        // A missing field has no line of its own: the object's.
        assertThatThrownBy(() -> read(AttendeeFormat.JSON, json.replace("\"email\": \"ann@acme.io\",", "")))
                .isInstanceOf(InputException.class).hasMessage("in.json line 2, field email: is missing");
    }

    @Test
    void should_name_the_line_of_a_malformed_ndjson_record_in_one_clean_line() {
        String[][] cases = {
                {"cut short before the next line", "ANN\n{\"name\":\"Bob Roe\",\"email\"\nANN\n", "in.ndjson line 2: malformed JSON: Unexpected character ('{' (code 123)): was expecting a colon to separate field name and value"},
                {"cut short at the end of the input", "ANN\nANN\n{\"name\":\"Bob Roe\"\n", "in.ndjson line 3: malformed JSON: Unexpected end-of-input: expected close marker for Object (opened on line 3)"},
                {"cut short inside text", "ANN\n{\"name\":\"Bob R\nANN\n", "in.ndjson line 2: malformed JSON: Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value"},
                {"not an object", "ANN\n\n[1]\n", "in.ndjson line 3: expected an attendee object, found an array"},
                {"a nested object", "{\"name\":{\"first\":\"Ann\"}}\n", "in.ndjson line 1, field name: must be text or a number, not an object"}};
        for (String[] c : cases) {
            String text = c[1].replace("\\n", "\n").replace("ANN", ANN);
            assertThatThrownBy(() -> read(AttendeeFormat.NDJSON, text)).as(c[0]).isInstanceOf(InputException.class).hasMessage(c[2]);
        }
    }

    @Test
    void should_report_malformed_json_in_one_clean_line() {
        String[][] cases = {
                {"a missing comma", "[\nANN,\n{\"name\":\"Bob Roe\" \"email\":\"bob@acme.io\"}\n]", "in.json line 3: malformed JSON: Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries"},
                {"the end cut off", "[\nANN,\n{\"name\": \"Bob Roe\"\n", "in.json line 4: malformed JSON: Unexpected end-of-input: expected close marker for Object (opened on line 3)"},
                {"the array not closed", "[\nANN,\nANN\n", "in.json line 4: malformed JSON: Unexpected end-of-input: expected close marker for Array (opened on line 1)"},
                {"a number in the array", "[\nANN,\n7\n]", "in.json line 3: expected an attendee object, found a number"},
                {"a bad token", "[\nANN,\n{\"name\": nope}]", "in.json line 3: malformed JSON: Unrecognized token 'nope': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"}};
        for (String[] c : cases) {
            String text = c[1].replace("\\n", "\n").replace("ANN", ANN);
            assertThatThrownBy(() -> read(AttendeeFormat.JSON, text)).as(c[0]).isInstanceOf(InputException.class).hasMessage(c[2])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Source", "REDACTED", "jackson", "\n", "START_", "VALUE_"));
        }
    }

    @Test
    void should_skip_blank_lines_and_count_them_in_line_numbers() {
        String ndjson = "\n" + ANN + "\n\n  \t \n" + BOB + "\n\n\n";
        try (AttendeeReader reader = AttendeeFormat.NDJSON.reader(
                new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), "in.ndjson")) {
            assertThat(reader.next().name()).isEqualTo("Ann Lee");
            assertThat(reader.line()).isEqualTo(2);
            assertThat(reader.next().name()).isEqualTo("Bob Roe");
            assertThat(reader.line()).isEqualTo(5);
            assertThat(reader.hasNext()).isFalse();
        }
    }
}
