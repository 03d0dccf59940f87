package dev.attendees.query.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question's words into phrases ({@link Span}s) left to right: numbers, clock times and
 * dates first, then the longest known phrase starting at each word, then, for a word nothing matched,
 * the closest known phrase within a few letters (misspellings: "kubernets", "dockr"). What still
 * matches nothing is kept as an unknown phrase, which the interpreter will not account for.
 */
final class Scanner {
    private static final Pattern CLOCK = Pattern.compile("([01]?\\d|2[0-3])[:.]([0-5]\\d)");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("january", 1),
            Map.entry("feb", 2), Map.entry("february", 2), Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4),
            Map.entry("april", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7),
            Map.entry("july", 7), Map.entry("aug", 8), Map.entry("august", 8), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("september", 9), Map.entry("oct", 10), Map.entry("october", 10), Map.entry("nov", 11),
            Map.entry("november", 11), Map.entry("dec", 12), Map.entry("december", 12));

    private Scanner() {}

    static List<Span> scan(List<Token> tokens, Phrases phrases) {
        List<Span> spans = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Span s = special(tokens, i);
            if (s == null) {
                s = exact(tokens, i, phrases);
                // "Goldman Sacks": a misspelt company of several words outranks a shorter exact phrase
                Span company = company(tokens, i, phrases);
                if (company != null && (s == null || company.end > s.end)) {
                    s = company;
                }
            }
            if (s == null) {
                s = fuzzy(tokens, i, phrases);
            }
            if (s == null) {
                Token t = tokens.get(i);
                s = new Span(i, i + 1, t.original(), List.of(), 0);
            }
            spans.add(s);
            i = s.end;
        }
        return spans;
    }

    /** Numbers, clock times and dates. */
    private static Span special(List<Token> tokens, int i) {
        String w = tokens.get(i).lower();
        if (w.equals("(") || w.equals(")") || w.equals("[") || w.equals("]")) {
            return new Span(i, i + 1, w, List.of(Meaning.of(Meaning.Kind.STOP)), 0); // a filler the interpreter may look at
        }
        Matcher m = ISO_DATE.matcher(w);
        if (m.matches()) {
            LocalDate d = date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return d == null ? null : new Span(i, i + 1, w, List.of(Meaning.date(d)), 0);
        }
        m = CLOCK.matcher(w);
        if (m.matches()) {
            return new Span(i, i + 1, w, List.of(Meaning.clock(LocalTime.of(Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2))))), 0);
        }
        m = SLASH_DATE.matcher(w);
        if (m.matches() && !w.contains("ci/cd")) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int year = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            LocalDate d = a <= 12 ? date(year, a, b) : date(year, b, a);
            if (d != null) {
                return new Span(i, i + 1, w, List.of(Meaning.date(d)), 0);
            }
        }
        Integer month = MONTHS.get(w);
        if (month != null && i + 1 < tokens.size() && NUMBER.matcher(tokens.get(i + 1).lower()).matches()) {
            int day = Integer.parseInt(tokens.get(i + 1).lower());
            int end = i + 2;
            if (end < tokens.size() && List.of("st", "nd", "rd", "th").contains(tokens.get(end).lower())) {
                end++;
            }
            int year = 0;
            if (end < tokens.size() && tokens.get(end).lower().matches("\\d{4}")) {
                year = Integer.parseInt(tokens.get(end).lower());
                end++;
            }
            LocalDate d = date(year, month, day);
            if (d != null) {
                return new Span(i, end, text(tokens, i, end), List.of(Meaning.date(d)), 0);
            }
        }
        if (NUMBER.matcher(w).matches()) {
            // "11 november", "11th of november"
            int end = i + 1;
            if (end < tokens.size() && List.of("st", "nd", "rd", "th").contains(tokens.get(end).lower())) {
                end++;
            }
            int of = end < tokens.size() && tokens.get(end).lower().equals("of") ? end + 1 : end;
            if (of < tokens.size() && MONTHS.containsKey(tokens.get(of).lower())) {
                LocalDate d = date(0, MONTHS.get(tokens.get(of).lower()), Integer.parseInt(w));
                if (d != null) {
                    return new Span(i, of + 1, text(tokens, i, of + 1), List.of(Meaning.date(d)), 0);
                }
            }
            return new Span(i, i + 1, w, List.of(Meaning.number(Integer.parseInt(w))), 0);
        }
        return null;
    }

    /** A date; year 0 when none was given (year 0 is a leap year: the interpreter matches it against the stored days). */
    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Span exact(List<Token> tokens, int i, Phrases phrases) {
        int max = Math.min(phrases.longest(), tokens.size() - i);
        for (int n = max; n >= 1; n--) {
            StringBuilder key = new StringBuilder();
            for (int k = i; k < i + n; k++) {
                if (k > i) {
                    key.append(' ');
                }
                key.append(tokens.get(k).stem());
            }
            List<Meaning> meanings = phrases.exact(key.toString());
            if (meanings != null && n == 1 && phrases.falsePlural(tokens.get(i), meanings)) {
                continue; // "boths": a misspelling (of "booths"), not "both"
            }
            if (meanings != null) {
                return new Span(i, i + n, text(tokens, i, i + n), meanings, 0);
            }
        }
        return null;
    }

    private static Span company(List<Token> tokens, int i, Phrases phrases) {
        for (int n = Math.min(4, tokens.size() - i); n >= 2; n--) {
            Phrases.Fuzzy company = phrases.closestCompany(tokens.subList(i, i + n));
            if (company != null) {
                return new Span(i, i + n, text(tokens, i, i + n), company.meanings(), company.corrections());
            }
        }
        return null;
    }

    private static Span fuzzy(List<Token> tokens, int i, Phrases phrases) {
        for (int n = Math.min(3, tokens.size() - i); n >= 1; n--) {
            List<Token> window = tokens.subList(i, i + n);
            if (window.stream().anyMatch(t -> !t.lower().chars().allMatch(Character::isLetter) || t.lower().length() < 3)) {
                continue;
            }
            Phrases.Fuzzy f = phrases.closest(window);
            if (f != null) {
                return new Span(i, i + n, text(tokens, i, i + n), f.meanings(), f.corrections());
            }
        }
        return null;
    }

    private static String text(List<Token> tokens, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from) {
                out.append(' ');
            }
            out.append(tokens.get(k).original());
        }
        return out.toString();
    }
}
