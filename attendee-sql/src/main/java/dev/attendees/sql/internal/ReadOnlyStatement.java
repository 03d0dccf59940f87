package dev.attendees.sql.internal;

import dev.attendees.ConfigurationException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a text is one read-only query before it reaches the database: a single statement
 * (a {@code ;} may only end it) that starts with {@code SELECT}, {@code WITH} or {@code VALUES}.
 * Quoted texts and comments are skipped the way the database's own lexer reads them, so a
 * {@code ;} inside them does not count, and no quoting trick can hide one from this check:
 *
 * <ul>
 *   <li>both: {@code '...'} texts and {@code "..."} names with doubled quotes, {@code --} and
 *       {@code /* ... *}{@code /} comments;
 *   <li>SQLite: {@code [...]} and {@code `...`} names too; {@code $} is an ordinary character;
 *   <li>PostgreSQL: {@code E'...'} texts with backslash escapes, {@code $tag$ ... $tag$} quotes
 *       (only where a name does not go on: {@code a$b$} is one name), nested comments; no
 *       {@code [...]} or backtick quotes.
 * </ul>
 *
 * On PostgreSQL a name from a short list of session and server functions (advisory locks,
 * {@code pg_sleep}, {@code set_config}, terminating backends, reading server files, large
 * objects, {@code dblink}) is refused too, quoted or not. This is the first guard; the second is
 * that the statement runs on a connection that cannot write, and on PostgreSQL that the driver's
 * own parser finds exactly one statement in it ({@link ReadOnlyRules#checkOneStatement}).
 */
public final class ReadOnlyStatement {
    private static final Set<String> STARTS = Set.of("select", "with", "values");

    /** PostgreSQL functions that act outside the read-only transaction or on the server. */
    private static final Pattern POSTGRES_REFUSED = Pattern.compile("pg_(try_)?advisory_.*|pg_sleep.*|set_config"
            + "|pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile.*|pg_read_.*file|pg_ls_.*"
            + "|pg_stat_file|pg_file_.*|lo_(import|export|unlink|creat|create|open|put|from_bytea|truncate)|dblink.*|pg_notify|pg_logical_emit_message|pg_switch_wal"
            + "|pg_create_.*|pg_drop_replication_slot|pg_promote|pg_wal_replay_.*|pg_backup_.*|pg_(start|stop)_backup"
            // Functions that run SQL given as text, which this check cannot see into.
            + "|query_to_xml.*|cursor_to_xml.*|ts_stat|xpath_table");

    /** The lexical rules of the database the statement goes to. */
    public enum Syntax {
        SQLITE,
        POSTGRESQL
    }

    private ReadOnlyStatement() {}

    /**
     * The statement without a final {@code ;}.
     *
     * @throws ConfigurationException when {@code sql} is empty, holds more than one statement, does
     *     not start with SELECT, WITH or VALUES, has an unterminated quote or comment, or (on
     *     PostgreSQL) names a refused function
     */
    public static String check(String sql, Syntax syntax) {
        if (sql == null || sql.isBlank()) {
            throw new ConfigurationException("read-only SQL must not be empty");
        }
        int end = -1;
        String firstWord = null;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int skipTo = skip(sql, i, syntax);
            if (skipTo > i) {
                if (syntax == Syntax.POSTGRESQL && c == '"') {
                    refuseFunction(sql.substring(i + 1, skipTo - 1).replace("\"\"", "\""), i);
                }
                if (!isComment(sql, i)) {
                    if (end >= 0) {
                        throw moreAfter(end);
                    }
                    firstWord = firstWord == null ? "" : firstWord;
                }
                i = skipTo;
                continue;
            }
            if (postgresUnicodeName(sql, i, syntax)) {
                throw new ConfigurationException("read-only SQL must not use U&\"...\" names (offset " + i
                        + "): write the name plainly");
            }
            if (isNameStart(c, syntax)) {
                int j = i + 1;
                while (j < n && isNamePart(sql.charAt(j), syntax)) {
                    j++;
                }
                String word = sql.substring(i, j).toLowerCase(Locale.ROOT);
                if (end >= 0) {
                    throw moreAfter(end);
                }
                if (firstWord == null) {
                    firstWord = word;
                }
                if (syntax == Syntax.POSTGRESQL) {
                    refuseFunction(word, i);
                }
                i = j;
                continue;
            }
            if (c == ';') {
                end = end < 0 ? i : end;
            } else if (!Character.isWhitespace(c)) {
                if (end >= 0) {
                    throw moreAfter(end);
                }
                firstWord = firstWord == null ? "" : firstWord;
            }
            i++;
        }
        String word = firstWord == null ? "" : firstWord;
        if (!STARTS.contains(word)) {
            throw new ConfigurationException("read-only SQL must be a SELECT (or WITH ... SELECT, VALUES) statement, not "
                    + (word.isEmpty() ? "'" + abbreviate(sql) + "'" : word.toUpperCase(Locale.ROOT)));
        }
        return (end >= 0 ? sql.substring(0, end) : sql).strip();
    }

    /** PostgreSQL's {@code U&"..."}: a name spelled with escapes, which the function check could not read. */
    private static boolean postgresUnicodeName(String sql, int i, Syntax syntax) {
        return syntax == Syntax.POSTGRESQL && (sql.charAt(i) == 'U' || sql.charAt(i) == 'u') && i + 2 < sql.length()
                && sql.charAt(i + 1) == '&' && sql.charAt(i + 2) == '"' && (i == 0 || !isNamePart(sql.charAt(i - 1), syntax));
    }

    private static ConfigurationException moreAfter(int end) {
        return new ConfigurationException("read-only SQL must be one statement; found more after ';' at offset " + end);
    }

    private static void refuseFunction(String name, int at) {
        String plain = name.toLowerCase(Locale.ROOT);
        if (POSTGRES_REFUSED.matcher(plain).matches()) {
            throw new ConfigurationException("read-only SQL must not call " + plain + " (offset " + at
                    + "): it acts outside the query's read-only transaction");
        }
    }

    private static boolean isComment(String sql, int i) {
        char c = sql.charAt(i);
        return i + 1 < sql.length() && (c == '-' && sql.charAt(i + 1) == '-' || c == '/' && sql.charAt(i + 1) == '*');
    }

    /** A character that starts a name: in PostgreSQL any character beyond ASCII, as its lexer takes them. */
    private static boolean isNameStart(char c, Syntax syntax) {
        return Character.isLetter(c) || c == '_' || c > 127 && syntax == Syntax.POSTGRESQL;
    }

    /** A character that goes on a name: in PostgreSQL {@code $} and any character beyond ASCII too. */
    private static boolean isNamePart(char c, Syntax syntax) {
        return Character.isLetterOrDigit(c) || c == '_' || (c == '$' || c > 127) && syntax == Syntax.POSTGRESQL;
    }

    /** The index after a quoted text or comment starting at {@code i}, or {@code i} when none starts there. */
    private static int skip(String sql, int i, Syntax syntax) {
        char c = sql.charAt(i);
        int n = sql.length();
        boolean postgres = syntax == Syntax.POSTGRESQL;
        if (c == '\'' || c == '"' || c == '`' && !postgres) {
            boolean backslashes = postgres && c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                    && (i == 1 || !isNamePart(sql.charAt(i - 2), syntax));
            int j = i + 1;
            while (j < n) {
                char d = sql.charAt(j);
                if (backslashes && d == '\\') {
                    j += 2;
                    continue;
                }
                if (d == c) {
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
        if (c == '[' && !postgres) {
            int j = sql.indexOf(']', i + 1);
            if (j < 0) {
                throw new ConfigurationException("read-only SQL has an unterminated [ quote starting at offset " + i);
            }
            return j + 1;
        }
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            // SQLite ends the comment at a line feed only; PostgreSQL at a carriage return too.
            int j = i + 2;
            while (j < n && sql.charAt(j) != '\n' && !(postgres && sql.charAt(j) == '\r')) {
                j++;
            }
            return j < n ? j + 1 : n;
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int depth = 1;
            int j = i + 2;
            while (depth > 0) {
                int close = sql.indexOf("*/", j);
                if (close < 0) {
                    throw new ConfigurationException("read-only SQL has an unterminated comment starting at offset " + i);
                }
                int open = postgres ? sql.indexOf("/*", j) : -1;
                if (open >= 0 && open < close) {
                    depth++;
                    j = open + 2;
                } else {
                    depth--;
                    j = close + 2;
                }
            }
            return j;
        }
        if (c == '$' && postgres && (i == 0 || !isNamePart(sql.charAt(i - 1), syntax))) {
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
