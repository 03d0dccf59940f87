package dev.attendees.spi;

import dev.attendees.Attendee;
import java.nio.file.Path;

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

    /** A short name for summaries, e.g. {@code avatar}. */
    String name();

    @Override
    default void close() {}
}
