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
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The {@code images/} folder under an output folder, and the only place this module writes files.
 * A file's name is built from the attendee's id (a number) and an {@link ImageType}'s extension,
 * never from remote input; every file is written to a hidden temporary file beside it and renamed
 * into place, so a reader never sees half an image. A folder (or its cache) that is a symbolic link
 * leading outside the output folder is refused.
 *
 * <p>Until {@link #commit()}, the folder remembers what the run changed ({@link RunChanges}): the
 * files it created, and the originals of the files that were there before and that it rewrote or
 * removed, kept beside them under hidden names. {@link #discard()} removes the created files (and
 * the folders the run made, when empty) and puts the originals back, so that the folder holds what
 * it held before the run; {@code commit()} drops the originals. A write holds a shared lock from
 * its temporary file to its rename, and a discard the exclusive one: a discard waits for the files
 * being written, and every later write is refused. Thread-safe.
 */
public final class ImageFolder {
    /** The folder's name under the output folder. */
    public static final String NAME = "images";

    /** The download cache's name under {@link #NAME}. */
    public static final String CACHE = ".cache";

    private static final ImageType[] TYPES = ImageType.values();

    private final Path outputDir;
    private final Path dir;
    /** Whether this run made the folder: a discard removes it when empty. */
    private final boolean madeDir;
    /** Shared by writes, from a temporary file to its rename; exclusive for commit and discard. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    /** Per-id locks: the check whether a file was there before and the write that follows are one step. */
    private final Object[] stripes = new Object[64];
    private final RunChanges changes;
    /** Whether the folder may hold files this run did not make; if not, no older image can be in the way. */
    private volatile boolean hadImages;
    private volatile boolean wrote;
    private volatile boolean discarded;
    private volatile Path cacheDir;
    /** Whether this run made the cache folder: set under the shared lock and {@code this}, read under the exclusive lock. */
    private boolean madeCache;

    private ImageFolder(Path outputDir, Path dir, boolean madeDir) {
        this.outputDir = outputDir;
        this.dir = dir;
        this.madeDir = madeDir;
        this.hadImages = !madeDir && holdsImages(dir);
        this.changes = new RunChanges(dir);
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    /**
     * The images folder of {@code outputDir}, created when missing.
     *
     * @throws ConfigurationException when the folder leads outside the output folder
     * @throws AttendeeException when it cannot be created
     */
    public static ImageFolder of(Path outputDir) {
        Path out = outputDir.toAbsolutePath().normalize();
        Path folder = out.resolve(NAME);
        boolean existed = Files.exists(folder, LinkOption.NOFOLLOW_LINKS);
        return new ImageFolder(out, inside(out, folder), !existed);
    }

    /**
     * The folders of one provider, checked once per output folder, and the run they belong to:
     * {@link #commit()} and {@link #discard()} reach every folder used. After a discard no folder
     * is opened any more. Thread-safe.
     */
    public static final class Registry {
        private final Map<Path, ImageFolder> folders = new ConcurrentHashMap<>();
        private volatile boolean discarded;

        /**
         * The images folder of {@code outputDir}, made and checked on first use.
         *
         * @throws AttendeeException after {@link #discard()}
         */
        public ImageFolder of(Path outputDir) {
            Path key = outputDir.toAbsolutePath().normalize();
            ImageFolder folder = folders.get(key);
            if (folder != null) {
                return folder; // Its writes are refused after a discard.
            }
            synchronized (this) {
                if (discarded) {
                    throw discardedFailure(key.resolve(NAME));
                }
                return folders.computeIfAbsent(key, ImageFolder::of);
            }
        }

        /** Every folder used so far. */
        public Collection<ImageFolder> all() {
            return folders.values();
        }

        /** Keeps every folder's files ({@link ImageFolder#commit()}). */
        public synchronized void commit() {
            folders.values().forEach(ImageFolder::commit);
        }

        /** Puts every folder back as it was ({@link ImageFolder#discard()}) and opens no more. */
        public synchronized void discard() {
            discarded = true;
            folders.values().forEach(ImageFolder::discard);
        }

        /** Whether {@link #discard()} was called. */
        public boolean discarded() {
            return discarded;
        }
    }

    /** The images folder itself. */
    public Path dir() {
        return dir;
    }

    /**
     * The download cache ({@code images/.cache}), created when missing.
     *
     * @throws AttendeeException after {@link #discard()}
     */
    public Path cacheDir() {
        Lock shared = lock.readLock();
        shared.lock();
        try {
            refuseAfterDiscard(dir.resolve(CACHE));
            Path c = cacheDir;
            if (c == null || !Files.isDirectory(c)) {
                synchronized (this) {
                    Path folder = dir.resolve(CACHE);
                    boolean existed = Files.exists(folder, LinkOption.NOFOLLOW_LINKS);
                    c = inside(outputDir, folder);
                    madeCache |= !existed;
                    cacheDir = c;
                }
            }
            return c;
        } finally {
            shared.unlock();
        }
    }

    /**
     * Writes {@code file}, a download in {@link #cacheDir()}, atomically; a file this run creates
     * there is removed by a discard.
     *
     * @throws AttendeeException when it cannot be written, or after {@link #discard()}
     */
    public void cache(Path file, Content content) {
        Lock shared = lock.readLock();
        shared.lock();
        try {
            refuseAfterDiscard(file);
            Path folder = file.getParent();
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                changes.createdInCache(file);
            }
            atomically(folder, file, content);
        } finally {
            shared.unlock();
        }
    }

    /** The path of attendee {@code id}'s image of {@code type}, relative to the output folder. */
    public static String relativePath(long id, ImageType type) {
        return NAME + "/" + fileName(id, type);
    }

    /**
     * Writes attendee {@code id}'s image and returns its path relative to the output folder. An
     * image of another type for the same id is removed; one that was there before the run is kept
     * aside until {@link #commit()}, as is the original of a file this write replaces.
     *
     * @throws AttendeeException when the folder cannot be written, or after {@link #discard()}
     */
    public String write(long id, ImageType type, byte[] bytes) {
        Path target = dir.resolve(fileName(id, type));
        Lock shared = lock.readLock();
        shared.lock();
        try {
            refuseAfterDiscard(target);
            wrote = true;
            if (!hadImages) {
                // Nothing older in the folder: every file is this run's.
                changes.created(id, type);
                atomically(dir, target, out -> out.write(bytes));
                return relativePath(id, type);
            }
            synchronized (stripes[Math.floorMod(Long.hashCode(id), stripes.length)]) {
                if (changes.isCreated(id, type) || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    changes.created(id, type);
                } else {
                    changes.keepOriginal(target, false);
                }
                atomically(dir, target, out -> out.write(bytes));
                removeOtherTypes(id, type);
            }
        } finally {
            shared.unlock();
        }
        return relativePath(id, type);
    }

    /**
     * The run's output refers to its files: forget what a discard would undo, and drop the kept
     * originals. Nothing after {@link #discard()}.
     */
    public void commit() {
        Lock exclusive = lock.writeLock();
        exclusive.lock();
        try {
            if (discarded) {
                return;
            }
            changes.forget();
            if (wrote) {
                hadImages = true;
            }
        } finally {
            exclusive.unlock();
        }
    }

    /**
     * The run did not complete: removes the files it created since the last {@link #commit()},
     * puts back the originals of the files it rewrote or removed, and removes the cache folder and
     * this folder when the run made them and they are empty. Waits for the writes in progress;
     * refuses every later one. Idempotent; a file that cannot be removed stays, silently.
     */
    public void discard() {
        Lock exclusive = lock.writeLock();
        exclusive.lock();
        try {
            if (discarded) {
                return;
            }
            discarded = true;
            changes.undo();
            if (madeCache && cacheDir != null) {
                deleteQuietly(cacheDir);
            }
            if (madeDir) {
                deleteQuietly(dir);
            }
        } finally {
            exclusive.unlock();
        }
    }

    private void refuseAfterDiscard(Path target) {
        if (discarded) {
            throw discardedFailure(target);
        }
    }

    private static AttendeeException discardedFailure(Path target) {
        return new AttendeeException("cannot write " + target + ": the images of this run were discarded; "
                + "a new run needs a new image provider");
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

    /** Removes attendee {@code id}'s images of other types: this run's at once, earlier ones kept aside. */
    private void removeOtherTypes(long id, ImageType kept) {
        for (ImageType t : TYPES) {
            if (t == kept) {
                continue;
            }
            Path other = dir.resolve(fileName(id, t));
            if (!Files.exists(other, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (changes.isCreated(id, t)) {
                deleteQuietly(other);
            } else {
                changes.keepOriginal(other, true);
            }
        }
    }

    static String fileName(long id, ImageType type) {
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

    static String describe(IOException e) {
        if (e instanceof FileSystemException fse) {
            return fse.getReason() != null ? fse.getReason() : e.getClass().getSimpleName().replace("Exception", "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
