package dev.attendees.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written whole or not at all: the bytes go to a hidden temporary file beside the target,
 * which takes the target's name only once it is complete (an atomic rename where the file system
 * has one). A failure, or {@link #close()} before {@link #commit()}, removes the temporary file and
 * leaves whatever was under the target's name untouched.
 *
 * <pre>{@code
 * AtomicFile.write(Path.of("chart.png"), pngBytes);
 * try (AtomicFile file = AtomicFile.create(Path.of("report.html"))) {
 *     writeReport(file.output());
 *     file.commit();
 * }
 * }</pre>
 */
public final class AtomicFile implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private OutputStream output;
    private boolean done;

    private AtomicFile(Path target, Path temporary) {
        this.target = target;
        this.temporary = temporary;
    }

    /**
     * Starts writing {@code target}: creates its folder if missing and a temporary file beside it.
     *
     * @throws IOException when the folder or the temporary file cannot be created
     */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
        return new AtomicFile(absolute, temporary);
    }

    /** Writes {@code bytes} to {@code target} atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        try (AtomicFile file = create(target)) {
            file.output().write(bytes);
            file.commit();
        }
    }

    /** Writes {@code text} as UTF-8 to {@code target} atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The temporary file's path (for writers that want a path rather than a stream). */
    public Path temporary() {
        return temporary;
    }

    /** The stream into the temporary file, opened on first use. */
    public OutputStream output() throws IOException {
        if (done) {
            throw new IllegalStateException("the file " + target + " is already committed or abandoned");
        }
        if (output == null) {
            output = Files.newOutputStream(temporary);
        }
        return output;
    }

    /** Gives the complete file its name, replacing what was there. */
    public void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("the file " + target + " is already committed or abandoned");
        }
        if (output != null) {
            output.close();
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /** Removes the temporary file unless committed; the target is left as it was. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            if (output != null) {
                output.close();
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
