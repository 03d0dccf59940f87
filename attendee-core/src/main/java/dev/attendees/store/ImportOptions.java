package dev.attendees.store;

import java.util.Objects;

/**
 * How {@link dev.attendees.spi.AttendeeStore#importFiles} treats what it reads.
 *
 * <pre>{@code
 * store.importFiles(List.of(Path.of("a.csv"), Path.of("b.ndjson")),
 *         ImportOptions.builder().onDuplicate(DuplicatePolicy.REPLACE).build());
 * }</pre>
 *
 * @param onDuplicate what to do with a row whose e-mail address is already there
 */
public record ImportOptions(DuplicatePolicy onDuplicate) {

    /** The duplicate policy when none is given: {@link DuplicatePolicy#FAIL}. */
    public static final DuplicatePolicy DEFAULT_DUPLICATE_POLICY = DuplicatePolicy.FAIL;

    /** Every default: duplicates fail the import. */
    public static final ImportOptions DEFAULTS = builder().build();

    public ImportOptions {
        Objects.requireNonNull(onDuplicate, "onDuplicate");
    }

    /** A builder with every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ImportOptions}. */
    public static final class Builder {
        private DuplicatePolicy onDuplicate = DEFAULT_DUPLICATE_POLICY;

        private Builder() {}

        /** What to do with a row whose e-mail address is already in the store or earlier in the import. */
        public Builder onDuplicate(DuplicatePolicy policy) {
            this.onDuplicate = Objects.requireNonNull(policy, "onDuplicate");
            return this;
        }

        /** The options. */
        public ImportOptions build() {
            return new ImportOptions(onDuplicate);
        }
    }
}
