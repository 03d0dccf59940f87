package dev.attendees.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
 * First and last names of one Datafaker name resource, each with its ASCII e-mail form. Names are
 * deduplicated by that ASCII form, so that distinct (first, last) index pairs always give distinct
 * e-mail local parts; gender is balanced where the data is split by gender. The build reads
 * Datafaker's locale YAML into these tables once ({@link DatafakerNames}) and compiles them into the
 * class path ({@link TableCompiler}); a run reads only the compiled tables of the locales it uses.
 */
public final class NameTables {
    private static final Map<String, NameTables> CACHE = new ConcurrentHashMap<>();

    /** The Datafaker resource, for messages. */
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

    private NameTables(String resource, String[] firstDisplay, String[] firstAscii, boolean[] firstFemale,
            String[] lastDisplayMale, String[] lastDisplayFemale, String[] lastAsciiMale, String[] lastAsciiFemale) {
        if (firstDisplay.length == 0 || lastDisplayMale.length == 0) {
            throw new IllegalStateException(resource + ": no usable names");
        }
        this.resource = resource;
        this.firstDisplay = firstDisplay;
        this.firstAscii = firstAscii;
        this.firstFemale = firstFemale;
        this.lastDisplayMale = lastDisplayMale;
        this.lastDisplayFemale = lastDisplayFemale;
        this.lastAsciiMale = lastAsciiMale;
        this.lastAsciiFemale = lastAsciiFemale;
        initialGroups = groupByInitial(firstAscii);
    }

    /**
     * Tables of (display, ASCII) pairs: first names with their gender, last names as a man's and
     * a woman's form (the same where the language does not inflect them).
     */
    static NameTables of(String resource, List<String[]> firsts, List<Boolean> female, List<String[]> lastsMale,
            List<String[]> lastsFemale) {
        int f = firsts.size();
        String[] firstDisplay = new String[f];
        String[] firstAscii = new String[f];
        boolean[] firstFemale = new boolean[f];
        for (int i = 0; i < f; i++) {
            firstDisplay[i] = firsts.get(i)[0];
            firstAscii[i] = firsts.get(i)[1];
            firstFemale[i] = female.get(i);
        }
        int l = lastsMale.size();
        String[] lastDisplayMale = new String[l];
        String[] lastDisplayFemale = new String[l];
        String[] lastAsciiMale = new String[l];
        String[] lastAsciiFemale = new String[l];
        for (int i = 0; i < l; i++) {
            lastDisplayMale[i] = lastsMale.get(i)[0];
            lastAsciiMale[i] = lastsMale.get(i)[1];
            lastDisplayFemale[i] = lastsFemale.get(i)[0];
            lastAsciiFemale[i] = lastsFemale.get(i)[1];
        }
        return new NameTables(resource, firstDisplay, firstAscii, firstFemale, lastDisplayMale, lastDisplayFemale,
                lastAsciiMale, lastAsciiFemale);
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

    /** The compiled tables {@code key} ({@code names/KEY}), read once and cached. */
    static NameTables load(String key) {
        NameTables tables = CACHE.get(key);
        if (tables == null) {
            // Two threads may both read them; the first one kept serves both.
            NameTables read = read(key);
            tables = CACHE.putIfAbsent(key, read);
            return tables != null ? tables : read;
        }
        return tables;
    }

    private static NameTables read(String key) {
        try (DataInputStream in = TableFile.open(file(key))) {
            String resource = in.readUTF();
            int f = in.readInt();
            String[] firstDisplay = new String[f];
            String[] firstAscii = new String[f];
            boolean[] firstFemale = new boolean[f];
            for (int i = 0; i < f; i++) {
                firstDisplay[i] = in.readUTF();
                firstAscii[i] = in.readUTF();
                firstFemale[i] = in.readBoolean();
            }
            boolean gendered = in.readBoolean();
            int l = in.readInt();
            String[] lastDisplayMale = new String[l];
            String[] lastAsciiMale = new String[l];
            String[] lastDisplayFemale = gendered ? new String[l] : lastDisplayMale;
            String[] lastAsciiFemale = gendered ? new String[l] : lastAsciiMale;
            for (int i = 0; i < l; i++) {
                lastDisplayMale[i] = in.readUTF();
                lastAsciiMale[i] = in.readUTF();
                if (gendered) {
                    lastDisplayFemale[i] = in.readUTF();
                    lastAsciiFemale[i] = in.readUTF();
                }
            }
            return new NameTables(resource, firstDisplay, firstAscii, firstFemale, lastDisplayMale, lastDisplayFemale,
                    lastAsciiMale, lastAsciiFemale);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled name table " + key, e);
        }
    }

    /** Writes these tables as {@code names/KEY} under the class-path folder {@code root} (build time). */
    void write(java.nio.file.Path root, String key) throws IOException {
        boolean gendered = !java.util.Arrays.equals(lastDisplayMale, lastDisplayFemale)
                || !java.util.Arrays.equals(lastAsciiMale, lastAsciiFemale);
        try (DataOutputStream out = TableFile.create(root, file(key))) {
            out.writeUTF(resource);
            out.writeInt(firstDisplay.length);
            for (int i = 0; i < firstDisplay.length; i++) {
                out.writeUTF(firstDisplay[i]);
                out.writeUTF(firstAscii[i]);
                out.writeBoolean(firstFemale[i]);
            }
            out.writeBoolean(gendered);
            out.writeInt(lastDisplayMale.length);
            for (int i = 0; i < lastDisplayMale.length; i++) {
                out.writeUTF(lastDisplayMale[i]);
                out.writeUTF(lastAsciiMale[i]);
                if (gendered) {
                    out.writeUTF(lastDisplayFemale[i]);
                    out.writeUTF(lastAsciiFemale[i]);
                }
            }
        }
    }

    private static String file(String key) {
        return "names/" + key;
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
        return of(resource, firsts, female, male, fem);
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
                int[] indices = new int[group.size()];
                for (int i = 0; i < indices.length; i++) {
                    indices[i] = group.get(i);
                }
                groups.add(indices);
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
}
