package dev.attendees.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * First and last names of one Datafaker name resource, read once from Datafaker's locale YAML into
 * arrays (never through its expression engine per record), each with its ASCII e-mail form.
 * Names are deduplicated by that ASCII form, so that distinct (first, last) index pairs always give
 * distinct e-mail local parts; gender is balanced where the data is split by gender.
 */
public final class NameTables {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, NameTables> CACHE = new ConcurrentHashMap<>();

    /** The Datafaker resource, for messages and derived copies. */
    private final String resource;
    final String[] firstDisplay;
    final String[] firstAscii;
    final boolean[] firstFemale;
    final String[] lastDisplayMale;
    final String[] lastDisplayFemale;
    final String[] lastAsciiMale;
    final String[] lastAsciiFemale;
    /** Indices of first names by eligible initial letter. */
    final int[][] initialGroups;

    private NameTables(String resource, List<String[]> firsts, List<Boolean> female, List<String[]> lastsMale,
            List<String[]> lastsFemale) {
        this.resource = resource;
        int f = firsts.size();
        firstDisplay = new String[f];
        firstAscii = new String[f];
        firstFemale = new boolean[f];
        for (int i = 0; i < f; i++) {
            firstDisplay[i] = firsts.get(i)[0];
            firstAscii[i] = firsts.get(i)[1];
            firstFemale[i] = female.get(i);
        }
        int l = lastsMale.size();
        lastDisplayMale = new String[l];
        lastDisplayFemale = new String[l];
        lastAsciiMale = new String[l];
        lastAsciiFemale = new String[l];
        for (int i = 0; i < l; i++) {
            lastDisplayMale[i] = lastsMale.get(i)[0];
            lastAsciiMale[i] = lastsMale.get(i)[1];
            lastDisplayFemale[i] = lastsFemale.get(i)[0];
            lastAsciiFemale[i] = lastsFemale.get(i)[1];
        }
        if (f == 0 || l == 0) {
            throw new IllegalStateException(resource + ": no usable names");
        }
        initialGroups = groupByInitial(firstAscii);
    }

    /** The number of distinct first names. */
    public int firstCount() {
        return firstDisplay.length;
    }

    /** The number of distinct last names. */
    public int lastCount() {
        return lastDisplayMale.length;
    }

    String lastDisplay(int last, boolean female) {
        return female ? lastDisplayFemale[last] : lastDisplayMale[last];
    }

    String lastAscii(int last, boolean female) {
        return female ? lastAsciiFemale[last] : lastAsciiMale[last];
    }

    /** The tables of a Datafaker name resource, read once and cached. */
    static NameTables load(String resource, String root, String romajiResource) {
        return CACHE.computeIfAbsent(resource, r -> read(r, root, romajiResource));
    }

    /** A copy without the last names whose ASCII forms are in {@code taken} (for mixed-locale crowds). */
    NameTables withoutLastNames(Set<String> taken) {
        List<String[]> firsts = new ArrayList<>();
        List<Boolean> female = new ArrayList<>();
        for (int i = 0; i < firstDisplay.length; i++) {
            firsts.add(new String[] {firstDisplay[i], firstAscii[i]});
            female.add(firstFemale[i]);
        }
        List<String[]> male = new ArrayList<>();
        List<String[]> fem = new ArrayList<>();
        for (int i = 0; i < lastDisplayMale.length; i++) {
            if (!taken.contains(lastAsciiMale[i]) && !taken.contains(lastAsciiFemale[i])) {
                male.add(new String[] {lastDisplayMale[i], lastAsciiMale[i]});
                fem.add(new String[] {lastDisplayFemale[i], lastAsciiFemale[i]});
            }
        }
        return new NameTables(resource, firsts, female, male, fem);
    }

    /** Every ASCII first-name form. */
    Set<String> firstAsciiForms() {
        return new HashSet<>(List.of(firstAscii));
    }

    /** Every ASCII last-name form of these tables. */
    Set<String> lastAsciiForms() {
        Set<String> forms = new HashSet<>(List.of(lastAsciiMale));
        forms.addAll(List.of(lastAsciiFemale));
        return forms;
    }

