package dev.attendees.cli;

import dev.attendees.Attendee;
import dev.attendees.AttendeeException;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.spi.EncodingAttendeeSink;
import dev.attendees.spi.ImageProvider;
import java.util.List;

/**
 * The images of one {@code generate} run, kept only when an output refers to them: the first
 * output to commit (the database, or the file) keeps them ({@link ImageProvider#commit()}), and a
 * run that ends otherwise takes them back ({@link ImageProvider#discard()}): when it fails, when
 * the reader of its standard output goes away, and when the JVM stops on Ctrl-C or SIGTERM (a
 * shutdown hook, as the outputs' temporary files have). An output's commit and the discard exclude
 * each other, so a stop during a commit either keeps the images with the output or takes them
 * back before the output is written.
 *
 * <pre>{@code
 * try (ImageRun run = ImageRun.of(images)) {
 *     generator.writeTo(run.keptBy(fileSink), count);   // the file's commit keeps the images
 * }                                                     // otherwise they are discarded here
 * }</pre>
 */
final class ImageRun implements AutoCloseable {
    private final ImageProvider images;
    private final Thread hook;
    private boolean kept;
    private boolean discarded;

    private ImageRun(ImageProvider images) {
        this.images = images;
        this.hook = images == null ? null : new Thread(this::discard, "attendees-images-cleanup");
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** The run of {@code images}; {@code null} (no images) gives a run with nothing to keep. */
    static ImageRun of(ImageProvider images) {
        return new ImageRun(images);
    }

    /**
     * {@code sink}, whose commit keeps the images once it succeeds; after a discard it refuses to
     * commit (its output would refer to images that are gone).
     */
    AttendeeSink keptBy(AttendeeSink sink) {
        if (images == null || sink == null) {
            return sink;
        }
        return sink instanceof EncodingAttendeeSink encoding ? new KeepingEncoding(encoding) : new Keeping(sink);
    }

    /** Takes the images back unless an output kept them; once only. */
    synchronized void discard() {
        if (images == null || kept || discarded) {
            return;
        }
        discarded = true;
        images.discard();
    }

    private synchronized void commit(AttendeeSink sink) {
        if (discarded) {
            throw new AttendeeException("the run was stopped and its images were removed; nothing is committed");
        }
        sink.commit();
        if (!kept) {
            kept = true;
            images.commit();
        }
    }

    /** The run is over: its images are discarded unless an output kept them. */
    @Override
    public void close() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway; the discard below finds the run settled.
            }
        }
        discard();
    }

    private class Keeping implements AttendeeSink {
        final AttendeeSink sink;

        Keeping(AttendeeSink sink) {
            this.sink = sink;
        }

        @Override
        public List<Attendee> admit(List<Attendee> batch) {
            return sink.admit(batch);
        }

        @Override
        public void write(List<Attendee> batch) {
            sink.write(batch);
        }

        @Override
        public void commit() {
            ImageRun.this.commit(sink);
        }

        @Override
        public void close() {
            sink.close();
        }
    }

    private final class KeepingEncoding extends Keeping implements EncodingAttendeeSink {
        private final EncodingAttendeeSink encoding;

        KeepingEncoding(EncodingAttendeeSink sink) {
            super(sink);
            this.encoding = sink;
        }

        @Override
        public byte[] encode(List<Attendee> batch) {
            return encoding.encode(batch);
        }

        @Override
        public void writeEncoded(byte[] encoded) {
            encoding.writeEncoded(encoded);
        }
    }
}
