package dev.attendees.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.Attendee;
import dev.attendees.InputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The readers check every row against the whole contract: e-mail syntax, list items, timestamps. */
class RecordValidationTest {

    private static List<Attendee> read(String ndjson) {
        try (AttendeeReader reader = AttendeeFormat.NDJSON.reader(
                new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), "in.ndjson")) {
            return reader.stream().toList();
        }
    }

    private static String row(String field, String value) {
        String base = "{\"name\":\"Ann Lee\",\"email\":\"ann@acme.io\",\"event_name\":\"E\",\"product_interests\":\"Docker\"";
        return base + ",\"" + field + "\":\"" + value + "\"}\n";
    }

    @org.junit.jupiter.api.Test
    void should_refuse_a_binary_file_without_echoing_its_bytes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path db = dir.resolve("attendees.db");
        java.nio.file.Files.write(db, new byte[] {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', 0, 16, 0});
        assertThatThrownBy(() -> AttendeeFormat.read(db)).isInstanceOf(InputException.class)
                .hasMessage(db + ": is not a CSV, JSON or NDJSON file (it holds binary data, a database perhaps)");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 899, 5000})
    void should_reject_a_nul_character_on_any_line_of_a_csv_file(int row, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        StringBuilder csv = new StringBuilder("name,email,event_name,company\r\n");
        for (int i = 1; i < 5000; i++) {
            csv.append(i == row - 1 ? "Ann\u0000Lee" : "Ann Lee").append(",ann").append(i).append("@acme.io,E,Acme\r\n");
        }
        java.nio.file.Path file = dir.resolve("in.csv");
        java.nio.file.Files.writeString(file, csv);
        assertThatThrownBy(() -> AttendeeFormat.readAll(file)).isInstanceOf(InputException.class).hasMessage(file + " line " + row
                + ", field name: holds the control character U+0000 at character 4; text may hold no control characters but"
                + " tab, line feed and carriage return");
    }

    @ParameterizedTest
    @ValueSource(strings = {"company", "job_title", "image_path", "booth_visited", "created_at"})
    void should_reject_control_characters_in_every_text_field_and_format(String field) {
        for (String control : List.of("\\u0000", "\\u0001", "\\u001b", "\\u000b", "\\u001f")) {
            String code = control.substring(2).toUpperCase(java.util.Locale.ROOT);
            String message = "field " + field + ": holds the control character U+" + code + " at character 2";
            String json = row(field, "x" + control + "y");
            assertThatThrownBy(() -> read(json)).isInstanceOf(InputException.class).hasMessageStartingWith("in.ndjson line 1, " + message);
            assertThatThrownBy(() -> readAs(AttendeeFormat.JSON, "[\n" + json + "]")).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("in.json line 2, " + message);
            String raw = "x" + (char) Integer.parseInt(code, 16) + "y";
            String csv = "name,email,event_name,product_interests," + field + "\r\nAnn Lee,ann@acme.io,E,Docker," + raw + "\r\n";
            assertThatThrownBy(() -> readAs(AttendeeFormat.CSV, csv)).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("in.csv line 2, " + message);
        }
    }

    @org.junit.jupiter.api.Test
    void should_keep_tabs_line_breaks_and_other_characters() {
        assertThat(read(row("job_title", "a\\tb\\r\\nc\\u007fd\\u0085e"))).extracting(Attendee::jobTitle)
                .containsExactly("a\tb\r\nc\u007fd\u0085e");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob@", "@acme.io", "bob", "bob@acme", "bob@@acme.io", "bo b@acme.io", "bob@acme..io",
        ".bob@acme.io", "bob.@acme.io", "bob@-acme.io", "bob@acme.io.", "b\u00f6b@acme.io", "bob@ac_me.io"})
    void should_reject_what_is_not_an_email_address(String email) {
        assertThatThrownBy(() -> read(row("email", email))).isInstanceOf(InputException.class)
                .hasMessage("in.ndjson line 1, field email: not an e-mail address: '" + email + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann@acme.io", "Ann.Lee+events@Acme.co.uk", "o'brien@example.com", "x_y-z@a-b.c1.io",
        "maria.keller@northwind.io.test"})
    void should_accept_email_addresses(String email) {
        assertThat(read(row("email", email))).extracting(Attendee::email).containsExactly(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Docker;;Kubernetes", ";Docker", "Docker;", "Docker; ;Kubernetes"})
    void should_reject_empty_list_items(String interests) {
        assertThatThrownBy(() -> read(row("product_interests", interests))).isInstanceOf(InputException.class)
                .hasMessageStartingWith("in.ndjson line 1, field product_interests: has an empty item in '" + interests + "'");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            product_interests | Kubernetes; Docker          | ' Docker'
            product_interests | Kubernetes ;Docker          | 'Kubernetes '
            product_interests | " Docker"                   | ' Docker'
            product_interests | "Docker "                   | 'Docker '
            booth_visited     | Grafana Labs;\tDocker       | '\tDocker'
            booth_visited     | Grafana Labs ; Docker Inc.  | 'Grafana Labs '
            """)
    void should_reject_list_items_with_spaces_around_them_in_every_format(String field, String value, String item) {
        String text = value.replace("\\t", "\t");
        String shown = item.replace("\\t", "\t");
        String message = "field " + field + ": item " + shown + " has spaces around it in '" + text
                + "' (items are joined by ';' with nothing else around it)";
        String json = row(field, text.replace("\t", "\\t"));
        assertThatThrownBy(() -> read(json)).isInstanceOf(InputException.class).hasMessage("in.ndjson line 1, " + message);
        assertThatThrownBy(() -> readAs(AttendeeFormat.JSON, "[\n" + json + "]\n")).isInstanceOf(InputException.class)
                .hasMessage("in.json line 2, " + message);
        String csv = "name,email,event_name," + field + "\r\nAnn Lee,ann@acme.io,E,\"" + text + "\"\r\n";
        assertThatThrownBy(() -> readAs(AttendeeFormat.CSV, csv)).isInstanceOf(InputException.class)
                .hasMessage("in.csv line 2, " + message);
    }

    @org.junit.jupiter.api.Test
    void should_keep_spaces_inside_list_items() {
        assertThat(read(row("booth_visited", "Grafana Labs;Red Hat OpenShift"))).flatExtracting(Attendee::boothVisited)
                .containsExactly("Grafana Labs", "Red Hat OpenShift");
    }

    private static List<Attendee> readAs(AttendeeFormat format, String text) {
        try (AttendeeReader reader = format.reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "in." + format.extension())) {
            return reader.stream().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31 23:59:59", "2026-11-10 00:00:00", "2024-02-29 12:30:01", "1999-12-28 07:08:09"})
    void should_read_timestamps_exactly(String text) {
        assertThat(read(row("attendance_time", text))).extracting(Attendee::attendanceTime)
                .containsExactly(LocalDateTime.parse(text.replace(' ', 'T')));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31 23:59:59", "2024-02-29 00:00:00", "2026-04-30 10:00:00", "2026-12-31 23:59:59",
        "2000-02-29 08:00:00", "2026-03-29 10:00:00"})
    void should_read_the_last_days_of_months_exactly(String text) {
        for (String field : List.of("attendance_time", "created_at")) {
            LocalDateTime expected = LocalDateTime.parse(text.replace(' ', 'T'));
            Attendee a = read(row(field, text)).get(0);
            assertThat(field.equals("created_at") ? a.createdAt() : a.attendanceTime()).as(field).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "2026-02-30 10:00:00, 2026-02 has no day 30",
        "2026-02-29 10:00:00, 2026-02 has no day 29",
        "2026-04-31 10:00:00, 2026-04 has no day 31",
        "1900-02-29 10:00:00, 1900-02 has no day 29",
        "2026-06-31 23:59:59, 2026-06 has no day 31"})
    void should_reject_days_the_month_does_not_have_in_both_timestamps(String text, String why) {
        for (String field : List.of("attendance_time", "created_at")) {
            assertThatThrownBy(() -> read(row(field, text))).as(field).isInstanceOf(InputException.class)
                    .hasMessage("in.ndjson line 1, field " + field + ": '" + text
                            + "' is not a timestamp YYYY-MM-DD HH:MM:SS: " + why);
        }
        String csv = "name,email,event_name,attendance_time,created_at\r\nAnn Lee,ann@acme.io,E,2026-03-01 10:00:00,"
                + text + "\r\n";
        assertThatThrownBy(() -> AttendeeFormat.CSV.reader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "in.csv")
                .stream().toList()).isInstanceOf(InputException.class)
                .hasMessage("in.csv line 2, field created_at: '" + text + "' is not a timestamp YYYY-MM-DD HH:MM:SS: " + why);
    }

    @org.junit.jupiter.api.Test
    void the_contract_format_should_be_strict_wherever_it_parses() {
        assertThatThrownBy(() -> LocalDateTime.parse("2026-02-30 10:00:00", Attendee.TIMESTAMP_FORMAT))
                .isInstanceOf(java.time.format.DateTimeParseException.class);
        assertThat(LocalDateTime.parse("2024-02-29 10:00:00", Attendee.TIMESTAMP_FORMAT))
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 10, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01 10:00:00", "2026-01-01T10:00:00", "2026-1-1 10:00:00",
        "yesterday", "2026-00-10 10:00:00", "2026-01-00 10:00:00", "2026-01-32 10:00:00", "2026-01-10 24:00:00"})
    void should_reject_malformed_timestamps(String text) {
        assertThatThrownBy(() -> read(row("attendance_time", text))).isInstanceOf(InputException.class)
                .hasMessage("in.ndjson line 1, field attendance_time: '" + text + "' is not a timestamp YYYY-MM-DD HH:MM:SS");
    }
}
