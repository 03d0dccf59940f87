package dev.attendees.images.internal;

import dev.attendees.AttendeeException;
import dev.attendees.store.LongSet;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * What one run changed in an images folder, for {@link ImageFolder} to keep or to undo: the files
 * the run created (ids by type, downloads in the cache by path) and, for each file that was there
 * before and that the run rewrites or removes, the original, kept beside it under a hidden name
 * ({@code .<id>.<ext>.<run>.orig}): a hard link where the file system has them (else a copy) for a
 * file about to be rewritten, a rename for a file that goes. Recording is thread-safe;
 * {@link #forget()} and {@link #undo()} run while nothing is recorded (the folder's exclusive
 * lock sees to it).
 */
final class RunChanges {
    /** The end of a kept original's name, after the run's token. */
    private static final String ORIGINAL = ".orig";

    private static final ImageType[] TYPES = ImageType.values();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    /** Names this run's kept originals, so that it never mistakes another run's for its own. */
    private final String run = Long.toUnsignedString(RANDOM.nextLong(), 36);
    /** Ids of the files the run created, by type; guarded by itself. */
    private final LongSet[] created = new LongSet[TYPES.length];
    private final Set<Path> createdInCache = ConcurrentHashMap.newKeySet();
    /** How many originals the run kept: none spares a look through the folder at the end. */
    private final AtomicLong originals = new AtomicLong();

    RunChanges(Path dir) {
        this.dir = dir;
        clearCreated();
    }

    /** Attendee {@code id}'s image of {@code type} is the run's own. */
    void created(long id, ImageType type) {
        synchronized (created) {
            created[type.ordinal()].add(id);
        }
    }

    /** Whether attendee {@code id}'s image of {@code type} is the run's own. */
    boolean isCreated(long id, ImageType type) {
        synchronized (created) {
            return created[type.ordinal()].contains(id);
        }
    }

    /** A download in the cache is the run's own. */
    void createdInCache(Path file) {
        createdInCache.add(file);
    }

    /**
     * Keeps {@code file}, which was there before the run, under its hidden name: linked (or
     * copied) when it is about to be rewritten, renamed when it is to go ({@code goes}). Once per
     * file: a file whose original is kept already is rewritten as it is, or deleted.
     *
     * @throws AttendeeException when the original cannot be kept (the run must not replace it then)
     */
    void keepOriginal(Path file, boolean goes) {
        Path original = originalOf(file);
        try {
            if (Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
                if (goes) {
                    Files.deleteIfExists(file);
                }
                return;
            }
            if (goes) {
                Files.move(file, original, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try {
                    Files.createLink(original, file);
                } catch (UnsupportedOperationException | IOException noLinks) {
                    Files.copy(file, original, LinkOption.NOFOLLOW_LINKS);
                }
            }
            originals.incrementAndGet();
        } catch (IOException e) {
            throw new AttendeeException("cannot keep the earlier " + file + " aside while this run replaces it: "
                    + ImageFolder.describe(e), e);
        }
    }

    /** The run is kept: drops the originals and starts over with nothing recorded. */
    void forget() {
        forEachOriginal((original, file) -> ImageFolder.deleteQuietly(original));
        originals.set(0);
        clearCreated();
        createdInCache.clear();
    }

    /** The run is undone: its files removed, the originals back under their names. Best effort. */
    void undo() {
        synchronized (created) {
            for (ImageType type : TYPES) {
                created[type.ordinal()].forEach(id -> ImageFolder.deleteQuietly(dir.resolve(ImageFolder.fileName(id, type))));
            }
        }
        createdInCache.forEach(ImageFolder::deleteQuietly);
        forEachOriginal(RunChanges::putBack);
    }

    private void clearCreated() {
        synchronized (created) {
            for (ImageType type : TYPES) {
                created[type.ordinal()] = new LongSet();
            }
        }
    }

    private Path originalOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + "." + run + ORIGINAL);
    }

    /** The kept originals of this run, each with the file it belongs to. */
    private void forEachOriginal(BiConsumer<Path, Path> action) {
        if (originals.get() == 0) {
            return;
        }
        String suffix = "." + run + ORIGINAL;
        try (DirectoryStream<Path> kept = Files.newDirectoryStream(dir, ".*" + suffix)) {
            for (Path original : kept) {
                String name = original.getFileName().toString();
                action.accept(original, dir.resolve(name.substring(1, name.length() - suffix.length())));
            }
        } catch (IOException ignored) {
            // Best effort: the folder is gone or unreadable.
        }
    }

    private static void putBack(Path original, Path file) {
        try {
            try {
                Files.move(original, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(original, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException ignored) {
            // Best effort: the original stays under its hidden name.
        }
    }
}