    private static NameTables read(String resource, String root, String romajiResource) {
        JsonNode names = readYaml(resource).path(root).path("faker").path("name");
        if (names.isMissingNode()) {
            throw new IllegalStateException("no names under " + root + ".faker.name in Datafaker's " + resource);
        }
        String language = root.contains("-") ? root.substring(0, root.indexOf('-')) : root;
        Map<String, String> firstRomaji = Map.of();
        Map<String, String> lastRomaji = Map.of();
        if (romajiResource != null) {
            JsonNode romaji = readJson("/dev/attendees/names/" + romajiResource);
            firstRomaji = toMap(romaji.path("first_name"));
            lastRomaji = toMap(romaji.path("last_name"));
        }
        List<String> male = list(names, "male_first_name");
        List<String> femaleNames = list(names, "female_first_name");
        List<String[]> firsts = new ArrayList<>();
        List<Boolean> female = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (!male.isEmpty() && !femaleNames.isEmpty()) {
            int n = Math.min(male.size(), femaleNames.size());
            List<String> m = spread(male, n);
            List<String> w = spread(femaleNames, n);
            for (int i = 0; i < n; i++) {
                addName(firsts, female, seen, m.get(i), false, language, firstRomaji);
                addName(firsts, female, seen, w.get(i), true, language, firstRomaji);
            }
        } else {
            for (String name : list(names, "first_name")) {
                addName(firsts, female, seen, name, false, language, firstRomaji);
            }
        }
        List<String> maleLast = list(names, "male_last_name");
        List<String> femaleLast = list(names, "female_last_name");
        boolean gendered = !maleLast.isEmpty() && maleLast.size() == femaleLast.size();
        if (!gendered) {
            maleLast = list(names, "last_name");
            femaleLast = maleLast;
        }
        List<String[]> lastsMale = new ArrayList<>();
        List<String[]> lastsFemale = new ArrayList<>();
        Set<String> seenMale = new HashSet<>();
        Set<String> seenFemale = new HashSet<>();
        for (int i = 0; i < maleLast.size(); i++) {
            String dm = maleLast.get(i).strip();
            String df = femaleLast.get(i).strip();
            if (dm.matches(".*\\p{IsHan}.*")) {
                dm = dm.replaceAll("\\s+", "");
                df = df.replaceAll("\\s+", "");
            }
            String am = ascii(dm, language, lastRomaji);
            String af = ascii(df, language, lastRomaji);
            if (am.length() < 2 || af.length() < 2 || seenMale.contains(am) || seenFemale.contains(af)) {
                continue;
            }
            seenMale.add(am);
            seenFemale.add(af);
            lastsMale.add(new String[] {dm, am});
            lastsFemale.add(new String[] {df, af});
        }
        return new NameTables(resource, firsts, female, lastsMale, lastsFemale);
    }

    private static void addName(List<String[]> firsts, List<Boolean> female, Set<String> seen, String name,
            boolean isFemale, String language, Map<String, String> romaji) {
        String ascii = ascii(name.strip(), language, romaji);
        // Datafaker's data has the odd stray space inside a CJK name ("未 来").
        String display = name.strip().matches(".*\\p{IsHan}.*") ? name.replaceAll("\\s+", "") : name.strip();
        if (ascii.length() >= 2 && seen.add(ascii)) {
            firsts.add(new String[] {display, ascii});
            female.add(isFemale);
        }
    }

    private static String ascii(String display, String language, Map<String, String> romaji) {
        if (!romaji.isEmpty()) {
            String r = romaji.get(display);
            return r == null ? "" : Romanizer.ascii(r, language);
        }
        return Romanizer.ascii(display, language);
    }

    /** {@code n} items spread evenly over {@code list}, keeping its order. */
    private static List<String> spread(List<String> list, int n) {
        if (list.size() == n) {
            return list;
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(list.get((int) ((long) i * list.size() / n)));
        }
        return out;
    }

    private static List<String> list(JsonNode names, String key) {
        return list(names, key, 0);
    }

