package dev.attendees.export;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import dev.attendees.Attendee;
import dev.attendees.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
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
            throw new InputException(source, 0, null, "cannot read: " + JsonCodec.problem(e), e);
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
                throw new InputException(source, parser.currentTokenLocation().getLineNr(), null,
                        "expected an attendee object, found " + describe(pending));
            }
            return true;
        } catch (IOException e) {
            throw new InputException(source, parser.currentLocation().getLineNr(), null,
                    "malformed JSON: " + JsonCodec.problem(e), e);
        }
    }

    /** After the array's {@code ]} only white space may follow (two arrays joined by {@code cat} would lose the second). */
    private void endOfArray() throws IOException {
        long closed = parser.currentTokenLocation().getLineNr();
        JsonToken after;
        try {
            after = parser.nextToken();
        } catch (JsonProcessingException e) {
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

    /**
     * The next object. An error about a field names the line of its value (in pretty-printed JSON,
     * not the line where the object starts). Malformed JSON inside an NDJSON object names the
     * object's line: each object is one line there, and the parser notices a line cut short only on
     * the next line or at the end of the input.
     */
    @Override
    public Attendee next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        pending = null;
        line = parser.currentTokenLocation().getLineNr();
        Map<String, String> fields = new HashMap<>(32);
        long[] fieldLines = null; // by column index, once a value is found on another line than the object's start
        try {
            for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw new InputException(source, parser.currentTokenLocation().getLineNr(), null, "malformed object");
                }
                String field = parser.currentName();
                int column = Attendee.COLUMNS.indexOf(field);
                if (column < 0) {
                    throw new InputException(source, parser.currentTokenLocation().getLineNr(), field,
                            "unknown field; expected " + String.join(",", Attendee.COLUMNS));
                }
                JsonToken value = parser.nextToken();
                long valueLine = tokenLine();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (!value.isScalarValue()) {
                    throw new InputException(source, valueLine, field, "must be text or a number, not " + describe(value));
                }
                if (valueLine != line) {
                    if (fieldLines == null) {
                        fieldLines = new long[Attendee.COLUMNS.size()];
                    }
                    fieldLines[column] = valueLine;
                }
                fields.put(field, parser.getText());
            }
        } catch (IOException e) {
            throw new InputException(source, array ? parser.currentLocation().getLineNr() : line, null,
                    "malformed JSON: " + JsonCodec.problem(e), e);
        }
        if (fieldLines == null) {
            return RecordParser.parse(fields, source, line);
        }
        long[] lines = fieldLines;
        return RecordParser.parse(fields, source, line, column -> lines[Attendee.COLUMNS.indexOf(column)]);
    }

    /** The current token's line: without a location object for each value where the parser tells it directly. */
    private long tokenLine() {
        return parser instanceof ParserBase base ? base.getTokenLineNr() : parser.currentTokenLocation().getLineNr();
    }

    /** A token as a person would name it. */
    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case END_ARRAY -> "']'";
            case END_OBJECT -> "'}'";
            case VALUE_STRING -> "text";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
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
