package dev.attendees.spi;

import dev.attendees.Attendee;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives an attendee an image file. {@code attendee-images} adds local avatars and remote photo
 * services; without a provider, {@code image_path} stays empty.
 *
 * <p>The files a provider writes belong to a run until the run's output is committed: call
 * {@link #commit()} once the output that refers to them is written, or {@link #discard()} when the
 * run fails, so that a failed run leaves no images that nothing refers to.
 * {@link #close()} keeps what was neither committed nor discarded.
 *
 * <pre>{@code
 * try (ImageProvider images = ImageProviders.named("avatar");
 *         AttendeeFileSink csv = AttendeeFormat.CSV.open(out.resolve("attendees.csv"))) {
 *     AttendeeGenerator generator = AttendeeGenerator.builder().imageProvider(images).outputDirectory(out).build();
 *     try {
 *         generator.writeTo(csv, 1_000);   // commits the file
 *         images.commit();                  // the file refers to the images: keep them
 *     } catch (RuntimeException e) {
 *         images.discard();                 // no file: remove the images this run made
 *         throw e;
 *     }
 * }
 * }</pre>
 */
public interface ImageProvider extends AutoCloseable {

    /**
     * Stores the attendee's image under {@code outputDir} and returns its path relative to it
     * (for example {@code images/42.png}), or {@code ""} when there is none. Must not throw for
     * one attendee's failure: fall back instead.
     */
    String imageFor(Attendee attendee, Path outputDir);

    /**
     * The images of one batch, in order: what {@link #imageFor} gives for each attendee. The
     * generator calls this once per batch (from several threads at once for large runs), so a
     * remote provider can fetch a batch's images concurrently. Must not throw for one attendee's
     * failure.
     */
    default List<String> imagesFor(List<Attendee> batch, Path outputDir) {
        List<String> paths = new ArrayList<>(batch.size());
        for (Attendee a : batch) {
            paths.add(imageFor(a, outputDir));
        }
        return paths;
    }

    /** A short name for summaries, e.g. {@code avatar}. */
    String name();

    /**
     * What the provider did so far, for the run's summary: images by origin (a remote provider
     * that fell back to avatars reports both) and notes. Nothing by default.
     */
    default ProviderReport report() {
        return ProviderReport.EMPTY;
    }

    /**
     * The run's output is committed and refers to the images given so far: keep them all. A
     * provider that writes files forgets here what it set aside for {@link #discard()} (the files
     * it created, the earlier files it replaced) and writes what goes with the images, such as
     * credits; a later {@code discard()} concerns only images given after this call. Does nothing
     * after {@code discard()}. Nothing to do by default.
     */
    default void commit() {}

    /**
     * The run did not complete: remove the image files given since this provider was made (or
     * since the last {@link #commit()}) that did not exist before it wrote them, and put back the
     * files that were there before and that it rewrote or removed, so that the output folder holds
     * what it held before the run; credits for removed images are not written, and earlier credits
     * stay. Afterwards the provider writes no more files: {@link #imageFor} and {@link #imagesFor}
     * throw {@link dev.attendees.AttendeeException}; a new run needs a new provider.
     *
     * <p>Safe to call from another thread while images are being written (a shutdown hook on
     * Ctrl-C): it waits for the files being written at that moment and removes them too. Idempotent,
     * harmless when nothing was written, and never throws for a file it cannot remove. Nothing to
     * do by default: a provider that writes no files of its own has none to remove.
     */
    default void discard() {}

    /** Releases resources; images neither committed nor discarded are kept (as by {@link #commit()}). */
    @Override
    default void close() {}
}
