package dev.attendees.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/**
 * The CSV writer gives the bytes commons-csv's RFC 4180 format gave (which wrote the files and the
 * golden fixtures before): cell by cell over awkward text, and record by record over attendees.
 */
class CsvCodecTest {
    private static final CSVFormat COMMONS = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    @Test
    void a_cell_should_be_quoted_and_escaped_as_commons_csv_does() throws IOException {
        // given every string of up to four characters from an alphabet of the characters quoting turns on
        char[] alphabet = {'a', 'Z', ',', '"', '\n', '\r', ' ', '\t', '#', '!', '$', '=', '\'', 'é', '\u0000', ';'};
        List<String> values = new ArrayList<>(List.of(""));
        for (int length = 1; length <= 4; length++) {
            List<String> longer = new ArrayList<>();
            for (String v : values) {
                if (v.length() == length - 1) {
                    for (char c : alphabet) {
                        longer.add(v + c);
                    }
                }
            }
            values.addAll(longer);
        }

        for (String value : values) {
            for (boolean first : new boolean[] {true, false}) {
                // when
                StringBuilder ours = new StringBuilder();
                CsvCodec.cell(ours, value, first);
                StringBuilder theirs = new StringBuilder();
                COMMONS.print(value, theirs, first);

                // then
                assertThat(ours.toString()).as("'%s' first=%s", value, first).isEqualTo(theirs.toString());
            }
        }
    }

    @Test
    void records_should_be_the_bytes_commons_csv_wrote() throws IOException {
        // given attendees of every locale, with undeliverable and personal addresses, and some awkward text
        List<Attendee> batch = new ArrayList<>(AttendeeGenerator.builder().seed(3).locale("international").build().generate(2_000));
        batch.addAll(AttendeeGenerator.builder().seed(4).eventType("security").undeliverableEmails(true).build().generate(500));
        Random random = new Random(5);
        for (int i = 0; i < 50; i++) {
            Attendee a = batch.get(random.nextInt(batch.size()));
            batch.set(i, new Attendee(a.id(), "\"Doc\" O'Neil, Jr. ", a.email(), "=Acme, Inc.", "#Event\r\n2026", a.attendanceTime(),
                    " Lead", a.industry(), a.companySize(), a.productInterests(), a.boothVisited(), "img \"1\".png", a.createdAt()));
        }

        // when / then
        assertThat(new String(CsvCodec.encode(batch), StandardCharsets.UTF_8)).isEqualTo(commons(batch));
        assertThat(new String(CsvCodec.header(), StandardCharsets.UTF_8)).isEqualTo(commonsRow(Attendee.COLUMNS.toArray()));
    }

    /** How the codec wrote a batch with commons-csv. */
    private static String commons(List<Attendee> batch) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(sb, COMMONS)) {
            for (Attendee a : batch) {
                printer.printRecord(a.id(), CsvCodec.guard(a.name()), CsvCodec.guard(a.email()), CsvCodec.guard(a.company()),
                        CsvCodec.guard(a.eventName()), Attendee.formatTimestamp(a.attendanceTime()), CsvCodec.guard(a.jobTitle()),
                        a.industry() == null ? "" : a.industry().label(), a.companySize() == null ? "" : a.companySize().label(),
                        CsvCodec.guard(a.productInterestsText()), CsvCodec.guard(a.boothVisitedText()),
                        CsvCodec.guard(a.imagePath()), Attendee.formatTimestamp(a.createdAt()));
            }
        }
        return sb.toString();
    }

    private static String commonsRow(Object[] values) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(sb, COMMONS)) {
            printer.printRecord(values);
        }
        return sb.toString();
    }
}
