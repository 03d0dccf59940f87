package dev.attendees.sql.internal;

import dev.attendees.Attendee;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/**
 * Times to and from what the databases store: the contract's text ({@code yyyy-MM-dd HH:mm:ss}),
 * which SQLite keeps, or a {@code TIMESTAMP} value, as the drivers give it back.
 */
public final class Timestamps {
    private Timestamps() {}

    /** The contract's text of a time ({@code yyyy-MM-dd HH:mm:ss}), or {@code null} for none. */
    public static String contractText(LocalDateTime time) {
        return time == null ? null : Attendee.formatTimestamp(time);
    }

    /** An instant as the UTC time, in whole seconds, that {@code generation_runs} and {@code query_history} store. */
    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    /** A stored UTC time (as {@link #read} reads it) as an instant, or {@code null}. */
    public static Instant instant(Object stored) {
        LocalDateTime t = read(stored);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** A timestamp read back from either database (text, {@link Timestamp} or {@link LocalDateTime}). */
    public static LocalDateTime read(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDateTime();
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() > 19) {
            text = text.substring(0, 19); // fractions of a second, as jOOQ or other tools may write them
        }
        return LocalDateTime.parse(text.replace('T', ' '), STORED_TIMESTAMP);
    }

    /**
     * The contract's format, read as leniently as before input files became strict: a value that
     * another tool stored as {@code 2026-02-30 10:00:00} reads as the month's last day instead of
     * failing every query that touches its row (imports refuse such values).
     */
    private static final DateTimeFormatter STORED_TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.SMART);
}
