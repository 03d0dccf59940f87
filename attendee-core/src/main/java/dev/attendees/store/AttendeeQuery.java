package dev.attendees.store;

import dev.attendees.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A page of attendees: which ones ({@link AttendeeFilter}), in which order, and which slice.
 *
 * <pre>{@code
 * AttendeePage page = store.find(AttendeeQuery.builder()
 *         .filter(AttendeeFilter.builder().companySizes(CompanySize.STARTUP).build())
 *         .sort(Sort.asc(AttendeeField.COMPANY), Sort.desc(AttendeeField.ATTENDANCE_TIME))
 *         .page(2, 25)                                   // the third page of 25
 *         .build());
 * }</pre>
 *
 * @param filter which attendees
 * @param sort sort keys, first one first; {@code id} ascending breaks ties (and is the order when
 *     none is given)
 * @param offset how many matching attendees to skip
 * @param limit at most this many attendees, 1 to {@link #MAX_LIMIT}
 */
public record AttendeeQuery(AttendeeFilter filter, List<Sort> sort, long offset, int limit) {

    /** The page size when none is given: {@value}. */
    public static final int DEFAULT_LIMIT = 50;

    /** The largest page: {@value}. */
    public static final int MAX_LIMIT = 10_000;

    public AttendeeQuery {
        Objects.requireNonNull(filter, "filter");
        sort = List.copyOf(sort);
        if (offset < 0) {
            throw new ConfigurationException("offset must be >= 0, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ConfigurationException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The first {@value #DEFAULT_LIMIT} attendees matching {@code filter}, by id. */
    public static AttendeeQuery of(AttendeeFilter filter) {
        return builder().filter(filter).build();
    }

    /** A builder: every attendee, by id, the first {@value #DEFAULT_LIMIT}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this query, to derive a variant (the next page, say). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.filter = filter;
        b.sort.addAll(sort);
        b.offset = offset;
        b.limit = limit;
        return b;
    }

    /** The query of the following page. */
    public AttendeeQuery next() {
        return new AttendeeQuery(filter, sort, offset + limit, limit);
    }

    /** Builds an {@link AttendeeQuery}. */
    public static final class Builder {
        private AttendeeFilter filter = AttendeeFilter.ALL;
        private final List<Sort> sort = new ArrayList<>();
        private long offset;
        private int limit = DEFAULT_LIMIT;

        private Builder() {}

        /** Which attendees. */
        public Builder filter(AttendeeFilter value) {
            this.filter = Objects.requireNonNull(value, "filter");
            return this;
        }

        /** Adds sort keys, in order. */
        public Builder sort(Sort... keys) {
            for (Sort s : keys) {
                sort.add(Objects.requireNonNull(s, "sort"));
            }
            return this;
        }

        /** Skips {@code value} attendees. */
        public Builder offset(long value) {
            this.offset = value;
            return this;
        }

        /** At most {@code value} attendees. */
        public Builder limit(int value) {
            this.limit = value;
            return this;
        }

        /** Page {@code number} (0-based) of {@code size} attendees. */
        public Builder page(int number, int size) {
            if (number < 0) {
                throw new ConfigurationException("page number must be >= 0, was " + number);
            }
            this.limit = size;
            this.offset = (long) number * size;
            return this;
        }

        /**
         * The query.
         *
         * @throws ConfigurationException for a negative offset or a limit out of range
         */
        public AttendeeQuery build() {
            return new AttendeeQuery(filter, sort, offset, limit);
        }
    }
}
