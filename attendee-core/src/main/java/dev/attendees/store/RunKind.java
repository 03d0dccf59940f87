package dev.attendees.store;

import java.util.Locale;

/**
 * How a run added attendees to a store.
 *
 * <pre>{@code
 * store.runs().stream().filter(r -> r.kind() == RunKind.IMPORT).toList();
 * }</pre>
 */
public enum RunKind {
    /** Generated (by {@link dev.attendees.AttendeeGenerator} or another writer through a sink). */
    GENERATE,
    /** Imported from files. */
    IMPORT;

    /** The stored text: {@code generate} or {@code import}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind stored as {@code label}. */
    public static RunKind fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
