package dev.attendees.sql.internal;

import dev.attendees.ConfigurationException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks that a text is one read-only query before it reaches the database: a single statement
 * (a {@code ;} may only end it) that starts with {@code SELECT}, {@code WITH} or {@code VALUES}.
 * Quotes, dollar quotes and comments are skipped, so a {@code ;} inside them does not count. This
 * is the first guard; the second is that the statement runs on a connection that cannot write.
 */
public final class ReadOnlyStatement {
    private static final Set<String> STARTS = Set.of("select", "with", "values");

    private ReadOnlyStatement() {}

    /**
     * The statement without a final {@code ;}.
     *
     * @throws ConfigurationException when {@code sql} is empty, holds more than one statement, or
     *     does not start with SELECT, WITH or VALUES
     */
    public static String check(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new ConfigurationException("read-only SQL must not be empty");
        }
        int end = -1;
        StringBuilder firstWord = new StringBuilder();
        boolean wordDone = false;
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            int skipTo = skip(sql, i);
            if (skipTo > i) {
                i = skipTo - 1;
                wordDone |= firstWord.length() > 0;
                continue;
            }
            if (end >= 0) {
                if (!Character.isWhitespace(c) && c != ';') {
                    throw new ConfigurationException("read-only SQL must be one statement; found more after ';' at offset " + end);
                }
                continue;
            }
            if (c == ';') {
                end = i;
                continue;
            }
            if (!wordDone) {
                if (Character.isLetter(c)) {
                    firstWord.append(c);
                } else if (firstWord.length() > 0 || !Character.isWhitespace(c)) {
                    wordDone = true;
                }
            }
        }
        String word = firstWord.toString().toLowerCase(Locale.ROOT);
        if (!STARTS.contains(word)) {
            throw new ConfigurationException("read-only SQL must be a SELECT (or WITH ... SELECT, VALUES) statement, not "
                    + (word.isEmpty() ? "'" + abbreviate(sql) + "'" : word.toUpperCase(Locale.ROOT)));
        }
        return (end >= 0 ? sql.substring(0, end) : sql).strip();
    }

    /** The index after a quoted text or comment starting at {@code i}, or {@code i} when none starts there. */
    private static int skip(String sql, int i) {
        char c = sql.charAt(i);
        int n = sql.length();
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < n) {
                if (sql.charAt(j) == c) {
                    if (j + 1 < n && sql.charAt(j + 1) == c) {
                        j += 2; // doubled quote
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            throw new ConfigurationException("read-only SQL has an unterminated quote starting at offset " + i);
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            int j = sql.indexOf('\n', i);
            return j < 0 ? n : j + 1;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int j = sql.indexOf("*/", i + 2);
            if (j < 0) {
                throw new ConfigurationException("read-only SQL has an unterminated comment starting at offset " + i);
            }
            return j + 2;
        }
        if (c == '$') {
            int j = i + 1;
            while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                j++;
            }
            if (j < n && sql.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
                String tag = sql.substring(i, j + 1);
                int close = sql.indexOf(tag, j + 1);
                if (close < 0) {
                    throw new ConfigurationException("read-only SQL has an unterminated " + tag + " quote starting at offset " + i);
                }
                return close + tag.length();
            }
        }
        return i;
    }

    private static String abbreviate(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
