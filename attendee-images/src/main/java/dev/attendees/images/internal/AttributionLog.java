package dev.attendees.images.internal;

import dev.attendees.Secrets;
import dev.attendees.store.LongSet;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credits of the remote photos of one images folder, written as {@code images/ATTRIBUTION.csv}
 * (UTF-8, RFC 4180, a header row): one row per image file with its source, photo id, author and
 * links, and licence. Remote text is written with secrets masked ({@link Secrets#mask}: a service
 * that quotes the key back) and so that a spreadsheet does not run it as a formula (a leading
 * {@code '} before {@code = + - @}, tab or carriage return). The rows of a file already there
 * stay for the images that are still there and that this log does not cover (an earlier run's).
 * Thread-safe.
 */
public final class AttributionLog {
    private static final Logger LOG = LoggerFactory.getLogger(AttributionLog.class);

    /** The file's name in the images folder. */
    public static final String FILE = "ATTRIBUTION.csv";

    /** The columns, in order. */
    public static final String[] HEADER = {
        "image_path", "source", "photo_id", "author", "author_url", "photo_url", "license", "license_url"
    };

    /** An image path of ours: {@code images/<id>.<ext>}. */
    private static final Pattern IMAGE_PATH = Pattern.compile(ImageFolder.NAME + "/(-?\\d{1,19})\\.(jpg|png|webp)");

    /** Rows by image path, in the order of the attendees' ids. */
    private static final Comparator<String> BY_ID = Comparator.comparingLong(AttributionLog::idOf).thenComparing(p -> p);

    private final String source;
    private final String license;
    private final String licenseUrl;
    private final Map<Long, Row> rows = new ConcurrentSkipListMap<>();
    /** Every attendee this log was told about, photo or not; guarded by itself. */
    private final LongSet touched = new LongSet();

    private record Row(String path, RemotePhoto photo) {}

    public AttributionLog(String source, String license, String licenseUrl) {
        this.source = source;
        this.license = license;
        this.licenseUrl = licenseUrl;
    }

    /** Records that attendee {@code id}'s image at {@code path} is {@code photo}. */
    public void add(long id, String path, RemotePhoto photo) {
        rows.put(id, new Row(path, photo));
        touch(id);
    }

    /** Forgets attendee {@code id}'s row (its image is an avatar now), an earlier run's too. */
    public void remove(long id) {
        rows.remove(id);
        touch(id);
    }

    private void touch(long id) {
        synchronized (touched) {
            touched.add(id);
        }
    }

    /** How many images and distinct photos are credited. */
    public int[] counts() {
        Set<String> photos = rows.values().stream().map(r -> r.photo().id()).collect(Collectors.toSet());
        return new int[] {rows.size(), photos.size()};
    }

    /**
     * Writes the file into {@code imagesDir} atomically: this log's rows, and the rows of the file
     * already there whose image is still there and is not one of this log's attendees (an
     * earlier run's), in the order of the attendees' ids. Nothing when there is nothing to credit
     * and no file.
     */
    public void writeTo(Path imagesDir) {
        Path file = imagesDir.resolve(FILE);
        Map<String, String[]> all = new TreeMap<>(BY_ID);
        all.putAll(earlier(file, imagesDir));
        for (Row row : new TreeMap<>(rows).values()) {
            RemotePhoto p = row.photo();
            all.put(row.path(), new String[] {row.path(), source, cell(p.id()), cell(p.author()), cell(p.authorUrl()),
                cell(p.pageUrl()), license, licenseUrl});
        }
        if (all.isEmpty() && !Files.exists(file)) {
            return;
        }
        ImageFolder.atomically(imagesDir, file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            for (String[] cells : all.values()) {
                csv.printRecord((Object[]) cells);
            }
            csv.flush();
        });
    }

    private static long idOf(String path) {
        Long id = parsedId(path);
        return id == null ? Long.MAX_VALUE : id;
    }

    /** The attendee id of an image path of ours, or {@code null} for any other text. */
    private static Long parsedId(String path) {
        Matcher m = IMAGE_PATH.matcher(path);
        try {
            return m.matches() ? Long.parseLong(m.group(1)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The rows of the file already at {@code file} that stay: an image of ours that is still in
     * {@code imagesDir} and that this log does not cover. An unreadable file keeps none (and says
     * so in the log).
     */
    private Map<String, String[]> earlier(Path file, Path imagesDir) {
        Map<String, String[]> kept = new TreeMap<>(BY_ID);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return kept;
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            if (!parser.getHeaderNames().equals(List.of(HEADER))) {
                LOG.warn("{}: unexpected columns {}; its earlier credits are replaced", file, parser.getHeaderNames());
                return kept;
            }
            for (CSVRecord record : parser) {
                if (record.size() != HEADER.length) {
                    continue;
                }
                String path = record.get(0);
                Long id = parsedId(path);
                if (id == null || covers(id)
                        || !Files.exists(imagesDir.resolve(path.substring(ImageFolder.NAME.length() + 1)), LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                kept.put(path, record.values());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: cannot read the earlier credits ({}); they are replaced", file, e.getMessage());
            kept.clear();
        }
        return kept;
    }

    private boolean covers(long id) {
        synchronized (touched) {
            return touched.contains(id);
        }
    }

    /** Remote text made safe for a spreadsheet: no secret, no control characters, no formula. */
    static String cell(String text) {
        String clean = text == null ? "" : Secrets.mask(text).replaceAll("[\\p{Cntrl}&&[^\\t\\r]]", "");
        return !clean.isEmpty() && "=+-@\t\r".indexOf(clean.charAt(0)) >= 0 ? "'" + clean : clean;
    }

}
