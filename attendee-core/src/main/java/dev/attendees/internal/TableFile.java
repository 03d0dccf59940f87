package dev.attendees.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The format of the compiled tables: what {@link TableCompiler} writes into the class path at build
 * time and the engine reads when a run first needs a table. A table is a resource under
 * {@value #FOLDER}: a magic number with the format's version, then its fields written with
 * {@link DataOutputStream} (strings as modified UTF-8, doubles as their exact bits, so a table
 * holds the same values the sources would give).
 */
final class TableFile {
    /** Where the tables live on the class path. */
    static final String FOLDER = "dev/attendees/tables/";

    /** "ATBL" and the format version; a table of another version is refused. */
    private static final int MAGIC = 0x4154_424C;
    private static final int VERSION = 1;

    private TableFile() {}

    /**
     * Opens table {@code name} from the class path.
     *
     * @throws IllegalStateException when the table is missing (the build did not compile it) or of
     *     another format version
     */
    static DataInputStream open(String name) {
        DataInputStream data = openIfPresent(name);
        if (data == null) {
            throw new IllegalStateException("compiled table " + FOLDER + name + " is not on the class path; the build"
                    + " writes it (TableCompiler at Maven's process-classes phase): build with ./mvnw -B package");
        }
        return data;
    }

    /** Opens table {@code name} from the class path, or returns null when there is none of that name. */
    static DataInputStream openIfPresent(String name) {
        String resource = FOLDER + name;
        try (InputStream in = TableFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            DataInputStream data = new DataInputStream(new ByteArrayInputStream(in.readAllBytes()));
            int magic = data.readInt();
            int version = data.readInt();
            if (magic != MAGIC || version != VERSION) {
                throw new IllegalStateException("compiled table " + resource + " has format " + Integer.toHexString(magic)
                        + "/" + version + ", expected " + Integer.toHexString(MAGIC) + "/" + VERSION + "; rebuild");
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read compiled table " + resource, e);
        }
    }

    /** Creates table {@code name} under the class-path folder {@code root} (build time). */
    static DataOutputStream create(Path root, String name) throws IOException {
        Path file = root.resolve(FOLDER + name);
        Files.createDirectories(file.getParent());
        OutputStream out = Files.newOutputStream(file);
        DataOutputStream data = new DataOutputStream(new java.io.BufferedOutputStream(out));
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        return data;
    }

    static void writeStrings(DataOutputStream out, String[] values) throws IOException {
        out.writeInt(values.length);
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        writeStrings(out, values.toArray(new String[0]));
    }

    static String[] readStrings(DataInputStream in) throws IOException {
        String[] values = new String[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readUTF();
        }
        return values;
    }

    /** A string that may be null. */
    static void writeOptional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    static String readOptional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** Names with weights, in the map's order. */
    static void writeWeights(DataOutputStream out, Map<String, Double> weights) throws IOException {
        out.writeInt(weights.size());
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeDouble(e.getValue());
        }
    }

    /** Names with weights, in the order written. */
    static Map<String, Double> readWeights(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            weights.put(in.readUTF(), in.readDouble());
        }
        return weights;
    }
}
