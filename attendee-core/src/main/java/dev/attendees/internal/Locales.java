package dev.attendees.internal;

import dev.attendees.ConfigurationException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The supported locales ({@code names/locales.json}, compiled at build time into the table
 * {@code locales}) and the crowd of one run: which locales, with what weights, and the name tables
 * each uses. Locales that share a Datafaker resource (en-US and en-GB) share one name-key space;
 * different resources get disjoint last names, so that two attendees of different locales can never
 * spell the same e-mail address. A crowd reads only its own locales' name tables.
 */
public final class Locales {
    /** The keyword for the shipped international mix. */
    public static final String INTERNATIONAL = "international";

    private static final String TABLE = "locales";

    /**
     * One supported locale.
     *
     * @param names the key of its compiled name tables (the Datafaker resource's root key)
     * @param familyFirst whether names are written family name first
     * @param personalDomains webmail domains of personal addresses, with relative weights
     */
    record Spec(String tag, String names, boolean familyFirst, Map<String, Double> personalDomains) {}

    /** The supported locales in file order, and the international mix. */
    private record Config(Map<String, Spec> locales, Map<String, Double> international) {}

    /** The compiled table, read on first use (not when the build writes it). */
    private static final class Shipped {
        static final Config CONFIG = read();

        private Shipped() {}
    }

    private Locales() {}

