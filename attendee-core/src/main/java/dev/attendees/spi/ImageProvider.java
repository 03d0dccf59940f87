package dev.attendees.spi;

import dev.attendees.Attendee;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives an attendee an image file. {@code attendee-images} adds local avatars and remote photo
 * services; without a provider, {@code image_path} stays empty.
 *
 * <pre>{@code
 * AttendeeGenerator.builder().imageProvider(myProvider).build();
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

    @Override
    default void close() {}
}
