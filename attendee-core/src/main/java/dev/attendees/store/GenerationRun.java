package dev.attendees.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A run recorded in the store's {@code generation_runs} table: a generation or an import, what it
 * was asked to do, and which ids it added. A run's attendees are the ids {@code firstId..lastId}
 * (none when {@code inserted} is 0).
 *
 * <pre>{@code
 * for (GenerationRun run : store.runs()) {
 *     System.out.println(run.id() + " " + run.kind() + " seed " + run.seed() + ": ids " + run.firstId() + ".." + run.lastId());
 * }
 * store.deleteRun(store.runs().get(0).id());
 * }</pre>
 *
 * @param id the run's id
 * @param kind generation or import
 * @param description a short description (the source's name, or the imported files)
 * @param seed the seed, or {@code null} for imports
 * @param dataVersion the generator's data version, or {@code null} for imports
 * @param eventName the event's name, or {@code null}
 * @param eventType the event type (profile id), or {@code null}
 * @param options the run's options as a JSON object (empty object when none)
 * @param firstId the first id added
 * @param lastId the last id added
 * @param inserted attendees added
 * @param skipped rows skipped as duplicates
 * @param replaced attendees overwritten
 * @param renamed attendees added with another e-mail address than the one they came with, because
 *     the store held it already (they are among {@code inserted})
 * @param startedAt when the run started
 * @param finishedAt when it was committed
 */
public record GenerationRun(
        long id,
        RunKind kind,
        String description,
        Long seed,
        Integer dataVersion,
        String eventName,
        String eventType,
        String options,
        long firstId,
        long lastId,
        long inserted,
        long skipped,
        long replaced,
        long renamed,
        Instant startedAt,
        Instant finishedAt) {

    public GenerationRun {
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
        options = options == null || options.isBlank() ? "{}" : options;
    }
}