    private static List<String> list(JsonNode names, String key, int depth) {
        JsonNode node = names.path(key);
        List<String> out = new ArrayList<>();
        if (!node.isArray() || depth > 3) {
            return out;
        }
        for (JsonNode item : node) {
            String text = item.asText();
            if (text.startsWith("#{") && text.endsWith("}")) {
                String ref = text.substring(2, text.length() - 1);
                out.addAll(list(names, ref.contains(".") ? ref.substring(ref.lastIndexOf('.') + 1) : ref, depth + 1));
            } else if (!text.contains("#{")) {
                out.add(text);
            }
        }
        return out;
    }

    private static int[][] groupByInitial(String[] ascii) {
        Map<Character, List<Integer>> byInitial = new LinkedHashMap<>();
        for (char c = 'a'; c <= 'z'; c++) {
            byInitial.put(c, new ArrayList<>());
        }
        for (int i = 0; i < ascii.length; i++) {
            byInitial.get(ascii[i].charAt(0)).add(i);
        }
        int min = Math.max(1, ascii.length / 50);
        List<int[]> groups = new ArrayList<>();
        for (List<Integer> group : byInitial.values()) {
            if (group.size() >= min) {
                groups.add(group.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return groups.toArray(new int[0][]);
    }

    /**
     * The (first * lastCount + last) pairs of this table whose plain concatenation
     * ({@code firstlast}) another split could also spell, with the first part from
     * {@code allFirsts} and the second from {@code allLasts} (the whole crowd's forms).
     */
    Set<Long> ambiguousConcatenations(Set<String> allFirsts, Set<String> allLasts) {
        Map<String, List<Integer>> myLasts = new HashMap<>();
        for (int i = 0; i < lastAsciiMale.length; i++) {
            myLasts.computeIfAbsent(lastAsciiMale[i], k -> new ArrayList<>()).add(i);
            if (!lastAsciiFemale[i].equals(lastAsciiMale[i])) {
                myLasts.computeIfAbsent(lastAsciiFemale[i], k -> new ArrayList<>()).add(i);
            }
        }
        java.util.NavigableSet<String> sortedAll = new java.util.TreeSet<>(allLasts);
        java.util.NavigableSet<String> sortedMine = new java.util.TreeSet<>(myLasts.keySet());
        Map<String, Integer> myFirsts = new HashMap<>();
        for (int i = 0; i < firstAscii.length; i++) {
            myFirsts.put(firstAscii[i], i);
        }
        Set<Long> ambiguous = new HashSet<>();
        long lastCount = lastAsciiMale.length;
        // (a) f = p + rest with p another first name: f + l == p + (rest + l) when rest + l is a last name.
        for (int q = 0; q < firstAscii.length; q++) {
            String f = firstAscii[q];
            for (int cut = 1; cut < f.length(); cut++) {
                if (!allFirsts.contains(f.substring(0, cut))) {
                    continue;
                }
                String rest = f.substring(cut);
                for (String longer : sortedAll.subSet(rest, true, rest + Character.MAX_VALUE, false)) {
                    List<Integer> mine = myLasts.get(longer.substring(rest.length()));
                    if (mine != null) {
                        for (int x : mine) {
                            ambiguous.add(q * lastCount + x);
                        }
                    }
                }
            }
        }
        // (b) another first name g = f + rest: f + l == g + l' when l = rest + l' and l' is a last name.
        for (String g : allFirsts) {
            for (int cut = 1; cut < g.length(); cut++) {
                Integer q = myFirsts.get(g.substring(0, cut));
                if (q == null) {
                    continue;
                }
                String rest = g.substring(cut);
                for (String l : sortedMine.subSet(rest, true, rest + Character.MAX_VALUE, false)) {
                    if (l.length() > rest.length() && allLasts.contains(l.substring(rest.length()))) {
                        for (int x : myLasts.get(l)) {
                            ambiguous.add(q * lastCount + x);
                        }
                    }
                }
            }
        }
        return ambiguous;
    }

    private static JsonNode readYaml(String resource) {
        try (InputStream in = net.datafaker.Faker.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Datafaker resource not found: " + resource);
            }
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Datafaker's " + resource, e);
        }
    }

    static JsonNode readJson(String resource) {
        try (InputStream in = NameTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource not found: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static Map<String, String> toMap(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
