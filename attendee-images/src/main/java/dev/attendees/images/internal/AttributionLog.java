package dev.attendees.images.internal;

import dev.attendees.Secrets;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The credits of the remote photos of one images folder, written as {@code images/ATTRIBUTION.csv}
 * (UTF-8, RFC 4180, a header row): one row per image file with its source, photo id, author and
 * links, and licence. Remote text is written with secrets masked ({@link Secrets#mask}: a service
 * that quotes the key back) and so that a spreadsheet does not run it as a formula (a leading
 * {@code '} before {@code = + - @}, tab or carriage return). Thread-safe.
 */
public final class AttributionLog {
    /** The file's name in the images folder. */
    public static final String FILE = "ATTRIBUTION.csv";

    /** The columns, in order. */
    public static final String[] HEADER = {
        "image_path", "source", "photo_id", "author", "author_url", "photo_url", "license", "license_url"
    };

    private final String source;
    private final String license;
    private final String licenseUrl;
    private final Map<Long, Row> rows = new ConcurrentSkipListMap<>();

    private record Row(String path, RemotePhoto photo) {}

    public AttributionLog(String source, String license, String licenseUrl) {
        this.source = source;
        this.license = license;
        this.licenseUrl = licenseUrl;
    }

    /** Records that attendee {@code id}'s image at {@code path} is {@code photo}. */
    public void add(long id, String path, RemotePhoto photo) {
        rows.put(id, new Row(path, photo));
    }

    /** Forgets attendee {@code id}'s row (its image is an avatar now). */
    public void remove(long id) {
        rows.remove(id);
    }

    /** How many images and distinct photos are credited. */
    public int[] counts() {
        Set<String> photos = rows.values().stream().map(r -> r.photo().id()).collect(Collectors.toSet());
        return new int[] {rows.size(), photos.size()};
    }

    /** Writes the file into {@code imagesDir} atomically, unless there is nothing to credit. */
    public void writeTo(Path imagesDir) {
        if (rows.isEmpty()) {
            return;
        }
        Map<Long, Row> snapshot = new TreeMap<>(rows);
        ImageFolder.atomically(imagesDir, imagesDir.resolve(FILE), out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            for (Row row : snapshot.values()) {
                RemotePhoto p = row.photo();
                csv.printRecord(row.path(), source, cell(p.id()), cell(p.author()), cell(p.authorUrl()),
                        cell(p.pageUrl()), license, licenseUrl);
            }
            csv.flush();
        });
    }

    /** Remote text made safe for a spreadsheet: no secret, no control characters, no formula. */
    static String cell(String text) {
        String clean = text == null ? "" : Secrets.mask(text).replaceAll("[\\p{Cntrl}&&[^\\t\\r]]", "");
        return !clean.isEmpty() && "=+-@\t\r".indexOf(clean.charAt(0)) >= 0 ? "'" + clean : clean;
    }

}
