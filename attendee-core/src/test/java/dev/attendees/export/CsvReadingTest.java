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

/** The CSV reader: RFC 4180 records, the header, and errors that name the record's first line. */
class CsvReadingTest {
    private static final String HEADER = "id,name,email,event_name,company\r\n";

    private static List<Attendee> read(byte[] csv) {
        try (AttendeeReader reader = AttendeeFormat.CSV.reader(new ByteArrayInputStream(csv), "in.csv")) {
            return reader.stream().toList();
        }
    }

    private static List<Attendee> read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void should_read_quoted_fields_with_quotes_commas_and_line_breaks_and_name_later_lines_right() {
        String csv = HEADER
                + "1,\"Ann \"\"The Ace\"\" Lee\",ann@acme.io,E,\"Acme, Inc.\"\r\n"
                + "2,\"Bob\nSmith\",bob@acme.io,E,\r\n"
                + "3,Cy,cy@acme.io,E,\"'=SUM(A1)\"\r\n"
                + "4,Di,not-an-address,E,Acme\r\n";
        try (AttendeeReader reader = AttendeeFormat.CSV.reader(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "in.csv")) {
            assertThat(reader.next()).extracting(Attendee::name, Attendee::company).containsExactly("Ann \"The Ace\" Lee", "Acme, Inc.");
            assertThat(reader.line()).isEqualTo(2);
            assertThat(reader.next()).extracting(Attendee::name, Attendee::company).containsExactly("Bob\nSmith", null);
            assertThat(reader.line()).isEqualTo(3);
            assertThat(reader.next()).extracting(Attendee::company).isEqualTo("=SUM(A1)"); // the formula guard comes off
            assertThat(reader.line()).isEqualTo(5);
            assertThatThrownBy(reader::next).isInstanceOf(InputException.class)
                    .hasMessage("in.csv line 6, field email: not an e-mail address: 'not-an-address'");
        }
    }

    @Test
    void should_keep_an_apostrophe_that_is_not_the_formula_guard() {
        String csv = "name,email,event_name,company,job_title\r\n"
                + "'t Hart,jan@acme.io,E,'Ohana Foods,'Ello\r\n"
                + "Cy,cy@acme.io,E,'=SUM(A1),''quoted\r\n"
                + "Di,di@acme.io,E,'-x,'\r\n";
        assertThat(read(csv)).extracting(Attendee::name, Attendee::company, Attendee::jobTitle).containsExactly(
                org.assertj.core.groups.Tuple.tuple("'t Hart", "'Ohana Foods", "'Ello"),
                org.assertj.core.groups.Tuple.tuple("Cy", "=SUM(A1)", "'quoted"), // the writer guards its own apostrophe
                org.assertj.core.groups.Tuple.tuple("Di", "-x", "'"));
    }

