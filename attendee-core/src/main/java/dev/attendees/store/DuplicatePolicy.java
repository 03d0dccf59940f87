package dev.attendees.store;

import dev.attendees.ConfigurationException;
import java.util.Locale;

/**
 * What an import does with a row whose e-mail address (compared in lower case) is already in the
 * store or earlier in the same import.
 *
 * <pre>{@code
 * ImportOptions.builder().onDuplicate(DuplicatePolicy.SKIP).build();
 * }</pre>
 */
public enum DuplicatePolicy {
    /** Stop the import with an {@link dev.attendees.InputException} naming the row; keep nothing. */
    FAIL,
    /** Keep the attendee already there; the row is counted as skipped. */
    SKIP,
    /** Overwrite the attendee already there, keeping its id; the row is counted as replaced. */
    REPLACE,
    /**
     * Import the row as a new attendee with the next free address of its family (a middle
     * initial the name shows too, then digits; see {@link UniqueEmails}); counted as renamed.
     */
    RENAME;

    /**
     * The policy named {@code fail}, {@code skip}, {@code replace} or {@code rename} (case-insensitive).
     *
     * @throws ConfigurationException for any other name
     */
    public static DuplicatePolicy fromName(String name) {
        for (DuplicatePolicy p : values()) {
            if (p.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return p;
            }
        }
        throw new ConfigurationException("unknown duplicate policy '" + name + "'; expected fail, skip, replace or rename");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