    private static Config read() {
        try (DataInputStream in = TableFile.open(TABLE)) {
            Map<String, Spec> locales = new LinkedHashMap<>();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                Spec spec = new Spec(in.readUTF(), in.readUTF(), in.readBoolean(), TableFile.readWeights(in));
                locales.put(spec.tag(), spec);
            }
            return new Config(locales, TableFile.readWeights(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled locale table", e);
        }
    }

    /** Writes the locale table under the class-path folder {@code root} (build time). */
    static void write(Path root, List<Spec> locales, Map<String, Double> international) throws IOException {
        try (DataOutputStream out = TableFile.create(root, TABLE)) {
            out.writeInt(locales.size());
            for (Spec spec : locales) {
                out.writeUTF(spec.tag());
                out.writeUTF(spec.names());
                out.writeBoolean(spec.familyFirst());
                TableFile.writeWeights(out, spec.personalDomains());
            }
            TableFile.writeWeights(out, international);
        }
    }

    /** The supported locale tags, in file order. */
    public static List<String> supported() {
        return new ArrayList<>(Shipped.CONFIG.locales().keySet());
    }

    /** The shipped international mix: tag to weight. */
    public static Map<String, Double> internationalMix() {
        return new LinkedHashMap<>(Shipped.CONFIG.international());
    }

    /**
     * Parses a locale option: one tag ({@code de-DE}), a weighted list ({@code en-US:3,de-DE,ja-JP}),
     * or {@code international}. Tags are matched case-insensitively and {@code _} is read as {@code -}.
     *
     * @throws ConfigurationException naming the unknown tag and the supported ones
     */
    public static Map<String, Double> parseMix(String option) {
        if (option == null || option.isBlank()) {
            throw new ConfigurationException("locale must not be empty; expected one of "
                    + String.join(", ", supported()) + " or " + INTERNATIONAL);
        }
        if (option.trim().equalsIgnoreCase(INTERNATIONAL)) {
            return internationalMix();
        }
        if (option.toLowerCase(java.util.Locale.ROOT).contains(INTERNATIONAL)) {
            throw new ConfigurationException("'" + INTERNATIONAL + "' stands alone; to weigh locales, list them: en-US:3,de-DE,ja-JP");
        }
        Map<String, Double> mix = new LinkedHashMap<>();
        for (String part : option.split(",", -1)) {
            String item = part.trim();
            if (item.isEmpty()) {
                throw new ConfigurationException("locale list '" + option + "' has an empty item; write tags joined by commas,"
                        + " e.g. en-US:3,de-DE");
            }
            double weight = 1;
            int colon = item.indexOf(':');
            if (colon >= 0) {
                try {
                    weight = Double.parseDouble(item.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    throw new ConfigurationException("locale weight must be a number in '" + item + "'");
                }
                if (!(weight > 0) || !Double.isFinite(weight)) {
                    throw new ConfigurationException("locale weight must be positive in '" + item + "'");
                }
                item = item.substring(0, colon).trim();
            }
            String tag = canonical(item);
            if (mix.putIfAbsent(tag, weight) != null) {
                throw new ConfigurationException("locale " + tag + " is listed twice in '" + option + "'; give it once, with its weight");
            }
        }
        if (mix.isEmpty()) {
            throw new ConfigurationException("locale must name at least one of " + String.join(", ", supported()));
        }
        return mix;
    }

    /** The supported tag matching {@code tag} case-insensitively. */
    public static String canonical(String tag) {
        String wanted = tag.trim().replace('_', '-');
        for (String known : supported()) {
            if (known.equalsIgnoreCase(wanted)) {
                return known;
            }
        }
        throw new ConfigurationException("unknown locale '" + tag + "'; expected one of "
                + String.join(", ", supported()) + " or " + INTERNATIONAL);
    }

    /** One locale of a crowd, with the name tables it draws from. */
    static final class Member {
        final boolean familyFirst;
        final NameTables names;
        /** Index of {@link #names}' key space within the crowd. */
        final int space;
        final String[] personalDomains;
        final AliasTable personalDomainTable;

        /** Pairs of {@link #names} whose plain concatenation another crowd member could also spell. */
        Set<Long> concatAmbiguous = Set.of();
        /** Every ASCII last-name form of the whole crowd. */
        Set<String> crowdLastForms = Set.of();

        Member(boolean familyFirst, NameTables names, int space, String[] personalDomains, AliasTable domainTable) {
            this.familyFirst = familyFirst;
            this.names = names;
            this.space = space;
            this.personalDomains = personalDomains;
            this.personalDomainTable = domainTable;
        }
    }

    /** The locales of one run with their weights. */
    static final class Crowd {
        final Member[] members;
        final AliasTable table;

        private Crowd(Member[] members, double[] weights) {
            this.members = members;
            this.table = new AliasTable(weights);
        }

        Member pick(Rng rng) {
            return members.length == 1 ? members[0] : members[table.sample(rng)];
        }
    }

    /** Builds the crowd of a mix (tag to weight, tags canonical). */
    static Crowd crowd(Map<String, Double> mix) {
        // A fixed order (the supported list's), whatever order the caller's map iterates in.
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String tag : supported()) {
            if (mix.containsKey(tag)) {
                ordered.put(tag, mix.get(tag));
            }
        }
        Crowd crowd = CROWDS.get(ordered);
        if (crowd == null) {
            // Two threads may both build it; the first one kept serves both.
            Crowd built = build(ordered);
            crowd = CROWDS.putIfAbsent(ordered, built);
            return crowd != null ? crowd : built;
        }
        return crowd;
    }

    private static final Map<Map<String, Double>, Crowd> CROWDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Crowd build(Map<String, Double> mix) {
        List<String> keys = namesKeys(mix.keySet());
        List<NameTables> tables = tables(keys);
        List<Set<Long>> ambiguous = compiledAmbiguity(keys);
        if (ambiguous == null) {
            ambiguous = ambiguity(tables);
        }
        Set<String> allLasts = new HashSet<>();
        for (NameTables t : tables) {
            allLasts.addAll(t.lastAsciiForms());
        }
        Member[] members = new Member[mix.size()];
        double[] weights = new double[mix.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : mix.entrySet()) {
            Spec spec = Shipped.CONFIG.locales().get(e.getKey());
            int space = keys.indexOf(spec.names());
            String[] domains = spec.personalDomains().keySet().toArray(new String[0]);
            Member m = new Member(spec.familyFirst(), tables.get(space), space, domains,
                    AliasTable.of(spec.personalDomains().values()));
            m.concatAmbiguous = ambiguous.get(space);
            m.crowdLastForms = allLasts;
            members[i] = m;
            weights[i++] = e.getValue();
        }
        return new Crowd(members, weights);
    }

    /** The name tables' keys of these locales, each once, in order of first use: a crowd's key spaces. */
    static List<String> namesKeys(Iterable<String> tags) {
        List<String> keys = new ArrayList<>();
        for (String tag : tags) {
            String key = Shipped.CONFIG.locales().get(tag).names();
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * The name tables of a crowd: the first key's whole, each later one without the last names the
     * ones before it have.
     */
    private static List<NameTables> tables(List<String> keys) {
        Set<String> taken = new HashSet<>();
        List<NameTables> tables = new ArrayList<>();
        for (String key : keys) {
            NameTables base = NameTables.load(key);
            NameTables t = tables.isEmpty() ? base : base.withoutLastNames(taken);
            taken.addAll(t.lastAsciiForms());
            tables.add(t);
        }
        return tables;
    }

    /**
     * Per table of a crowd, the (first, last) pairs whose plain concatenation the crowd's names
     * could also spell another way ({@link NameTables#ambiguousConcatenations}).
     */
    private static List<Set<Long>> ambiguity(List<NameTables> tables) {
        Set<String> allFirsts = new HashSet<>();
        Set<String> allLasts = new HashSet<>();
        for (NameTables t : tables) {
            allFirsts.addAll(t.firstAsciiForms());
            allLasts.addAll(t.lastAsciiForms());
        }
        List<Set<Long>> out = new ArrayList<>();
        for (NameTables t : tables) {
            out.add(t.ambiguousConcatenations(allFirsts, allLasts));
        }
        return out;
    }

    /**
     * The {@link #ambiguity} of the crowd of these keys as the build compiled it (for each single
     * key and for the international mix's), or null for another crowd, whose is computed.
     */
    static List<Set<Long>> compiledAmbiguity(List<String> keys) {
        try (DataInputStream in = TableFile.openIfPresent(ambiguityTable(keys))) {
            if (in == null) {
                return null;
            }
            List<Set<Long>> out = new ArrayList<>();
            for (int n = in.readInt(), t = 0; t < n; t++) {
                int m = in.readInt();
                Set<Long> pairs = new HashSet<>();
                for (int k = 0; k < m; k++) {
                    pairs.add(in.readLong());
                }
                out.add(pairs);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the compiled crowd table " + keys, e);
        }
    }

    /** The {@link #ambiguity} of the crowd of these keys, computed from its name tables. */
    static List<Set<Long>> computedAmbiguity(List<String> keys) {
        return ambiguity(tables(keys));
    }

    /** Compiles the {@link #ambiguity} of the crowd of these keys under the class-path folder {@code classes} (build time). */
    static void writeAmbiguity(Path classes, List<String> keys) throws IOException {
        List<Set<Long>> ambiguous = computedAmbiguity(keys);
        try (DataOutputStream out = TableFile.create(classes, ambiguityTable(keys))) {
            out.writeInt(ambiguous.size());
            for (Set<Long> pairs : ambiguous) {
                out.writeInt(pairs.size());
                for (long pair : new java.util.TreeSet<>(pairs)) {
                    out.writeLong(pair);
                }
            }
        }
    }

    private static String ambiguityTable(List<String> keys) {
        return "crowds/" + String.join("+", keys);
    }
}
