package dev.attendees.export;

import dev.attendees.Attendee;
import dev.attendees.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the contract's CSV: a header row naming contract columns, then one attendee a record. */
final class CsvAttendeeReader implements AttendeeReader {
    private final String source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long lineEnd = 1;
    private long line;

    CsvAttendeeReader(InputStream in, String source) {
        this.source = source;
        try {
            InputStreamReader reader = new InputStreamReader(skipBom(in), StandardCharsets.UTF_8);
            this.parser = CsvCodec.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(source, 1, null, "cannot read the CSV header: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InputException(source, 1, null, "bad CSV header: " + e.getMessage(), e);
        }
        this.header = parser.getHeaderNames();
        for (String column : header) {
            if (!Attendee.COLUMNS.contains(column)) {
                throw new InputException(source, 1, column, "unknown column; expected " + String.join(",", Attendee.COLUMNS));
            }
        }
        for (String column : List.of("name", "email", "event_name")) {
            if (!header.contains(column)) {
                throw new InputException(source, 1, column, "required column is missing from the header");
            }
        }
        this.records = parser.iterator();
    }

    private static InputStream skipBom(InputStream in) {
        try {
            in.mark(3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
                in.reset();
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InputException(source, lineEnd + 1, null, "malformed CSV: " + e.getMessage(), e);
        }
    }

    @Override
    public Attendee next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record = records.next();
        line = lineEnd + 1;
        lineEnd = parser.getCurrentLineNumber();
        if (record.size() != header.size()) {
            throw new InputException(source, line, null,
                    "has " + record.size() + " fields, the header has " + header.size());
        }
        Map<String, String> fields = new HashMap<>(header.size() * 2);
        for (int i = 0; i < header.size(); i++) {
            fields.put(header.get(i), CsvCodec.unguard(record.get(i)));
        }
        return RecordParser.parse(fields, source, line);
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // Reading is over; nothing to save.
        }
    }
}
