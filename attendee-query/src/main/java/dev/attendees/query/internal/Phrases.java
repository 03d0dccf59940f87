package dev.attendees.query.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.plan.Dimension;
import dev.attendees.plan.Metric;
import dev.attendees.plan.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every phrase the offline translator knows, in matching form ({@link Words#key}), with its
 * meanings: the lexicon's words ({@code lexicon.json}) and the values a store holds. The lexicon's
 * part is read once; a store's part is added per {@link Vocabulary}.
 */
final class Phrases {
    private static final JsonNode LEXICON = read("/dev/attendees/query/lexicon.json");
    private static final Phrases BASE = base();

    /** The longest phrase, in words. */
    private int longest;
    private final Map<String, List<Meaning>> byKey = new HashMap<>();
    /** Phrases that a misspelling may still reach: all but the store's companies and the shortest words. */
    private final Map<Integer, java.util.LinkedHashSet<String>> fuzzyByLength = new HashMap<>();
    /** Each value's words, while the phrases are built (a value is read three times). */
    private Map<String, List<Token>> tokenCache = new HashMap<>();
    private final Set<String> notFuzzy = new java.util.HashSet<>();
    /** One-word phrases as written (lower case), for words of closed classes ("both" is; "boths" is not a form of it). */
    private final Set<String> written = new java.util.HashSet<>();
    /** Kinds of word that take no plural: a word that reaches one only by losing an "s" is a misspelling of something else. */
    private static final Set<Meaning.Kind> CLOSED = java.util.EnumSet.of(Meaning.Kind.STOP, Meaning.Kind.AND, Meaning.Kind.OR,
            Meaning.Kind.ALL_OF, Meaning.Kind.ANY_OF, Meaning.Kind.NEGATION, Meaning.Kind.ONLY, Meaning.Kind.ON,
            Meaning.Kind.TIME_AFTER, Meaning.Kind.TIME_BEFORE, Meaning.Kind.TIME_BETWEEN, Meaning.Kind.TIME_TO,
            Meaning.Kind.CONTRAST, Meaning.Kind.EXACTLY, Meaning.Kind.MORE_THAN, Meaning.Kind.AT_LEAST, Meaning.Kind.AT_MOST,
            Meaning.Kind.LESS_THAN, Meaning.Kind.NONE_OF, Meaning.Kind.ABOUT, Meaning.Kind.THEM, Meaning.Kind.CUE_COMPANY,
            Meaning.Kind.CUE_INDUSTRY, Meaning.Kind.LIMIT, Meaning.Kind.AM, Meaning.Kind.PM, Meaning.Kind.OCLOCK);
    private final Set<String> firstWords = new java.util.HashSet<>();

    private Phrases() {}

    /** The lexicon and the values of {@code vocabulary}. */
    static Phrases of(Vocabulary vocabulary) {
        Phrases p = BASE.copy();
        Set<String> interests = new java.util.HashSet<>(vocabulary.of(Dimension.INTEREST));
        // Synonyms of interests count only where the store holds the interest.
        LEXICON.path("interests").fields().forEachRemaining(e -> {
            if (interests.contains(e.getKey())) {
                e.getValue().forEach(w -> p.add(w.asText(), Meaning.value(Dimension.INTEREST, e.getKey()), true));
            }
        });
        for (Dimension d : new Dimension[] {Dimension.INTEREST, Dimension.BOOTH, Dimension.JOB_TITLE, Dimension.EVENT,
            Dimension.COMPANY}) {
            for (String value : vocabulary.of(d)) {
                p.add(value, Meaning.value(d, value), d != Dimension.COMPANY);
            }
        }
        p.aliases(vocabulary);
        p.tokenCache = null;
        // An event is also known by its first word when that word names no other thing ("KubeCon").
        for (String event : vocabulary.of(Dimension.EVENT)) {
            List<Token> words = Words.tokens(event);
            if (words.size() > 1 && words.get(0).lower().length() > 3 && !p.byKey.containsKey(words.get(0).stem())) {
                p.add(words.get(0).lower(), Meaning.value(Dimension.EVENT, event), false);
            }
        }
        return p;
    }

    /**
     * Short names of the store's values that name nothing else: initials of a name of several
     * capitalised words ("AWS" for Amazon Web Services), a booth's or interest's word that no other
     * value has ("Azure" for Microsoft Azure), a company's first word that begins no other company
     * ("Goldman" for Goldman Sachs). A company of several words is also reached by its first word
     * and a misspelt rest ("Goldman Sacks").
     */
    private void aliases(Vocabulary vocabulary) {
        Map<String, Integer> wordUse = new HashMap<>();
        Map<String, Integer> firstUse = new HashMap<>();
        Map<String, Integer> initialsUse = new HashMap<>();
        List<Dimension> named = List.of(Dimension.BOOTH, Dimension.INTEREST, Dimension.COMPANY);
        for (Dimension d : named) {
            for (String value : vocabulary.of(d)) {
                List<Token> words = tokens(value);
                words.stream().map(Token::stem).distinct().forEach(w -> wordUse.merge(w, 1, Integer::sum));
                if (!words.isEmpty()) {
                    firstUse.merge(words.get(0).stem(), 1, Integer::sum);
                }
                String initials = initials(value);
                if (initials != null) {
                    initialsUse.merge(initials, 1, Integer::sum);
                }
            }
        }
        Map<String, Meaning> found = new LinkedHashMap<>();
        for (Dimension d : named) {
            for (String value : vocabulary.of(d)) {
                List<Token> words = tokens(value);
                if (words.size() < 2) {
                    continue;
                }
                Meaning meaning = Meaning.value(d, value);
                String initials = initials(value);
                if (initials != null && initialsUse.get(initials) == 1) {
                    found.putIfAbsent(initials, meaning);
                }
                if (d == Dimension.COMPANY) {
                    String first = words.get(0).stem();
                    if (first.length() >= 5 && firstUse.get(first) == 1 && wordUse.get(first) == 1) {
                        found.putIfAbsent(first, meaning);
                    }
                    companiesByFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(key(value));
                } else {
                    for (Token w : words) {
                        if (w.stem().length() >= 4 && wordUse.get(w.stem()) == 1 && w.lower().chars().allMatch(Character::isLetter)) {
                            found.putIfAbsent(w.stem(), meaning);
                        }
                    }
                }
            }
        }
        found.forEach((alias, meaning) -> {
            if (!byKey.containsKey(alias) && !BASE.beginsPhrase(alias)) {
                add(alias, meaning, false);
            }
        });
    }

    /** "AWS" for "Amazon Web Services": the initials of two to five capitalised words, lower case; else null. */
    private static String initials(String value) {
        StringBuilder out = new StringBuilder();
        boolean start = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                start = true;
            } else if (!Character.isLetter(c) || start && !Character.isUpperCase(c)) {
                return null;
            } else if (start) {
                out.append(Character.toLowerCase(c));
                start = false;
            }
        }
        return out.length() < 2 || out.length() > 5 ? null : out.toString();
    }

    /** Companies of several words by their first word (matching form), for misspelt company names. */
    private final Map<String, List<String>> companiesByFirstWord = new HashMap<>();

    /**
     * The company of {@code words.size()} words whose first word is {@code words}' first and whose
     * other words are each within their tolerance; {@code null} when none or several are.
     */
    Fuzzy closestCompany(List<Token> words) {
        if (words.size() < 2) {
            return null;
        }
        String found = null;
        int cost = 0;
        for (String candidate : companiesByFirstWord.getOrDefault(words.get(0).stem(), List.of())) {
            String[] parts = candidate.split(" ");
            if (parts.length != words.size()) {
                continue;
            }
            int c = 0;
            for (int i = 1; i < parts.length && c >= 0; i++) {
                String w = words.get(i).stem();
                int max = Words.tolerance(Math.min(w.length(), parts[i].length()));
                int d = w.equals(parts[i]) ? 0 : Words.distance(w, parts[i], max);
                c = d > max ? -1 : c + d;
            }
            if (c > 0) {
                if (found != null) {
                    return null;
                }
                found = candidate;
                cost = c;
            }
        }
        return found == null ? null : new Fuzzy(found, byKey.get(found), cost);
    }

    private static Phrases base() {
        Phrases p = new Phrases();
        list(p, "attendees", Meaning.of(Meaning.Kind.ATTENDEE));
        list(p, "stopwords", Meaning.of(Meaning.Kind.STOP));
        list(p, "count", Meaning.of(Meaning.Kind.COUNT));
        list(p, "share", Meaning.of(Meaning.Kind.SHARE));
        list(p, "average", Meaning.of(Meaning.Kind.AVERAGE));
        list(p, "minimum", Meaning.of(Meaning.Kind.MINIMUM));
        list(p, "maximum", Meaning.of(Meaning.Kind.MAXIMUM));
        list(p, "list", Meaning.of(Meaning.Kind.LIST));
        list(p, "most", Meaning.of(Meaning.Kind.MOST));
        list(p, "least", Meaning.of(Meaning.Kind.LEAST));
        list(p, "breakdown", Meaning.of(Meaning.Kind.BREAKDOWN));
        list(p, "compare", Meaning.of(Meaning.Kind.COMPARE));
        list(p, "report", Meaning.of(Meaning.Kind.REPORT));
        list(p, "limit", Meaning.of(Meaning.Kind.LIMIT));
        list(p, "write_verbs", Meaning.of(Meaning.Kind.WRITE));
        list(p, "injection", Meaning.of(Meaning.Kind.INJECTION));
        list(p, "contrast", Meaning.of(Meaning.Kind.CONTRAST));
        LEXICON.path("dimensions").fields().forEachRemaining(e ->
                e.getValue().forEach(w -> p.add(w.asText(), Meaning.dimension(Dimension.fromId(e.getKey())), true)));
        LEXICON.path("metrics").fields().forEachRemaining(e ->
                e.getValue().forEach(w -> p.add(w.asText(), Meaning.metric(Metric.fromId(e.getKey())), true)));
        Map<String, Meaning.Kind> cues = Map.ofEntries(Map.entry("interest", Meaning.Kind.CUE_INTEREST),
                Map.entry("booth", Meaning.Kind.CUE_BOOTH), Map.entry("company", Meaning.Kind.CUE_COMPANY),
                Map.entry("industry", Meaning.Kind.CUE_INDUSTRY), Map.entry("title", Meaning.Kind.CUE_TITLE),
                Map.entry("negation", Meaning.Kind.NEGATION), Map.entry("and", Meaning.Kind.AND),
                Map.entry("or", Meaning.Kind.OR), Map.entry("only", Meaning.Kind.ONLY),
                Map.entry("all_of", Meaning.Kind.ALL_OF), Map.entry("any_of", Meaning.Kind.ANY_OF),
                Map.entry("followup_them", Meaning.Kind.THEM), Map.entry("followup_about", Meaning.Kind.ABOUT));
        cues.forEach((name, kind) -> LEXICON.path("cues").path(name).forEach(w -> p.add(w.asText(), Meaning.of(kind), true)));
        JsonNode time = LEXICON.path("time");
        time.path("after").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.TIME_AFTER), true));
        time.path("before").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.TIME_BEFORE), true));
        time.path("between").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.TIME_BETWEEN), true));
        time.path("and").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.TIME_TO), false));
        time.path("am").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.AM), false));
        time.path("pm").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.PM), false));
        time.path("oclock").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.OCLOCK), false));
        time.path("on").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.ON), false));
        time.path("periods").fields().forEachRemaining(e -> p.add(e.getKey(),
                Meaning.period(clock(e.getValue().get(0)), clock(e.getValue().get(1))), true));
        time.path("clock").fields().forEachRemaining(e -> p.add(e.getKey(), Meaning.clock(LocalTime.parse(e.getValue().asText())), false));
        time.path("days").fields().forEachRemaining(e -> p.add(e.getKey(), Meaning.eventDay(e.getValue().asInt()), true));
        Map<String, Meaning.Kind> counts = Map.of("more_than", Meaning.Kind.MORE_THAN, "at_least", Meaning.Kind.AT_LEAST,
                "at_most", Meaning.Kind.AT_MOST, "less_than", Meaning.Kind.LESS_THAN, "exactly", Meaning.Kind.EXACTLY,
                "none", Meaning.Kind.NONE_OF);
        counts.forEach((name, kind) -> LEXICON.path("counts").path(name).forEach(w -> p.add(w.asText(), Meaning.of(kind), true)));
        LEXICON.path("numbers").fields().forEachRemaining(e -> p.add(e.getKey(), Meaning.number(e.getValue().asInt()), false));
        JsonNode email = LEXICON.path("email");
        email.path("gmail").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.EMAIL_GMAIL), true));
        email.path("personal").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.EMAIL_PERSONAL), true));
        email.path("corporate").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.EMAIL_CORPORATE), true));
        email.path("words").forEach(w -> p.add(w.asText(), Meaning.of(Meaning.Kind.EMAIL_WORD), false));
        for (Industry industry : Industry.values()) {
            p.add(industry.label(), Meaning.value(Dimension.INDUSTRY, industry.label()), true);
        }
        LEXICON.path("industries").fields().forEachRemaining(e ->
                e.getValue().forEach(w -> p.add(w.asText(), Meaning.value(Dimension.INDUSTRY, e.getKey()), true)));
        for (CompanySize size : CompanySize.values()) {
            p.add(size.label(), Meaning.value(Dimension.COMPANY_SIZE, size.label()), true);
        }
        LEXICON.path("sizes").fields().forEachRemaining(e ->
                e.getValue().forEach(w -> p.add(w.asText(), Meaning.value(Dimension.COMPANY_SIZE, e.getKey()), true)));
        JsonNode titleWords = LEXICON.path("title_words");
        LEXICON.path("titles").fields().forEachRemaining(e -> {
            List<String> words = new ArrayList<>();
            JsonNode given = titleWords.path(e.getKey());
            if (given.isArray()) {
                given.forEach(w -> words.add(w.asText()));
            } else {
                words.add(e.getKey());
            }
            e.getValue().forEach(w -> p.add(w.asText(), Meaning.title(words), true));
        });
        LEXICON.path("out_of_scope").fields().forEachRemaining(e ->
                e.getValue().forEach(w -> p.add(w.asText(), Meaning.outOfScope(e.getKey()), true)));
        p.tokenCache = null;
        return p;
    }

    private static void list(Phrases p, String name, Meaning meaning) {
        LEXICON.path(name).forEach(w -> p.add(w.asText(), meaning, true));
    }

    private static LocalTime clock(JsonNode node) {
        return node == null || node.isNull() ? null : LocalTime.parse(node.asText());
    }

    private Phrases copy() {
        Phrases p = new Phrases();
        p.longest = longest;
        byKey.forEach((k, v) -> p.byKey.put(k, new ArrayList<>(v)));
        fuzzyByLength.forEach((k, v) -> p.fuzzyByLength.put(k, new java.util.LinkedHashSet<>(v)));
        p.notFuzzy.addAll(notFuzzy);
        p.written.addAll(written);
        p.firstWords.addAll(firstWords);
        p.companiesByFirstWord.putAll(companiesByFirstWord);
        return p;
    }

    private List<Token> tokens(String value) {
        return tokenCache == null ? Words.tokens(value) : tokenCache.computeIfAbsent(value, Words::tokens);
    }

    private String key(String phrase) {
        StringBuilder out = new StringBuilder();
        for (Token t : tokens(phrase)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(t.stem());
        }
        return out.toString();
    }

    private void add(String phrase, Meaning meaning, boolean fuzzy) {
        String key = key(phrase);
        if (key.isEmpty()) {
            return;
        }
        List<Meaning> meanings = byKey.computeIfAbsent(key, k -> new ArrayList<>());
        if (!meanings.contains(meaning)) {
            meanings.add(meaning);
        }
        String[] split = key.split(" ");
        int words = split.length;
        if (words == 1) {
            written.add(tokens(phrase).get(0).lower());
        }
        firstWords.add(split[0]);
        longest = Math.max(longest, words);
        if (fuzzy && key.replace(" ", "").length() >= 4) {
            fuzzyByLength.computeIfAbsent(words, n -> new java.util.LinkedHashSet<>()).add(key);
        } else if (!fuzzy) {
            notFuzzy.add(key);
        }
    }

    /** Whether some known phrase begins with this word (in matching form). */
    boolean beginsPhrase(String stem) {
        return firstWords.contains(stem);
    }

    int longest() {
        return longest;
    }

    /**
     * Whether a word reaches a one-word phrase only by a plural ending the phrase never has, and the
     * phrase is of a closed class ("boths" is not a form of "both"; "booths" is one of "booth").
     */
    boolean falsePlural(Token word, List<Meaning> meanings) {
        return !word.lower().equals(word.stem()) && !written.contains(word.lower())
                && meanings.stream().allMatch(m -> CLOSED.contains(m.kind()));
    }

    /** The meanings of a phrase in matching form, or {@code null}. */
    List<Meaning> exact(String key) {
        return byKey.get(key);
    }

    /**
     * The known phrase of {@code words.size()} words closest to {@code words} within the words'
     * tolerance ({@link Words#tolerance}), with the number of corrections; {@code null} when none is
     * close enough or two are equally close.
     */
    Fuzzy closest(List<Token> words) {
        java.util.Collection<String> candidates = fuzzyByLength.getOrDefault(words.size(), new java.util.LinkedHashSet<>());
        String best = null;
        int bestCost = Integer.MAX_VALUE;
        boolean bestIsFiller = true;
        // the phrases of meaning as close as the best, in the order they were added
        List<String> tied = new ArrayList<>();
        for (String candidate : candidates) {
            String[] parts = candidate.split(" ");
            int cost = 0;
            for (int i = 0; i < parts.length && cost < Integer.MAX_VALUE; i++) {
                String w = words.get(i).stem();
                int max = Words.tolerance(Math.min(w.length(), parts[i].length()));
                int d = w.equals(parts[i]) ? 0 : Words.distance(w, parts[i], max);
                cost = d > max ? Integer.MAX_VALUE : cost + d;
            }
            if (cost == Integer.MAX_VALUE || cost == 0) {
                continue;
            }
            // Equally close: a phrase that means something beats a filler ("attendes": attendee, not attended).
            boolean filler = byKey.get(candidate).stream().allMatch(m -> m.kind() == Meaning.Kind.STOP);
            if (cost < bestCost || cost == bestCost && bestIsFiller && !filler) {
                best = candidate;
                bestCost = cost;
                bestIsFiller = filler;
                tied.clear();
                if (!filler) {
                    tied.add(candidate);
                }
            } else if (cost == bestCost && !filler) {
                tied.add(candidate);
            }
        }
        if (best == null) {
            return null;
        }
        if (tied.stream().map(byKey::get).distinct().count() > 1) {
            // Equally close phrases of different meanings: a misspelling seldom changes the first letter
            // ("visted": visited, not listed); if that does not settle it, the word stays unknown.
            char first = words.get(0).stem().charAt(0);
            List<String> same = tied.stream().filter(c -> c.charAt(0) == first).toList();
            if (same.isEmpty() || same.stream().map(byKey::get).distinct().count() > 1) {
                return null;
            }
            best = same.get(0);
        }
        return new Fuzzy(best, byKey.get(best), bestCost);
    }

    /** A misspelt phrase's match. */
    record Fuzzy(String key, List<Meaning> meanings, int corrections) {}

    /** The lexicon's list of words under {@code name} (for the interpreter's own word sets). */
    static List<String> words(String path) {
        JsonNode node = LEXICON;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        List<String> out = new ArrayList<>();
        node.forEach(w -> out.add(w.asText()));
        return out;
    }

    /** The lexicon's map of a section, name to words. */
    static Map<String, List<String>> section(String name) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        LEXICON.path(name).fields().forEachRemaining(e -> {
            List<String> words = new ArrayList<>();
            e.getValue().forEach(w -> words.add(w.asText().toLowerCase(Locale.ROOT)));
            out.put(e.getKey(), words);
        });
        return out;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Phrases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing from the jar: " + resource);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
