package dev.attendees;

import java.util.Objects;

/**
 * Bad input data: a file, the line in it and the field that was wrong. The message reads
 * {@code "attendees.csv line 12, field email: not an email address: 'bob@'"}. The CLI turns it
 * into exit status 2.
 */
public class InputException extends AttendeeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String field;

    /**
     * @param source the file or stream name
     * @param line the 1-based line (or record) number, or 0 when unknown
     * @param field the field name, or {@code null} when the whole record was wrong
     * @param problem what was wrong
     */
    public InputException(String source, long line, String field, String problem) {
        this(source, line, field, problem, null);
    }

    public InputException(String source, long line, String field, String problem, Throwable cause) {
        super(format(source, line, field, problem), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.line = line;
        this.field = field;
    }

    private static String format(String source, long line, String field, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(" line ").append(line);
        }
        if (field != null) {
            sb.append(", field ").append(field);
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The file or stream name. */
    public String source() {
        return source;
    }

    /** The 1-based line number, or 0 when unknown. */
    public long line() {
        return line;
    }

    /** The field name, or {@code null} when the whole record was wrong. */
    public String field() {
        return field;
    }
}
