package dev.attendees.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.attendees.ConfigurationException;
import java.time.LocalTime;
import java.util.List;

/**
 * One condition on attendees; a plan's conditions must all hold. Values are matched exactly as
 * stored (a translator grounds the words of a question in the stored values first), words
 * case-insensitively.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Condition.Equals.class, name = "equals"),
    @JsonSubTypes.Type(value = Condition.Items.class, name = "items"),
    @JsonSubTypes.Type(value = Condition.Contains.class, name = "contains"),
    @JsonSubTypes.Type(value = Condition.TimeOfDay.class, name = "time_of_day"),
    @JsonSubTypes.Type(value = Condition.EventDay.class, name = "event_day"),
    @JsonSubTypes.Type(value = Condition.CountOf.class, name = "count_of"),
})
public sealed interface Condition {

    /** Checks the condition's parts; a plan checks each of its conditions. */
    void validate();

    /** How a list condition combines its values. */
    enum Match {
        /** At least one of the values. */
        ANY,
        /** Every one of the values. */
        ALL,
        /** None of the values. */
        NONE
    }

    /** How a count compares. */
    enum Comparison {
        EQUAL("="), AT_LEAST(">="), AT_MOST("<="), MORE_THAN(">"), LESS_THAN("<");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** The SQL operator. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * A column equal to one of the values ({@code negated}: to none of them): company, industry,
     * company size, job title, event, e-mail domain (lower case), arrival day ({@code YYYY-MM-DD}),
     * arrival hour ({@code 00}..{@code 23}) or e-mail kind ({@code personal}, {@code corporate}).
     */
    record Equals(Dimension dimension, List<String> values, boolean negated) implements Condition {
        public Equals {
            values = values == null ? List.of() : List.copyOf(values);
        }

        @Override
        public void validate() {
            require(dimension != null && !dimension.isList() && !dimension.isCount() && dimension != Dimension.NAME, "equals needs a column"
                    + " dimension (company, industry, company_size, job_title, event, email_domain, email_kind, arrival_day,"
                    + " arrival_hour), was " + dimension);
            require(!values.isEmpty() && values.stream().noneMatch(v -> v == null),
                    "equals on " + dimension.id() + " needs at least one value");
            if (dimension == Dimension.EMAIL_KIND) {
                require(values.stream().allMatch(v -> v.equals(EmailKinds.PERSONAL) || v.equals(EmailKinds.CORPORATE)),
                        "email_kind is personal or corporate, was " + values);
            }
        }
    }

    /** Interests or booths: the attendee has any, all or none of the values. */
    record Items(Dimension dimension, List<String> values, Match match) implements Condition {
        public Items {
            values = values == null ? List.of() : List.copyOf(values);
            match = match == null ? Match.ANY : match;
        }

        @Override
        public void validate() {
            require(dimension != null && dimension.isList(), "items needs interest or booth, was " + dimension);
            require(!values.isEmpty(), "items on " + dimension.id() + " needs at least one value");
        }
    }

    /**
     * Text that contains words, case-insensitively: job title, name, company or e-mail domain; any or
     * all of the words ({@code NONE}: none of them). In a job title, name or company a word matches
     * where one of the text's words begins ({@code CTO} finds "CTO" and "Co-Founder &amp; CTO", not
     * "Director"; {@code engineer} finds "Engineering Manager"), spaces, {@code &}, {@code -},
     * {@code /}, {@code ,} and brackets separating words; in an e-mail domain, anywhere.
     */
    record Contains(Dimension dimension, List<String> words, Match match) implements Condition {
        public Contains {
            words = words == null ? List.of() : List.copyOf(words);
            match = match == null ? Match.ANY : match;
        }

        @Override
        public void validate() {
            require(dimension == Dimension.JOB_TITLE || dimension == Dimension.NAME || dimension == Dimension.COMPANY
                    || dimension == Dimension.EMAIL_DOMAIN, "contains needs job_title, name, company or email_domain, was " + dimension);
            require(!words.isEmpty() && words.stream().noneMatch(w -> w == null || w.isBlank()),
                    "contains on " + dimension.id() + " needs words");
        }
    }

    /** Arrival at or after {@code from} and before {@code to}, on any day; either may be open ({@code null}). */
    record TimeOfDay(LocalTime from, LocalTime to) implements Condition {
        @Override
        public void validate() {
            require(from != null || to != null, "time_of_day needs from or to");
            require(from == null || to == null || from.isBefore(to), "time_of_day: from " + from + " is not before to " + to);
        }
    }

    /**
     * Arrival on a day of the event, counted among the days the data holds: 1 is the first day, 2
     * the second, -1 the last.
     */
    record EventDay(int day) implements Condition {
        @Override
        public void validate() {
            require(day != 0, "event_day counts from 1 (the first day) or back from -1 (the last)");
        }
    }

    /** The number of an attendee's interests or booths compared with a value. */
    record CountOf(Dimension dimension, Comparison comparison, int value) implements Condition {
        @Override
        public void validate() {
            require(dimension != null && dimension.isList(), "count_of needs interest or booth, was " + dimension);
            require(comparison != null, "count_of needs a comparison");
            require(value >= 0, "count_of needs a value of 0 or more, was " + value);
        }
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new ConfigurationException("query plan: " + problem);
        }
    }
}
