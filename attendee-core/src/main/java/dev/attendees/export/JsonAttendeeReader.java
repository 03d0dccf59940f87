package dev.attendees.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.attendees.Attendee;
import dev.attendees.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/** Reads a JSON array of attendee objects, or NDJSON (one object a line), with Jackson's streaming parser. */
final class JsonAttendeeReader implements AttendeeReader {
    private final String source;
    private final JsonParser parser;
    private boolean array;
    private boolean started;
    /** Whether the input has been read to its end (after a JSON array: its {@code ]} and nothing but white space). */
    private boolean done;
    private JsonToken pending;
    private long line;

    JsonAttendeeReader(InputStream in, String source) {
        this.source = source;
        try {
            this.parser = JsonCodec.FACTORY.createParser(in);
        } catch (IOException e) {
            throw new InputException(source, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        if (done) {
            return false;
        }
        try {
            if (pending == null) {
                pending = parser.nextToken();
                if (!started) {
                    started = true;
                    if (pending == JsonToken.START_ARRAY) {
                        array = true;
                        pending = parser.nextToken();
                    }
                }
            }
            if (array && pending == JsonToken.END_ARRAY) {
                endOfArray();
                return false;
            }
            if (pending == null) {
                done = true;
                return false;
            }
            if (pending != JsonToken.START_OBJECT) {
                throw new InputException(source, parser.currentLocation().getLineNr(), null,
                        "expected an attendee object, found " + pending);
            }
            return true;
        } catch (IOException e) {
            throw new InputException(source, parser.currentLocation().getLineNr(), null, "malformed JSON: " + e.getMessage(), e);
        }
    }

    /** After the array's {@code ]} only white space may follow (two arrays joined by {@code cat} would lose the second). */
    private void endOfArray() throws IOException {
        long closed = parser.currentTokenLocation().getLineNr();
        JsonToken after;
        try {
            after = parser.nextToken();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(source, parser.currentLocation().getLineNr(), null,
                    "unexpected text after the array's closing ']' (line " + closed + "); only white space may follow it");
        }
        if (after != null) {
            throw new InputException(source, parser.currentTokenLocation().getLineNr(), null,
                    "unexpected " + (after == JsonToken.START_ARRAY ? "second array" : "content")
                            + " after the array's closing ']' (line " + closed + "); a JSON file holds one array");
        }
        done = true;
    }

    @Override
    public Attendee next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        pending = null;
        line = parser.currentTokenLocation().getLineNr();
        Map<String, String> fields = new HashMap<>(32);
        try {
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw new InputException(source, parser.currentLocation().getLineNr(), null, "malformed object");
                }
                String field = parser.currentName();
                if (!Attendee.COLUMNS.contains(field)) {
                    throw new InputException(source, line, field, "unknown field; expected " + String.join(",", Attendee.COLUMNS));
                }
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (!value.isScalarValue()) {
                    throw new InputException(source, line, field, "must be text or a number, not " + value);
                }
                fields.put(field, parser.getText());
            }
        } catch (IOException e) {
            throw new InputException(source, parser.currentLocation().getLineNr(), null, "malformed JSON: " + e.getMessage(), e);
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
