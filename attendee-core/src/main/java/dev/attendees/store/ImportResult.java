package dev.attendees.store;

import java.time.Duration;
import java.util.Objects;

/**
 * What an import did, all in one transaction.
 *
 * <pre>{@code
 * ImportResult r = store.importFiles(List.of(csv), ImportOptions.DEFAULTS);
 * System.out.println(r.inserted() + " new, " + r.skipped() + " skipped, " + r.replaced() + " replaced");
 * }</pre>
 *
 * @param run the run recorded for this import (its id range holds the inserted attendees)
 * @param read rows read from all inputs
 * @param inserted attendees added
 * @param skipped rows left out as duplicates ({@link DuplicatePolicy#SKIP})
 * @param replaced attendees overwritten ({@link DuplicatePolicy#REPLACE})
 * @param renamed attendees added with another address than their row's, which was taken
 *     ({@link DuplicatePolicy#RENAME}); they are among {@code inserted}
 * @param elapsed wall time
 */
public record ImportResult(GenerationRun run, long read, long inserted, long skipped, long replaced, long renamed,
        Duration elapsed) {

    public ImportResult {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Rows per second. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? read : read / seconds;
    }
}
