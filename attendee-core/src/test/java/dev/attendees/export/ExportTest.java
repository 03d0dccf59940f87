package dev.attendees.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.InputException;
import dev.attendees.spi.AttendeeSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExportTest {
    @TempDir
    Path dir;

    static List<Attendee> hostile() {
        LocalDateTime t = LocalDateTime.of(2026, 3, 18, 9, 5, 7);
        return List.of(
                new Attendee(1, "=cmd|' /C calc'!A0", "+1@evil.test", "-Acme, \"Quoted\" Inc.", "@event", t,
                        "\tTabbed\r\nTitle", Industry.TECHNOLOGY, CompanySize.STARTUP, List.of("=SUM(A1)", "Docker"),
                        List.of("Booth \"A\"", "'quoted"), "images/1.png", t.minusDays(3)),
                new Attendee(2, "Zoë O'Brien-Łukasz 佐藤", "zoe@example.test", "Robert'); DROP TABLE attendees;--",
                        "Ünïcödé Cønf 🎉", t, "Lead \\ Engineer", Industry.RETAIL_AND_E_COMMERCE, CompanySize.MID_MARKET,
                        List.of("AI/ML"), List.of(), "", t),
                new Attendee(3, "'Leading apostrophe", "x@y.test", "line1\nline2", "e", t, "''", Industry.NON_PROFIT,
                        CompanySize.ENTERPRISE, List.of("CI/CD", "Security"), List.of("x"), "", t));
    }

    private Path write(AttendeeFormat format, List<Attendee> attendees) {
        Path file = dir.resolve("out." + format.extension());
        format.write(file, attendees);
        return file;
    }

    /** A pipe (/dev/stdin, a shell's <(...), a FIFO) cannot seek: the reader must not need to. */
    @ParameterizedTest
    @EnumSource(AttendeeFormat.class)
    void should_read_a_pipe_to_its_end(AttendeeFormat format) throws Exception {
        List<Attendee> attendees = AttendeeGenerator.builder().seed(7).build().generate(3_000);
        byte[] content = Files.readAllBytes(write(format, attendees));
        Path fifo = dir.resolve("attendees-pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        ExecutorService feeder = Executors.newSingleThreadExecutor();
        try {
            Future<Path> fed = feeder.submit(() -> Files.write(fifo, content));
            assertThat(AttendeeFormat.readAll(fifo)).isEqualTo(attendees);
            fed.get();
        } finally {
            feeder.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(AttendeeFormat.class)
    void should_round_trip_hostile_cells_exactly(AttendeeFormat format) {
        assertThat(AttendeeFormat.readAll(write(format, hostile()))).isEqualTo(hostile());
    }

    @ParameterizedTest
    @EnumSource(AttendeeFormat.class)
    void should_round_trip_generated_attendees(AttendeeFormat format) {
        List<Attendee> generated = AttendeeGenerator.builder().seed(5).locale("international").build().generate(3_000);
        assertThat(AttendeeFormat.readAll(write(format, generated))).isEqualTo(generated);
    }

    @Test
    void should_keep_spreadsheets_from_running_formulas() throws IOException {
        String csv = Files.readString(write(AttendeeFormat.CSV, hostile()), StandardCharsets.UTF_8);
        for (String cell : csv.split("\r\n|,")) {
            String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
            assertThat(unquoted).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
        }
        assertThat(csv).startsWith(String.join(",", Attendee.COLUMNS) + "\r\n");
        assertThat(csv).contains("'=cmd|");
    }

    @Test
    void should_write_contract_json_and_ndjson() throws IOException {
        String json = Files.readString(write(AttendeeFormat.JSON, hostile().subList(1, 3)));
        assertThat(json).startsWith("[\n{\"id\":2,\"name\":").endsWith("}\n]\n");
        assertThat(json).contains("\"product_interests\":\"CI/CD;Security\"", "\"booth_visited\":\"\"",
                "\"attendance_time\":\"2026-03-18 09:05:07\"");
        List<String> lines = Files.readAllLines(write(AttendeeFormat.NDJSON, hostile()));
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("{\"id\":").endsWith("}"));
    }

    @Test
    void should_give_the_file_ordinary_permissions() throws IOException {
        Path file = write(AttendeeFormat.CSV, hostile());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void should_write_through_a_symbolic_link_and_keep_it() throws IOException {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        try (AttendeeFileSink sink = AttendeeFormat.CSV.open(link)) {
            sink.write(hostile());
            sink.commit();
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(AttendeeFormat.readAll(real)).isEqualTo(hostile());
    }

    @Test
    void should_refuse_a_folder_as_output() {
        assertThatThrownBy(() -> AttendeeFormat.CSV.open(dir)).isInstanceOf(dev.attendees.ConfigurationException.class)
                .hasMessageContaining("is a folder");
    }

    @Test
    void should_write_an_empty_json_array() throws IOException {
        assertThat(Files.readString(write(AttendeeFormat.JSON, List.of()))).isEqualTo("[]\n");
        assertThat(AttendeeFormat.readAll(dir.resolve("out.json"))).isEmpty();
    }

    @Test
    void an_interrupted_write_should_leave_nothing_behind() throws IOException {
        Path file = dir.resolve("attendees.csv");
        AttendeeGenerator generator = AttendeeGenerator.builder().seed(1).build();
        AttendeeSink failing = new AttendeeSink() {
            final AttendeeFileSink inner = AttendeeFormat.CSV.open(file);
            int batches;

            @Override
            public void write(List<Attendee> batch) {
                inner.write(batch);
                if (++batches == 3) {
                    throw new IllegalStateException("disk on fire");
                }
            }

            @Override
            public void commit() {
                inner.commit();
            }

            @Override
            public void close() {
                inner.close();
            }
        };
        try (failing) {
            assertThatThrownBy(() -> generator.writeTo(failing, 50_000)).hasMessage("disk on fire");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void a_failed_write_should_keep_an_older_file_intact() throws IOException {
        Path file = write(AttendeeFormat.CSV, hostile());
        byte[] before = Files.readAllBytes(file);
        try (AttendeeFileSink sink = AttendeeFormat.CSV.open(file)) {
            sink.write(AttendeeGenerator.builder().seed(2).build().generate(100));
            // closed without commit
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void a_bad_value_should_name_file_line_and_field() throws IOException {
        Path csv = dir.resolve("bad.csv");
        List<String> rows = new ArrayList<>();
        rows.add(String.join(",", Attendee.COLUMNS));
        rows.add("1,Ann Lee,ann@acme.io,Acme,Conf,2026-03-18 09:00:00,Engineer,Technology,SMB,Docker,,,2026-03-01 10:00:00");
        rows.add("2,Bob Roe,bob@acme.io,Acme,Conf,2026-03-18 25:00:00,Engineer,Technology,SMB,Docker,,,2026-03-01 10:00:00");
        Files.write(csv, rows);
        try (AttendeeReader reader = AttendeeFormat.read(csv)) {
            assertThat(reader.next().name()).isEqualTo("Ann Lee");
            assertThatThrownBy(reader::next).isInstanceOf(InputException.class)
                    .hasMessage(csv + " line 3, field attendance_time: '2026-03-18 25:00:00' is not a timestamp YYYY-MM-DD HH:MM:SS");
        }
        Files.writeString(csv, String.join(",", Attendee.COLUMNS) + "\n"
                + "1,Ann Lee,ann@acme.io,Acme,Conf,,Engineer,Tech,SMB,Docker,,,\n");
        assertThatThrownBy(() -> AttendeeFormat.readAll(csv)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(csv + " line 2, field industry: 'Tech' is not one of Technology, Cybersecurity");
        Files.writeString(csv, "id,name,mail\n1,Ann,ann@x.io\n");
        assertThatThrownBy(() -> AttendeeFormat.readAll(csv)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(csv + " line 1, field mail: unknown column");
        Path ndjson = dir.resolve("bad.ndjson");
        Files.writeString(ndjson, "{\"name\":\"Ann\",\"email\":\"a@b.io\",\"event_name\":\"E\"}\n{\"name\":\"Bob\",\"event_name\":\"E\"}\n");
        assertThatThrownBy(() -> AttendeeFormat.readAll(ndjson)).isInstanceOf(InputException.class)
                .hasMessage(ndjson + " line 2, field email: is missing");
        Path json = dir.resolve("bad.json");
        Files.writeString(json, "[\n{\"name\":\"Ann\",\"email\":\"a@b.io\",\"event_name\":\"E\"},\n{\"name\": \"Bob\",");
        assertThatThrownBy(() -> AttendeeFormat.readAll(json)).isInstanceOf(InputException.class).hasMessageContaining(json + " line 3")
                .hasMessageContaining("malformed JSON");
    }
}
