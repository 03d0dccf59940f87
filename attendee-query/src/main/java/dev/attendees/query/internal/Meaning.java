package dev.attendees.query.internal;

import dev.attendees.plan.Dimension;
import dev.attendees.plan.Metric;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One way to read a phrase of a question. A phrase may have several ("booth" names the booth
 * dimension, the number of booths visited, and says a booth follows); the interpreter picks by
 * context.
 *
 * @param kind what the phrase is
 * @param dimension for {@link Kind#DIMENSION} and {@link Kind#VALUE}
 * @param metric for {@link Kind#METRIC}
 * @param value for {@link Kind#VALUE}: the value as stored; for {@link Kind#OUT_OF_SCOPE}: the topic
 * @param words for {@link Kind#TITLE}: the job-title words it stands for
 * @param number for {@link Kind#NUMBER} and {@link Kind#EVENT_DAY}
 * @param from for {@link Kind#PERIOD} and {@link Kind#CLOCK}: a time of day
 * @param to for {@link Kind#PERIOD}: the end, exclusive
 * @param date for {@link Kind#DATE}
 */
record Meaning(Kind kind, Dimension dimension, Metric metric, String value, List<String> words, int number,
        LocalTime from, LocalTime to, LocalDate date) {

    enum Kind {
        ATTENDEE, STOP, COUNT, SHARE, AVERAGE, MINIMUM, MAXIMUM, LIST, MOST, LEAST, BREAKDOWN, COMPARE, REPORT,
        DIMENSION, METRIC, VALUE, TITLE,
        CUE_INTEREST, CUE_BOOTH, CUE_COMPANY, CUE_INDUSTRY, CUE_TITLE, NEGATION, AND, OR, ONLY, ALL_OF, ANY_OF,
        THEM, ABOUT,
        TIME_AFTER, TIME_BEFORE, TIME_BETWEEN, TIME_TO, PERIOD, CLOCK, AM, PM, OCLOCK, EVENT_DAY, ON, DATE,
        MORE_THAN, AT_LEAST, AT_MOST, LESS_THAN, EXACTLY, NONE_OF,
        NUMBER, LIMIT,
        EMAIL_GMAIL, EMAIL_PERSONAL, EMAIL_CORPORATE, EMAIL_WORD,
        WRITE, INJECTION, OUT_OF_SCOPE,
        /** "rather than", "instead of": what follows is the alternative the question sets aside. */
        CONTRAST
    }

    static Meaning of(Kind kind) {
        return new Meaning(kind, null, null, null, List.of(), 0, null, null, null);
    }

    static Meaning dimension(Dimension d) {
        return new Meaning(Kind.DIMENSION, d, null, null, List.of(), 0, null, null, null);
    }

    static Meaning metric(Metric m) {
        return new Meaning(Kind.METRIC, null, m, null, List.of(), 0, null, null, null);
    }

    static Meaning value(Dimension d, String value) {
        return new Meaning(Kind.VALUE, d, null, value, List.of(), 0, null, null, null);
    }

    static Meaning title(List<String> words) {
        return new Meaning(Kind.TITLE, null, null, null, List.copyOf(words), 0, null, null, null);
    }

    static Meaning number(int n) {
        return new Meaning(Kind.NUMBER, null, null, null, List.of(), n, null, null, null);
    }

    static Meaning eventDay(int n) {
        return new Meaning(Kind.EVENT_DAY, null, null, null, List.of(), n, null, null, null);
    }

    static Meaning period(LocalTime from, LocalTime to) {
        return new Meaning(Kind.PERIOD, null, null, null, List.of(), 0, from, to, null);
    }

    static Meaning clock(LocalTime t) {
        return new Meaning(Kind.CLOCK, null, null, null, List.of(), 0, t, null, null);
    }

    static Meaning date(LocalDate d) {
        return new Meaning(Kind.DATE, null, null, null, List.of(), 0, null, null, d);
    }

    static Meaning outOfScope(String topic) {
        return new Meaning(Kind.OUT_OF_SCOPE, null, null, topic, List.of(), 0, null, null, null);
    }
}
