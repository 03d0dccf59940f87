package dev.attendees.query.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splitting text into words and bringing words to the form they are matched in. */
final class Words {
    /**
     * A word: letters and digits, joined inside by {@code / & . : ' + -} ({@code ci/cd}, {@code 9:30},
     * {@code e-commerce}, {@code o'brien}, {@code c++}), a number with a unit glued on ({@code 3pm}
     * splits later), or a lone {@code %}.
     */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[/&.:'’+\\-@][\\p{L}\\p{N}]+)*\\+*|%|&");
    /** A word, or a bracket of a question ("smaller companies (startups and SMBs)"). */
    private static final Pattern WORD_OR_BRACKET = Pattern.compile(WORD.pattern() + "|[()\\[\\]]");
    private static final Pattern NUMBER_UNIT = Pattern.compile("(\\d+(?::\\d{2})?)(am|pm|a\\.m\\.?|p\\.m\\.?|h|st|nd|rd|th)");

    private Words() {}

    /** The words of a phrase or a stored value (brackets are passed over). */
    static List<Token> tokens(String text) {
        return tokens(text, false);
    }

    /**
     * The words of a question; with {@code brackets}, each round or square bracket is a word of its
     * own, so that a parenthesis restating what was just said can be recognised.
     */
    static List<Token> tokens(String text, boolean brackets) {
        String clean = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('’', '\'').replace('‘', '\'')
                .replace('“', '"').replace('”', '"').replace('–', '-').replace('—', '-');
        List<Token> out = new ArrayList<>();
        Matcher m = (brackets ? WORD_OR_BRACKET : WORD).matcher(clean);
        while (m.find()) {
            String original = m.group();
            String lower = original.toLowerCase(Locale.ROOT);
            if (lower.endsWith("'s") && lower.length() > 2) {
                add(out, original.substring(0, original.length() - 2), lower.substring(0, lower.length() - 2));
                add(out, "'s", "'s");
                continue;
            }
            Matcher unit = NUMBER_UNIT.matcher(lower);
            if (unit.matches()) {
                add(out, unit.group(1), unit.group(1));
                add(out, unit.group(2), unit.group(2));
                continue;
            }
            add(out, original, lower);
        }
        return out;
    }

    /**
     * The words again, with each hyphenated word that {@code known} does not know split at its
     * hyphens ("telehealth-interested" → "telehealth", "interested"; "e-mail" stays).
     */
    static List<Token> splitHyphens(List<Token> tokens, java.util.function.Predicate<String> known) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.lower().indexOf('-') <= 0 || known.test(t.stem())) {
                add(out, t.original(), t.lower());
                continue;
            }
            String[] originals = t.original().split("-");
            for (String part : originals) {
                if (!part.isEmpty()) {
                    add(out, part, part.toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static void add(List<Token> out, String original, String lower) {
        out.add(new Token(original, lower, stem(lower), out.size()));
    }

    /**
     * The matching form of a lower-case word: plural endings taken off ({@code companies} →
     * {@code company}, {@code booths} → {@code booth}, {@code classes} → {@code class}); words of
     * three letters or fewer, and words ending in {@code ss}, {@code us}, {@code is}, stay.
     */
    static String stem(String word) {
        if (word.length() <= 3 || !word.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("shes") || word.endsWith("ches") || word.endsWith("xes")
                || word.endsWith("zes")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")
                && !word.endsWith("'s")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /** A phrase in matching form: its words stemmed, joined by single spaces. */
    static String key(String phrase) {
        StringBuilder out = new StringBuilder();
        for (Token t : tokens(phrase)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(t.stem());
        }
        return out.toString();
    }

    /** Edit distance (insertions, deletions, substitutions, transpositions of neighbours), capped at {@code max + 1}. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[a.length()][b.length()];
    }

    /** How many edits a word of this length may be off and still be recognised: 0 up to 3 letters, 1 up to 7, else 2. */
    static int tolerance(int length) {
        return length <= 3 ? 0 : length <= 7 ? 1 : 2;
    }
}