    @Test
    void should_round_trip_hostile_names_exactly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        List<String> names = List.of("=1+1", "+49 30 1234567", "-x", "@y", "'t Hart", "''quoted", "'", "''", "'=1+1",
                "\tTab", "\rReturn", "'Ohana Foods", "O'Brien", "Ann Lee");
        List<Attendee> attendees = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            attendees.add(new Attendee(i + 1, names.get(i), "a" + i + "@acme.io", names.get(names.size() - 1 - i), "E",
                    null, names.get(i), null, null, List.of("Docker"), List.of(), "", null));
        }
        java.nio.file.Path file = dir.resolve("hostile.csv");
        AttendeeFormat.CSV.write(file, attendees);
        assertThat(AttendeeFormat.readAll(file)).isEqualTo(attendees);
        for (String name : names) {
            assertThat(CsvCodec.unguard(CsvCodec.guard(name))).isEqualTo(name);
        }
    }

    @Test
    void should_skip_blank_lines_anywhere_and_count_them_in_line_numbers() {
        String csv = "\r\n" + HEADER + "1,Ann,ann@acme.io,E,\r\n\r\n  \t\r\n2,Bob,bob@acme.io,E,\r\n\n\r\n"
                + "3,Cy,not-an-address,E,\r\n\r\n\r\n";
        try (AttendeeReader reader = AttendeeFormat.CSV.reader(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "in.csv")) {
            assertThat(reader.next().name()).isEqualTo("Ann");
            assertThat(reader.line()).isEqualTo(3);
            assertThat(reader.next().name()).isEqualTo("Bob");
            assertThat(reader.line()).isEqualTo(6);
            assertThatThrownBy(reader::next).isInstanceOf(InputException.class)
                    .hasMessage("in.csv line 9, field email: not an e-mail address: 'not-an-address'");
        }
        assertThat(read(HEADER + "1,Ann,ann@acme.io,E,\r\n\r\n\r\n")).hasSize(1); // blank lines at the end, common
        assertThatThrownBy(() -> read("\n\nid,name,email,event_name,nickname\n")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("in.csv line 3, field nickname: unknown column");
        assertThatThrownBy(() -> read("\r\n \r\n")).isInstanceOf(InputException.class)
                .hasMessage("in.csv line 1: is empty; expected a header row naming the contract's columns");
    }

    @Test
    void should_skip_a_byte_order_mark_and_accept_bare_line_feeds_and_no_final_line_break() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "id,name,email,event_name\n1,Ann,ann@acme.io,E\n2,Bob,bob@acme.io,E".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, csv, 0, bom.length);
        System.arraycopy(body, 0, csv, bom.length, body.length);
        assertThat(read(csv)).extracting(Attendee::id, Attendee::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "Ann"), org.assertj.core.groups.Tuple.tuple(2L, "Bob"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a field too few            | 1,Ann,ann@acme.io,E\\r\\n                                 | in.csv line 2: has 4 fields, the header has 5
            a field too many           | 1,Ann,ann@acme.io,E,Acme,x\\r\\n                          | in.csv line 2: has 6 fields, the header has 5
            a quote never closed       | 1,Ann,ann@acme.io,E,\\r\\n2,"Bob,bob@acme.io,E,\\r\\n3,Cy,cy@acme.io,E,\\r\\n | in.csv line 3: malformed CSV: Missing closing quote for value
            text after a closing quote | 1,"Ann"x,ann@acme.io,E,\\r\\n                             | in.csv line 2: malformed CSV: Unexpected character ('x' (code 120)): Expected column separator character (',' (code 44)) or end-of-line
            """)
    void should_stop_at_a_malformed_record_naming_its_first_line(String what, String rows, String message) {
        String csv = HEADER + rows.replace("\\r", "\r").replace("\\n", "\n");
        assertThatThrownBy(() -> read(csv)).as(what).isInstanceOf(InputException.class).hasMessage(message);
    }

    @Test
    void should_refuse_text_that_is_not_utf8() {
        byte[] csv = "id,name,email,event_name\n1,Ren\u00e9e,renee@acme.io,E\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(csv)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("in.csv line 2: is not UTF-8 text: Invalid UTF-8");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                  | in.csv line 1: is empty; expected a header row naming the contract's columns
            'id,name,email,event_name,nickname' | in.csv line 1, field nickname: unknown column; expected id,name,email,company,event_name,attendance_time,job_title,industry,company_size,product_interests,booth_visited,image_path,created_at
            'name,email,event_name,email'       | in.csv line 1, field email: column appears twice in the header
            'id,name,event_name'                | in.csv line 1, field email: required column is missing from the header
            """)
    void should_check_the_header(String header, String message) {
        assertThatThrownBy(() -> read(header.isEmpty() ? "" : header + "\r\n")).isInstanceOf(InputException.class).hasMessage(message);
    }

    @Test
    void should_close_its_input_when_it_refuses_the_header() {
        boolean[] closed = {false};
        // Rows enough that the parser has not reached the end (where it closes its input itself).
        String csv = "nickname\r\n" + "x\r\n".repeat(100_000);
        ByteArrayInputStream in = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThatThrownBy(() -> AttendeeFormat.CSV.reader(in, "in.csv")).isInstanceOf(InputException.class);
        assertThat(closed[0]).as("the input was closed").isTrue();
    }
}
