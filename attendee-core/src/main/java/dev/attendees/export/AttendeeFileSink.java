package dev.attendees.export;

import dev.attendees.AttendeeException;
import dev.attendees.ConfigurationException;
import dev.attendees.Attendee;
import dev.attendees.spi.EncodingAttendeeSink;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;

/**
 * Writes attendees to a file in one of the contract's formats. File sinks are atomic: the data
 * goes to a hidden temporary file in the same folder, which is synced and renamed over the target
 * on {@link #commit()}. Closing without a commit, a failure, or the JVM stopping (Ctrl-C) deletes
 * the temporary file, so the requested name never holds a partial file.
 *
 * <pre>{@code
 * try (AttendeeFileSink sink = AttendeeFormat.CSV.open(Path.of("attendees.csv"))) {
 *     sink.write(attendees);
 *     sink.commit();
 * }
 * }</pre>
 */
public final class AttendeeFileSink implements EncodingAttendeeSink {
    private final AttendeeFormat format;
    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final OutputStream out;
    private final boolean ownsStream;
    private final Thread cleanup;
    private boolean first = true;
    private boolean committed;
    private boolean closed;

    private AttendeeFileSink(AttendeeFormat format, Path target, Path temporary, Thread cleanup, FileChannel channel,
            OutputStream out, boolean ownsStream) {
        this.format = format;
        this.target = target;
        this.temporary = temporary;
        this.cleanup = cleanup;
        this.channel = channel;
        this.out = out;
        this.ownsStream = ownsStream;
        writeRaw(format.header());
    }

    static AttendeeFileSink atomic(AttendeeFormat format, Path file) {
        Path target = file.toAbsolutePath().normalize();
        try {
            if (Files.isSymbolicLink(target)) {
                // Write through the link: replace the file it points to, keep the link.
                target = target.toRealPath();
            }
            if (Files.isDirectory(target)) {
                throw new ConfigurationException("output " + file + " is a folder, not a file");
            }
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                // A pipe or a device (/dev/stdout): write to it as it is; it cannot be renamed over.
                return new AttendeeFileSink(format, null, null, null, null,
                        new BufferedOutputStream(Files.newOutputStream(target), 1 << 16), true);
            }
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new AttendeeException("cannot write " + file + ": " + describe(e), e);
        }
        // The clean-up hook is in place before the temporary file exists, so a stop at any moment
        // (Ctrl-C, SIGTERM) leaves nothing behind.
        Path temporary = target.resolveSibling("." + target.getFileName() + "."
                + Long.toUnsignedString(new SecureRandom().nextLong(), 36) + ".tmp");
        Thread cleanup = new Thread(() -> deleteQuietly(temporary), "attendees-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
            readableByAll(temporary, target);
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            return new AttendeeFileSink(format, target, temporary, cleanup, channel, out, true);
        } catch (IOException | RuntimeException e) {
            removeHook(cleanup);
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // Already failing.
                }
            }
            deleteQuietly(temporary);
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new AttendeeException("cannot write " + file + ": " + describe((IOException) e), e);
        }
    }

    /** An I/O failure in words: "not a folder: /etc/passwd", not just the path. */
    private static String describe(IOException e) {
        String kind = e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : e instanceof java.nio.file.NotDirectoryException || e instanceof java.nio.file.FileAlreadyExistsException
                        ? "a file is in the way of the folder"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.file.NoSuchFileException ? "no such file or folder"
                : e.getClass().getSimpleName().replace("Exception", "");
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    /** Temporary files are private; the result gets the target's permissions, or rw-r--r--. */
    private static void readableByAll(Path temporary, Path target) throws IOException {
        if (!temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }

    static AttendeeFileSink stream(AttendeeFormat format, OutputStream out) {
        return new AttendeeFileSink(format, null, null, null, null, new BufferedOutputStream(out, 1 << 16), false);
    }

    /** The format written. */
    public AttendeeFormat format() {
        return format;
    }

    /** The file written on commit, or {@code null} for a stream sink. */
    public Path target() {
        return target;
    }

    @Override
    public byte[] encode(List<Attendee> batch) {
        return format.encode(batch);
    }

    @Override
    public synchronized void writeEncoded(byte[] encoded) {
        if (encoded.length == 0) {
            return;
        }
        if (first && format == AttendeeFormat.JSON) {
            // Drop the comma before the very first object.
            writeRaw(encoded, 1, encoded.length - 1);
        } else {
            writeRaw(encoded, 0, encoded.length);
        }
        first = false;
    }

    @Override
    public synchronized void commit() {
        ensureOpen();
        writeRaw(format.footer(first));
        try {
            out.flush();
            if (channel != null) {
                channel.force(true);
                out.close();
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            committed = true;
        } catch (IOException e) {
            throw new AttendeeException("cannot write " + (target != null ? target : "output") + ": " + e.getMessage(), e);
        } finally {
            close();
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (ownsStream) {
                out.close();
            } else {
                out.flush();
            }
        } catch (IOException ignored) {
            // Nothing more to save: the temporary file goes below.
        }
        if (temporary != null) {
            if (!committed) {
                deleteQuietly(temporary);
            }
            removeHook(cleanup);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
    }

    private void writeRaw(byte[] bytes) {
        writeRaw(bytes, 0, bytes.length);
    }

    private void writeRaw(byte[] bytes, int off, int len) {
        ensureOpen();
        try {
            out.write(bytes, off, len);
        } catch (IOException e) {
            throw new AttendeeException("cannot write " + (target != null ? target : "output") + ": " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("sink is closed");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: a hidden .tmp file is all that can remain.
        }
    }
}
