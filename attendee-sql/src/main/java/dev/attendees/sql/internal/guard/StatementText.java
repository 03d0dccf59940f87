package dev.attendees.sql.internal.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement's text read by the lexical rules of the database it goes to, and written again in
 * the few forms that every reader takes alike: comments become a space, SQLite's {@code [name]} and
 * {@code `name`} become {@code "name"}, a final {@code ;} goes. {@link #run()} is the text that
 * runs. {@link #parse()} is the text the parser checks: the same tokens, but for literal values,
 * which the check never looks into and the parser reads slowly (about half a millisecond for each
 * item of an {@code IN} list): a text longer than {@value #SHORT_TEXT} characters is written
 * shorter, a list of literals alone ({@code IN ('a', 'b', ...)}) keeps its first item, and a
 * quoted collation name is written plain ({@code COLLATE "C"} as {@code COLLATE C}), which
 * JSqlParser does not read otherwise. {@link #depth()} is the deepest nesting of parentheses.
 *
 * <p>Because the database runs the very tokens the parser read, with no comments and only plain
 * quotes in it, a difference between how the parser and the database find the end of a comment or
 * a quote cannot hide code from the check. What could still be read two ways is refused here:
 *
 * <ul>
 *   <li>a quote right after a name, number, quote, {@code $} or {@code &} ({@code E'...'},
 *       {@code N'...'}, {@code X'...'}, {@code U&"..."}, Oracle's {@code q'{...}'}); {@code $}
 *       (dollar quotes, parameters), {@code \}, {@code {}, {@code }}, {@code #}, {@code ?} and a
 *       single {@code :} outside quotes; a backtick on PostgreSQL;
 *   <li>any character beyond ASCII outside a quoted text (look-alike and full-width letters,
 *       zero-width characters), control characters, and a NUL anywhere;
 *   <li>quoted names with anything but letters, digits, {@code _} and spaces in them;
 *   <li>unterminated quotes and comments, text after the first {@code ;}, parentheses nested deeper
 *       than {@value #MAX_DEPTH}, and statements longer than {@value #MAX_LENGTH} characters.
 * </ul>
 */
record StatementText(String run, String parse, int depth) {

    /** The longest statement that is checked: {@value} characters. */
    static final int MAX_LENGTH = 100_000;

    /** The deepest nesting of parentheses that is checked: {@value}. */
    static final int MAX_DEPTH = 16;

    /** Texts longer than this reach the parser shortened: {@value} characters. */
    static final int SHORT_TEXT = 64;

    private enum Kind { SPACE, WORD, STRING, NAME, NUMBER, SYMBOL }

    /** A token: its text as it runs, and as the parser reads it. */
    private record Token(Kind kind, String run, String parse) {
        Token(Kind kind, String text) {
            this(kind, text, text);
        }
    }

    static StatementText read(String sql, boolean postgres) {
        if (sql == null || sql.isBlank()) {
            throw SqlGuard.refuse("the statement is empty");
        }
        if (sql.length() > MAX_LENGTH) {
            throw SqlGuard.refuse("the statement is " + sql.length() + " characters long; at most " + MAX_LENGTH
                    + " are checked");
        }
        int[] depth = new int[1];
        List<Token> tokens = tokens(sql, postgres, depth);
        StringBuilder run = new StringBuilder(sql.length());
        StringBuilder parse = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            run.append(t.run());
            int end = literalListEnd(tokens, i);
            if (end > i) {
                // '(' and the first literal for the parser; the rest of the list runs but is not read twice.
                for (int j = i; j <= end; j++) {
                    run.append(j == i ? "" : tokens.get(j).run());
                }
                parse.append('(').append(firstLiteral(tokens, i)).append(')');
                i = end;
                continue;
            }
            parse.append(t.parse());
        }
        String text = run.toString().strip();
        if (text.isEmpty()) {
            throw SqlGuard.refuse("the statement is empty");
        }
        return new StatementText(text, parse.toString().strip(), depth[0]);
    }

    /** The statement's tokens; {@code maxDepth[0]} gets the deepest nesting of parentheses. */
    private static List<Token> tokens(String sql, boolean postgres, int[] maxDepth) {
        List<Token> tokens = new ArrayList<>();
        int n = sql.length();
        int depth = 0;
        int end = -1;
        String lastWord = null;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int comment = commentEnd(sql, i, postgres);
            if (comment > i) {
                tokens.add(new Token(Kind.SPACE, " "));
                i = comment;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                tokens.add(new Token(Kind.SPACE, String.valueOf(c)));
                i++;
                continue;
            }
            if (c == ';') {
                end = end < 0 ? i : end;
                i++;
                continue;
            }
            if (end >= 0) {
                throw SqlGuard.refuse("more than one statement (text after ';' at offset " + end + ")");
            }
            if (c == '\'') {
                refuseAttachedQuote(sql, i);
                int close = stringEnd(sql, i);
                String text = sql.substring(i, close);
                tokens.add(new Token(Kind.STRING, text, text.length() > SHORT_TEXT + 2 ? "'" + "x".repeat(SHORT_TEXT) + "'" : text));
                i = close;
                lastWord = null;
                continue;
            }
            if (c == '"' || !postgres && (c == '[' || c == '`')) {
                refuseAttachedQuote(sql, i);
                char closing = c == '[' ? ']' : c;
                int close = sql.indexOf(closing, i + 1);
                if (close < 0) {
                    throw SqlGuard.refuse("an unterminated quoted name starting at offset " + i);
                }
                String name = sql.substring(i + 1, close);
                if (!name.matches("[A-Za-z0-9_ ]+") || close + 1 < n && sql.charAt(close + 1) == closing) {
                    throw SqlGuard.refuse("the quoted name at offset " + i + " holds other characters than letters, digits,"
                            + " '_' and spaces");
                }
                boolean collation = "COLLATE".equals(lastWord);
                if (collation && !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw SqlGuard.refuse("the collation name \"" + name + "\" at offset " + i);
                }
                tokens.add(new Token(Kind.NAME, '"' + name + '"', collation ? name : '"' + name + '"'));
                i = close + 1;
                lastWord = null;
                continue;
            }
            if (c == 0) {
                throw SqlGuard.refuse("a NUL character at offset " + i);
            }
            if (c > 127) {
                throw SqlGuard.refuse(String.format(Locale.ROOT, "the character U+%04X '%s' at offset %d outside a quoted text"
                        + " (names and keywords are plain ASCII)", (int) c, Character.isISOControl(c) ? "?" : String.valueOf(c), i));
            }
            if (c < 32 || c == 127) {
                throw SqlGuard.refuse(String.format(Locale.ROOT, "the control character U+%04X at offset %d", (int) c, i));
            }
            if ("$\\{}#?`".indexOf(c) >= 0) {
                throw SqlGuard.refuse("'" + c + "' at offset " + i + " outside a quoted text ("
                        + (c == '$' ? "dollar quotes and parameters are" : c == '?' ? "parameters are" : "it is") + " not allowed)");
            }
            if (c == ':') {
                if (postgres && i + 1 < n && sql.charAt(i + 1) == ':') {
                    tokens.add(new Token(Kind.SYMBOL, "::"));
                    i += 2;
                    lastWord = null;
                    continue;
                }
                throw SqlGuard.refuse("':' at offset " + i + " outside a quoted text (parameters are not allowed)");
            }
            if (isNameStart(c)) {
                int j = i + 1;
                while (j < n && isNamePart(sql.charAt(j))) {
                    j++;
                }
                String word = sql.substring(i, j);
                tokens.add(new Token(Kind.WORD, word));
                lastWord = word.toUpperCase(Locale.ROOT);
                i = j;
                continue;
            }
            int number = numberEnd(sql, i);
            if (number > i) {
                tokens.add(new Token(Kind.NUMBER, sql.substring(i, number)));
                i = number;
                lastWord = null;
                continue;
            }
            if (c == '(') {
                depth++;
                if (depth > MAX_DEPTH) {
                    throw SqlGuard.refuse("parentheses nested deeper than " + MAX_DEPTH + " (offset " + i + ")");
                }
                maxDepth[0] = Math.max(maxDepth[0], depth);
            } else if (c == ')') {
                depth--;
            }
            tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
            lastWord = null;
            i++;
        }
        return tokens;
    }

    /**
     * When the token at {@code i} opens a list of two or more literals alone
     * ({@code ( literal , literal ... )}, a literal being a text or a number with an optional sign),
     * the index of its closing parenthesis; otherwise {@code i}.
     */
    private static int literalListEnd(List<Token> tokens, int i) {
        if (!tokens.get(i).run().equals("(")) {
            return i;
        }
        int items = 0;
        int j = next(tokens, i + 1);
        while (j < tokens.size()) {
            int after = literalEnd(tokens, j);
            if (after == j) {
                return i;
            }
            items++;
            j = next(tokens, after);
            if (j >= tokens.size()) {
                return i;
            }
            String s = tokens.get(j).run();
            if (s.equals(")")) {
                return items >= 2 ? j : i;
            }
            if (!s.equals(",")) {
                return i;
            }
            j = next(tokens, j + 1);
        }
        return i;
    }

    /** The index after a literal at {@code j} (a text, or a number after an optional sign), or {@code j}. */
    private static int literalEnd(List<Token> tokens, int j) {
        if (j >= tokens.size()) {
            return j;
        }
        Token t = tokens.get(j);
        if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER) {
            return j + 1;
        }
        if ((t.run().equals("-") || t.run().equals("+")) && j + 1 < tokens.size() && tokens.get(j + 1).kind() == Kind.NUMBER) {
            return j + 2;
        }
        return j;
    }

    private static String firstLiteral(List<Token> tokens, int open) {
        int j = next(tokens, open + 1);
        StringBuilder out = new StringBuilder();
        for (int k = j; k < literalEnd(tokens, j); k++) {
            out.append(tokens.get(k).parse());
        }
        return out.toString();
    }

    /** The first index at or after {@code j} that is not a space. */
    private static int next(List<Token> tokens, int j) {
        while (j < tokens.size() && tokens.get(j).kind() == Kind.SPACE) {
            j++;
        }
        return j;
    }

    /** The index after a plain number at {@code i} ({@code 12}, {@code 1.5}, {@code .5}, {@code 1e-3}), or {@code i}. */
    private static int numberEnd(String sql, int i) {
        int n = sql.length();
        int j = i;
        while (j < n && Character.isDigit(sql.charAt(j))) {
            j++;
        }
        if (j < n && sql.charAt(j) == '.' && (j > i || j + 1 < n && Character.isDigit(sql.charAt(j + 1)))) {
            j++;
            while (j < n && Character.isDigit(sql.charAt(j))) {
                j++;
            }
        }
        if (j == i) {
            return i;
        }
        if (j + 1 < n && (sql.charAt(j) == 'e' || sql.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < n && (sql.charAt(k) == '+' || sql.charAt(k) == '-')) {
                k++;
            }
            if (k < n && Character.isDigit(sql.charAt(k))) {
                while (k < n && Character.isDigit(sql.charAt(k))) {
                    k++;
                }
                j = k;
            }
        }
        return j;
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    /** A quote that a prefix would turn into another kind of text: {@code E'..'}, {@code X'..'}, {@code U&".."}. */
    private static void refuseAttachedQuote(String sql, int i) {
        if (i > 0) {
            char before = sql.charAt(i - 1);
            if (isNamePart(before) || before == '&' || before == '"' || before == '\'' || before == '$') {
                throw SqlGuard.refuse("a quote right after '" + before + "' at offset " + i
                        + " (prefixed texts and names such as E'...', X'...', U&\"...\" are not allowed)");
            }
        }
    }

    /** The index after the {@code '...'} text starting at {@code i}, doubled quotes inside. */
    private static int stringEnd(String sql, int i) {
        int n = sql.length();
        int j = i + 1;
        while (j < n) {
            char d = sql.charAt(j);
            if (d == 0) {
                throw SqlGuard.refuse("a NUL character at offset " + j);
            }
            if (d == '\'') {
                if (j + 1 < n && sql.charAt(j + 1) == '\'') {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        throw SqlGuard.refuse("an unterminated quote starting at offset " + i);
    }

    /**
     * The index after a comment starting at {@code i}, or {@code i}. A line comment ends at a line
     * feed (SQLite) or at a line feed or carriage return (PostgreSQL); PostgreSQL's block comments
     * nest, SQLite's do not.
     */
    private static int commentEnd(String sql, int i, boolean postgres) {
        int n = sql.length();
        char c = sql.charAt(i);
        if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
            int j = i + 2;
            while (j < n && sql.charAt(j) != '\n' && !(postgres && sql.charAt(j) == '\r')) {
                j++;
            }
            return Math.min(n, j + 1);
        }
        if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
            int depth = 1;
            int j = i + 2;
            while (depth > 0) {
                int close = sql.indexOf("*/", j);
                if (close < 0) {
                    throw SqlGuard.refuse("an unterminated comment starting at offset " + i);
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
        return i;
    }
}
