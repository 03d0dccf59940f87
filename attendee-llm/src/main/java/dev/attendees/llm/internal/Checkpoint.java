package dev.attendees.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.ConfigurationException;
import dev.attendees.Industry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only NDJSON file of finished batches, so that a run that was killed resumes without
 * asking (and paying) for them again. The first line holds a fingerprint of the options; a file of
 * other options is replaced. Each further line is one finished batch, written and forced to disk
 * before the batch counts as done; a half-written last line (a kill mid-write) is ignored and cut.
 *
 * <pre>
 * {"checkpoint":"attendees-llm","version":1,"fingerprint":"9f2c..."}
 * {"records":[{"index":0,"origin":"openai","attendee":{"name":"Ana Ruiz",...}}, ...]}
 * </pre>
 */
public final class Checkpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpoint.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A record as stored: its 0-based index, where it came from, and the attendee. */
    public record Entry(long index, String origin, Attendee attendee) {}

    private final Path file;
    private final Map<Long, Entry> restored;
    private final boolean replacedOther;
    private FileChannel channel;

    private Checkpoint(Path file, Map<Long, Entry> restored, boolean replacedOther, FileChannel channel) {
        this.file = file;
        this.restored = restored;
        this.replacedOther = replacedOther;
        this.channel = channel;
    }

    /**
     * Opens the checkpoint at {@code file}: its finished batches when the fingerprint matches, else
     * a new file.
     *
     * @throws ConfigurationException when the file cannot be written
     */
    public static Checkpoint open(Path file, String fingerprint) {
        Map<Long, Entry> entries = new LinkedHashMap<>();
        boolean other = false;
        long goodBytes = 0;
        try {
            byte[] bytes = Files.readAllBytes(file);
            int lineStart = 0;
            boolean header = true;
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != '\n') {
                    continue;
                }
                String line = new String(bytes, lineStart, i - lineStart, StandardCharsets.UTF_8);
                lineStart = i + 1;
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (IOException e) {
                    break;
                }
                if (header) {
                    if (node == null || !fingerprint.equals(node.path("fingerprint").asText())) {
                        other = true;
                        break;
                    }
                    header = false;
                } else {
                    List<Entry> batch = read(node);
                    if (batch == null) {
                        break;
                    }
                    batch.forEach(e -> entries.put(e.index(), e));
                }
                goodBytes = lineStart;
            }
            if (header) {
                other = bytes.length > 0;
                goodBytes = 0;
                entries.clear();
            }
        } catch (NoSuchFileException e) {
            // a fresh run
        } catch (IOException e) {
            throw new ConfigurationException("cannot read the LLM checkpoint " + file + ": " + e.getMessage(), e);
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            channel.truncate(goodBytes);
            channel.position(goodBytes);
            Checkpoint c = new Checkpoint(file, Collections.unmodifiableMap(entries), other, channel);
            if (goodBytes == 0) {
                ObjectNode head = MAPPER.createObjectNode();
                head.put("checkpoint", "attendees-llm").put("version", 1).put("fingerprint", fingerprint);
                c.writeLine(head);
            }
            if (other) {
                LOG.warn("LLM checkpoint {} was made with other options; starting anew", file);
            }
            return c;
        } catch (IOException e) {
            throw new ConfigurationException("cannot write the LLM checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** Finished records of an earlier run with the same options, by index. */
    public Map<Long, Entry> restored() {
        return restored;
    }

    /** Whether a checkpoint of other options was found and replaced. */
    public boolean replacedOther() {
        return replacedOther;
    }

    /** Appends one finished batch and forces it to disk. */
    public synchronized void append(List<Entry> batch) {
        if (channel == null) {
            return;
        }
        ArrayNode records = MAPPER.createArrayNode();
        for (Entry e : batch) {
            ObjectNode r = records.addObject();
            r.put("index", e.index()).put("origin", e.origin());
            r.set("attendee", toJson(e.attendee()));
        }
        ObjectNode line = MAPPER.createObjectNode();
        line.set("records", records);
        try {
            writeLine(line);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the LLM checkpoint " + file, ex);
        }
    }

    private void writeLine(JsonNode node) throws IOException {
        byte[] bytes = (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(false);
    }

    /** Closes and deletes the file: the run it protected is complete. */
    public synchronized void delete() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete the LLM checkpoint {}: {}", file, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing {}: {}", file, e.getMessage());
            }
            channel = null;
        }
    }

    private static List<Entry> read(JsonNode line) {
        JsonNode records = line == null ? null : line.get("records");
        if (records == null || !records.isArray()) {
            return null;
        }
        List<Entry> out = new ArrayList<>();
        try {
            for (JsonNode r : records) {
                out.add(new Entry(r.get("index").asLong(), r.get("origin").asText(), fromJson(r.get("attendee"))));
            }
        } catch (RuntimeException e) {
            return null;
        }
        return out;
    }

    /** An attendee in the contract's snake_case JSON, lists as arrays. */
    static ObjectNode toJson(Attendee a) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", a.id()).put("name", a.name()).put("email", a.email()).put("company", a.company())
                .put("event_name", a.eventName()).put("attendance_time", Attendee.formatTimestamp(a.attendanceTime()))
                .put("job_title", a.jobTitle()).put("industry", a.industry() == null ? null : a.industry().label())
                .put("company_size", a.companySize() == null ? null : a.companySize().label());
        a.productInterests().forEach(n.putArray("product_interests")::add);
        ArrayNode booths = n.putArray("booth_visited");
        a.boothVisited().forEach(booths::add);
        n.put("image_path", a.imagePath()).put("created_at", Attendee.formatTimestamp(a.createdAt()));
        return n;
    }

    static Attendee fromJson(JsonNode n) {
        List<String> interests = new ArrayList<>();
        n.get("product_interests").forEach(i -> interests.add(i.asText()));
        List<String> booths = new ArrayList<>();
        n.get("booth_visited").forEach(b -> booths.add(b.asText()));
        return new Attendee(n.get("id").asLong(), n.get("name").asText(), n.get("email").asText(), text(n, "company"),
                n.get("event_name").asText(), RecordChecker.time(text(n, "attendance_time")), text(n, "job_title"),
                Industry.find(text(n, "industry")).orElse(null), CompanySize.find(text(n, "company_size")).orElse(null),
                interests, booths, text(n, "image_path"), RecordChecker.time(text(n, "created_at")));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
