package dev.attendees.spi;

import dev.attendees.GenerationOptions;

/** Makes the {@link RecordSource} of one set of options. */
@FunctionalInterface
public interface RecordSourceFactory {
    RecordSource create(GenerationOptions options);
}
