package dev.attendees.spi;

import dev.attendees.GenerationOptions;
import dev.attendees.internal.OfflineEngine;

/**
 * Makes the {@link RecordSource} of one set of options.
 *
 * <pre>{@code
 * RecordSource fallback = RecordSourceFactory.offline().create(generator.options());
 * fallback.generate(0, 20);   // the offline engine's first 20 attendees
 * }</pre>
 */
@FunctionalInterface
public interface RecordSourceFactory {
    RecordSource create(GenerationOptions options);

    /**
     * The offline engine, the generator's default source: pure, deterministic by seed, no network.
     * Other sources use it as their fallback.
     */
    static RecordSourceFactory offline() {
        return OfflineEngine::new;
    }
}
