package dev.attendees.export;

import dev.attendees.Attendee;
import dev.attendees.ConfigurationException;
import dev.attendees.InputException;
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The file formats of the data contract.
 *
 * <pre>{@code
 * AttendeeFormat.fromFileName("out.ndjson");          // NDJSON
 * try (AttendeeFileSink sink = AttendeeFormat.JSON.open(Path.of("out.json"))) {
 *     generator.writeTo(sink, 5_000);
 * }
 * }</pre>
 */
public enum AttendeeFormat {
    /** RFC 4180 CSV with a header row, UTF-8, CRLF line ends. */
    CSV("csv"),
    /** A JSON array of objects, one object a line. */
    JSON("json"),
    /** Newline-delimited JSON: one object a line. */
    NDJSON("ndjson");

    private final String extension;

    AttendeeFormat(String extension) {
        this.extension = extension;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format named {@code name} ({@code csv}, {@code json}, {@code ndjson}, case-insensitive).
     *
     * @throws ConfigurationException for any other name
     */
    public static AttendeeFormat fromName(String name) {
        for (AttendeeFormat f : values()) {
            if (f.extension.equalsIgnoreCase(name == null ? "" : name.trim())) {
                return f;
            }
        }
        throw new ConfigurationException("unknown format '" + name + "'; expected csv, json or ndjson");
    }

    /** The format a file name implies: {@code .json}, {@code .ndjson}/{@code .jsonl}, else CSV. */
    public static AttendeeFormat fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return JSON;
        }
        if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) {
            return NDJSON;
        }
        return CSV;
    }

    /**
     * Opens an atomic sink: everything goes to a temporary file beside {@code file}, which replaces
     * {@code file} on {@link AttendeeFileSink#commit()}; a run that fails or is interrupted leaves
     * nothing under the requested name. Missing parent folders are created.
     */
    public AttendeeFileSink open(Path file) {
        return AttendeeFileSink.atomic(this, file);
    }

    /** Writes {@code attendees} to {@code file} at once, atomically as {@link #open(Path)} does. */
    public void write(Path file, List<Attendee> attendees) {
        try (AttendeeFileSink sink = open(file)) {
            sink.write(attendees);
            sink.commit();
        }
    }

    /** A sink that writes to a stream (standard output, say); not atomic, and not closed by the sink. */
    public AttendeeFileSink open(OutputStream out) {
        return AttendeeFileSink.stream(this, out);
    }

    /**
     * Opens a file for reading, with the format taken from its content (a {@code [} or <code>{</code>
     * first means JSON or NDJSON) or else its name.
     *
     * @throws InputException when the file cannot be read
     */
    public static AttendeeReader read(Path file) {
        try {
            if (!Files.exists(file)) {
                throw new NoSuchFileException(file.toString());
            }
            // A FileInputStream, not Files.newInputStream: the latter's available() seeks, which fails
            // on a pipe (/dev/stdin, <(...), a FIFO) once the decoder asks near the end of the input.
            InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16);
            in.mark(4096);
            byte[] head = in.readNBytes(4096);
            in.reset();
            // A NUL byte in the first line: a database, an archive or UTF-16, not text. (A NUL further on is
            // the reader's to report, with its line and field.)
            for (byte b : head) {
                if (b == '\n') {
                    break;
                }
                if (b == 0) {
                    in.close();
                    throw new InputException(file.toString(), 0, null,
                            "is not a CSV, JSON or NDJSON file (it holds binary data, a database perhaps)");
                }
            }
            return sniff(head, file.getFileName().toString()).reader(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), 0, null, "file not found");
        } catch (IOException e) {
            throw new InputException(file.toString(), 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a whole file, as {@link #read} does, into a list: for files that fit in memory (a
     * reader streams any size).
     *
     * @throws InputException when the file cannot be read or holds a bad row
     */
    public static List<Attendee> readAll(Path file) {
        try (AttendeeReader reader = read(file)) {
            return reader.stream().toList();
        }
    }

    /** A reader of this format over a stream; {@code source} names it in messages. */
    public AttendeeReader reader(InputStream in, String source) {
        return this == CSV ? new CsvAttendeeReader(in, source) : new JsonAttendeeReader(in, source);
    }

    private static AttendeeFormat sniff(byte[] head, String name) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i < head.length && head[i] == '[') {
            return JSON;
        }
        if (i < head.length && head[i] == '{') {
            return NDJSON;
        }
        AttendeeFormat byName = fromFileName(name);
        return byName == CSV || i >= head.length ? byName : CSV;
    }

    /** Encodes a batch in this format (the bytes between header and footer). Thread-safe. */
    byte[] encode(List<Attendee> batch) {
        return switch (this) {
            case CSV -> CsvCodec.encode(batch);
            case JSON, NDJSON -> JsonCodec.encode(batch, this == JSON);
        };
    }

    byte[] header() {
        return switch (this) {
            case CSV -> CsvCodec.header();
            case JSON -> "[".getBytes(StandardCharsets.UTF_8);
            case NDJSON -> new byte[0];
        };
    }

    byte[] footer(boolean empty) {
        return this == JSON ? (empty ? "]\n" : "\n]\n").getBytes(StandardCharsets.UTF_8) : new byte[0];
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e.getMessage(), e);
    }
}
