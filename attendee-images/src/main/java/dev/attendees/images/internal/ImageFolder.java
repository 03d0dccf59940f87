package dev.attendees.images.internal;

import dev.attendees.AttendeeException;
import dev.attendees.ConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code images/} folder under an output folder, and the only place this module writes files.
 * A file's name is built from the attendee's id (a number) and an {@link ImageType}'s extension,
 * never from remote input; every file is written to a hidden temporary file beside it and renamed
 * into place, so a reader never sees half an image. A folder (or its cache) that is a symbolic link
 * leading outside the output folder is refused. Thread-safe.
 */
public final class ImageFolder {
    /** The folder's name under the output folder. */
    public static final String NAME = "images";

    /** The download cache's name under {@link #NAME}. */
    public static final String CACHE = ".cache";

    private final Path outputDir;
    private final Path dir;
    /** Whether the folder held images before this run; if not, no older image can be in the way. */
    private final boolean hadImages;
    private volatile Path cacheDir;

    private ImageFolder(Path outputDir, Path dir) {
        this.outputDir = outputDir;
        this.dir = dir;
        this.hadImages = holdsImages(dir);
    }

    /**
     * The images folder of {@code outputDir}, created when missing.
     *
     * @throws ConfigurationException when the folder leads outside the output folder
     * @throws AttendeeException when it cannot be created
     */
    public static ImageFolder of(Path outputDir) {
        Path out = outputDir.toAbsolutePath().normalize();
        return new ImageFolder(out, inside(out, out.resolve(NAME)));
    }

    /**
     * The folders of one provider, checked once per output folder. Thread-safe.
     */
    public static final class Registry {
        private final Map<Path, ImageFolder> folders = new ConcurrentHashMap<>();

        /** The images folder of {@code outputDir}, made and checked on first use. */
        public ImageFolder of(Path outputDir) {
            return folders.computeIfAbsent(outputDir.toAbsolutePath().normalize(), ImageFolder::of);
        }

        /** Every folder used so far. */
        public java.util.Collection<ImageFolder> all() {
            return folders.values();
        }
    }

    /** The images folder itself. */
    public Path dir() {
        return dir;
    }

    /** The download cache ({@code images/.cache}), created when missing. */
    public Path cacheDir() {
        Path c = cacheDir;
        if (c == null || !Files.isDirectory(c)) {
            c = inside(outputDir, dir.resolve(CACHE));
            cacheDir = c;
        }
        return c;
    }

    /** The path of attendee {@code id}'s image of {@code type}, relative to the output folder. */
    public static String relativePath(long id, ImageType type) {
        return NAME + "/" + fileName(id, type);
    }

    /** Writes attendee {@code id}'s image and returns its path relative to the output folder. */
    public String write(long id, ImageType type, byte[] bytes) {
        Path target = dir.resolve(fileName(id, type));
        atomically(dir, target, out -> out.write(bytes));
        removeOtherTypes(id, type);
        return relativePath(id, type);
    }

    /** The content every writer of a file gives. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} (a file directly inside {@code folder}) through a hidden temporary file
     * and an atomic rename. The file gets ordinary permissions ({@code rw-rw-rw-} less the umask,
     * {@code rw-r--r--} usually). A symbolic link at {@code target} is replaced, never followed;
     * the temporary file is created new ({@code O_EXCL}), so nothing planted under its name is
     * written through either.
     */
    public static void atomically(Path folder, Path target, Content content) {
        Path temporary = folder.resolve("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.CREATE_NEW, LinkOption.NOFOLLOW_LINKS);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new AttendeeException("cannot write " + target + ": " + describe(e), e);
        } catch (RuntimeException e) {
            deleteQuietly(temporary);
            throw e;
        }
    }

    private void removeOtherTypes(long id, ImageType kept) {
        if (!hadImages) {
            return;
        }
        for (ImageType t : ImageType.values()) {
            if (t != kept) {
                deleteQuietly(dir.resolve(fileName(id, t)));
            }
        }
    }

    private static String fileName(long id, ImageType type) {
        // A number and a known extension: nothing in the name can climb out of the folder.
        return Long.toString(id) + "." + type.extension();
    }

    /** Creates {@code folder} unless present, and checks that it really lies inside {@code outputDir}. */
    private static Path inside(Path outputDir, Path folder) {
        try {
            if (Files.isSymbolicLink(folder) || Files.exists(folder)) {
                Path real = folder.toRealPath();
                Files.createDirectories(outputDir);
                if (!real.startsWith(outputDir.toRealPath())) {
                    throw new ConfigurationException(folder + " is a link to " + real + ", outside the output folder "
                            + outputDir + "; remove it or write somewhere else");
                }
                if (!Files.isDirectory(real)) {
                    throw new ConfigurationException(folder + " is a file, not a folder; remove it or write somewhere else");
                }
                return folder;
            }
            Files.createDirectories(folder);
            return folder;
        } catch (IOException e) {
            throw new AttendeeException("cannot create " + folder + ": " + describe(e), e);
        }
    }

    private static boolean holdsImages(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.{jpg,png,webp}")) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            return true;
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: a leftover hidden temporary file harms nobody.
        }
    }

    private static String describe(IOException e) {
        if (e instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName().replace("Exception", "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
