package dev.attendees.llm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A first, lexical look at SQL a model wrote, before the engine's check (the AST guard of
 * {@code attendee-sql}, the read-only connection) sees it: what fails here goes straight back to
 * the model as a problem to fix. Not the guard: it reads tokens, not a grammar, and only refuses;
 * SQL it lets through is still checked by the engine.
 *
 * <p>Refused: text that does not begin with {@code SELECT} or {@code WITH}; a {@code ;} other
 * than one at the end (stacked statements); comments; characters outside ASCII outside quoted text
 * (look-alikes such as a full-width semicolon); the keywords of statements that write or reach
 * outside ({@code INSERT}, {@code DELETE}, {@code DROP}, {@code ATTACH}, {@code PRAGMA},
 * {@code COPY}, {@code INTO} ...); names of tables and functions outside the attendee data
 * ({@code query_history}, {@code sqlite_*}, {@code pg_*}, {@code information_schema},
 * {@code load_extension} ...), quoted or not; an unterminated quote.
 */
public final class SqlShape {
    /**
     * Words that only statements which write, or reach outside the query, use. Anything but
     * SELECT and WITH at the start is refused already; these are what a single SELECT could still
     * hide: a data-modifying WITH (PostgreSQL), SELECT ... INTO (creates a table), FOR UPDATE.
     */
    private static final Set<String> WRITING = Set.of("insert", "update", "delete", "drop", "alter", "create", "truncate",
            "attach", "detach", "pragma", "copy", "into", "merge", "returning", "grant", "revoke", "vacuum", "execute", "call");
    private static final Set<String> OUTSIDE = Set.of("query_history", "generation_runs", "favorites", "favourites",
            "attendees_schema_version", "information_schema", "load_extension", "readfile", "writefile", "fts3_tokenizer",
            "lo_import", "lo_export", "dblink", "dblink_exec", "current_setting", "set_config");
    private static final List<String> OUTSIDE_PREFIXES = List.of("sqlite_", "pg_", "attendees_fts");

    private SqlShape() {}

    /** The SQL without surrounding blanks and one trailing {@code ;}. */
    public static String trimmed(String sql) {
        String s = sql.strip();
        if (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /**
     * The first thing wrong with {@code sql} as one read-only query over the attendee data, in one
     * line, or {@code null} when this look finds nothing.
     */
    public static String problem(String sql) {
        if (sql == null || sql.isBlank()) {
            return "the SQL is empty";
        }
        String s = trimmed(sql);
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\'') {
                int end = closing(s, i, '\'');
                if (end < 0) {
                    return "a quoted text is not closed";
                }
                i = end + 1;
            } else if (c == '"' || c == '`' || c == '[') {
                int end = closing(s, i, c == '[' ? ']' : c);
                if (end < 0) {
                    return "a quoted name is not closed";
                }
                words.add(s.substring(i + 1, end).replace(c == '[' ? "]]" : String.valueOf(c) + c, "").toLowerCase(Locale.ROOT));
                i = end + 1;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-' || c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                return "comments are not allowed in the SQL";
            } else if (c == ';') {
                return "only one statement may run, and the SQL holds a ';' before its end";
            } else if (c > 0x7e || Character.isISOControl(c) && !Character.isWhitespace(c)) {
                return "the SQL has a character outside ASCII outside quoted text (" + String.format("U+%04X", (int) c) + ")";
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    i++;
                }
                words.add(s.substring(start, i).toLowerCase(Locale.ROOT));
            } else {
                i++;
            }
        }
        if (words.isEmpty() || !(words.get(0).equals("select") || words.get(0).equals("with"))) {
            return "only a SELECT (or WITH ... SELECT) may run, and the SQL begins with '"
                    + Escape.oneLine(words.isEmpty() ? s.substring(0, Math.min(20, s.length())) : words.get(0)).toUpperCase(Locale.ROOT) + "'";
        }
        if (!words.contains("select")) {
            return "a WITH needs its SELECT";
        }
        for (String w : words) {
            if (WRITING.contains(w)) {
                return "only reading is allowed, and the SQL has " + w.toUpperCase(Locale.ROOT);
            }
            if (OUTSIDE.contains(w) || OUTSIDE_PREFIXES.stream().anyMatch(w::startsWith)) {
                return "the SQL may read only attendees, attendee_interests and booth_visits, and it names " + Escape.oneLine(w);
            }
        }
        return null;
    }

    /** Where the quote opened at {@code open} closes (a doubled quote stays inside), or -1. */
    private static int closing(String s, int open, char close) {
        for (int i = open + 1; i < s.length(); i++) {
            if (s.charAt(i) == close) {
                if (i + 1 < s.length() && s.charAt(i + 1) == close) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
