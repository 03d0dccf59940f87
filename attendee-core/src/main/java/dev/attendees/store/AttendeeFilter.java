package dev.attendees.store;

import dev.attendees.CompanySize;
import dev.attendees.ConfigurationException;
import dev.attendees.Industry;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Which attendees a query, count or bulk operation applies to. Every condition is optional; the
 * given ones must all hold. A list condition matches any of its values, except
 * {@code interestsAll} and {@code boothsAll}, which need every value. Text values match exactly
 * (case-sensitive), as stored.
 *
 * <pre>{@code
 * AttendeeFilter filter = AttendeeFilter.builder()
 *         .industries(Industry.HEALTHCARE, Industry.FINANCIAL_SERVICES)
 *         .companySizes(CompanySize.ENTERPRISE)
 *         .interestsAny("Kubernetes", "Docker")     // at least one of them
 *         .attendedBetween(LocalDateTime.parse("2026-11-10T09:00"), LocalDateTime.parse("2026-11-10T12:00"))
 *         .text("platform engineer")                // full text over name, company and job title
 *         .build();
 * long n = store.count(filter);
 * }</pre>
 *
 * @param companies companies, any of them
 * @param industries industries, any of them
 * @param companySizes company sizes, any of them
 * @param eventNames event names, any of them
 * @param jobTitles job titles, any of them
 * @param interestsAny product interests: the attendee has at least one of them
 * @param interestsAll product interests: the attendee has every one of them
 * @param boothsAny booths: the attendee visited at least one of them
 * @param boothsAll booths: the attendee visited every one of them
 * @param attendedFrom arrival at or after this time, or {@code null}
 * @param attendedTo arrival before this time (exclusive), or {@code null}
 * @param text words that must all appear in the name, company or job title (each word also
 *     matches as a prefix: {@code kube} finds {@code Kubernetes}); punctuation is ignored; or
 *     {@code null}
 * @param runId only the attendees a run (generation or import) added, or {@code null}
 */
public record AttendeeFilter(
        List<String> companies,
        List<Industry> industries,
        List<CompanySize> companySizes,
        List<String> eventNames,
        List<String> jobTitles,
        List<String> interestsAny,
        List<String> interestsAll,
        List<String> boothsAny,
        List<String> boothsAll,
        LocalDateTime attendedFrom,
        LocalDateTime attendedTo,
        String text,
        Long runId) {

    /** Every attendee. */
    public static final AttendeeFilter ALL = builder().build();

    public AttendeeFilter {
        companies = distinct(companies, "companies");
        industries = distinct(industries, "industries");
        companySizes = distinct(companySizes, "companySizes");
        eventNames = distinct(eventNames, "eventNames");
        jobTitles = distinct(jobTitles, "jobTitles");
        interestsAny = distinct(interestsAny, "interestsAny");
        interestsAll = distinct(interestsAll, "interestsAll");
        boothsAny = distinct(boothsAny, "boothsAny");
        boothsAll = distinct(boothsAll, "boothsAll");
        if (attendedFrom != null && attendedTo != null && !attendedFrom.isBefore(attendedTo)) {
            throw new ConfigurationException("attendedFrom (" + attendedFrom + ") must be before attendedTo ("
                    + attendedTo + ")");
        }
        text = text == null || text.isBlank() ? null : text.strip();
    }

    private static <T> List<T> distinct(Collection<T> values, String name) {
        if (values == null) {
            return List.of();
        }
        for (T v : values) {
            if (v == null) {
                throw new ConfigurationException(name + " must not contain null");
            }
        }
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** A builder with no condition. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this filter's conditions, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.companies.addAll(companies);
        b.industries.addAll(industries);
        b.companySizes.addAll(companySizes);
        b.eventNames.addAll(eventNames);
        b.jobTitles.addAll(jobTitles);
        b.interestsAny.addAll(interestsAny);
        b.interestsAll.addAll(interestsAll);
        b.boothsAny.addAll(boothsAny);
        b.boothsAll.addAll(boothsAll);
        b.attendedFrom = attendedFrom;
        b.attendedTo = attendedTo;
        b.text = text;
        b.runId = runId;
        return b;
    }

    /** Whether this filter has no condition (matches every attendee). */
    public boolean isEmpty() {
        return equals(ALL);
    }

    /** Builds an {@link AttendeeFilter}; each call adds values to its condition. */
    public static final class Builder {
        private final List<String> companies = new ArrayList<>();
        private final List<Industry> industries = new ArrayList<>();
        private final List<CompanySize> companySizes = new ArrayList<>();
        private final List<String> eventNames = new ArrayList<>();
        private final List<String> jobTitles = new ArrayList<>();
        private final List<String> interestsAny = new ArrayList<>();
        private final List<String> interestsAll = new ArrayList<>();
        private final List<String> boothsAny = new ArrayList<>();
        private final List<String> boothsAll = new ArrayList<>();
        private LocalDateTime attendedFrom;
        private LocalDateTime attendedTo;
        private String text;
        private Long runId;

        private Builder() {}

        /** Attendees of any of these companies. */
        public Builder companies(String... names) {
            return add(companies, List.of(names), "companies");
        }

        /** Attendees of any of these industries. */
        public Builder industries(Industry... values) {
            return add(industries, List.of(values), "industries");
        }

        /** Attendees of companies of any of these sizes. */
        public Builder companySizes(CompanySize... values) {
            return add(companySizes, List.of(values), "companySizes");
        }

        /** Attendees of any of these events. */
        public Builder eventNames(String... names) {
            return add(eventNames, List.of(names), "eventNames");
        }

        /** Attendees with any of these job titles. */
        public Builder jobTitles(String... titles) {
            return add(jobTitles, List.of(titles), "jobTitles");
        }

        /** Attendees interested in at least one of these categories. */
        public Builder interestsAny(String... interests) {
            return add(interestsAny, List.of(interests), "interestsAny");
        }

        /** Attendees interested in every one of these categories. */
        public Builder interestsAll(String... interests) {
            return add(interestsAll, List.of(interests), "interestsAll");
        }

        /** Attendees who visited at least one of these booths. */
        public Builder boothsAny(String... booths) {
            return add(boothsAny, List.of(booths), "boothsAny");
        }

        /** Attendees who visited every one of these booths. */
        public Builder boothsAll(String... booths) {
            return add(boothsAll, List.of(booths), "boothsAll");
        }

        /** Arrivals at or after {@code from} and before {@code to}; either may be {@code null}. */
        public Builder attendedBetween(LocalDateTime from, LocalDateTime to) {
            this.attendedFrom = from;
            this.attendedTo = to;
            return this;
        }

        /** Full text: every word must appear (as a word or a word's start) in name, company or job title. */
        public Builder text(String words) {
            this.text = words;
            return this;
        }

        /** Only the attendees added by this run (see {@link dev.attendees.spi.AttendeeStore#runs()}). */
        public Builder runId(long id) {
            this.runId = id;
            return this;
        }

        private <T> Builder add(List<T> into, List<T> values, String name) {
            for (T v : values) {
                into.add(Objects.requireNonNull(v, () -> name + " must not contain null"));
            }
            return this;
        }

        /**
         * The filter.
         *
         * @throws ConfigurationException when the time range is empty
         */
        public AttendeeFilter build() {
            return new AttendeeFilter(companies, industries, companySizes, eventNames, jobTitles, interestsAny,
                    interestsAll, boothsAny, boothsAll, attendedFrom, attendedTo, text, runId);
        }
    }
}
