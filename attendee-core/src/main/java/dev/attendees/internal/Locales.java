package dev.attendees.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attendees.ConfigurationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The supported locales ({@code names/locales.json}) and the crowd of one run: which locales, with
 * what weights, and the name tables each uses. Locales that share a Datafaker resource (en-US and
 * en-GB) share one name-key space; different resources get disjoint last names, so that two
 * attendees of different locales can never spell the same e-mail address.
 */
public final class Locales {
    /** The keyword for the shipped international mix. */
    public static final String INTERNATIONAL = "international";

    private static final JsonNode CONFIG = NameTables.readJson("/dev/attendees/names/locales.json");

    private Locales() {}

    /** The supported locale tags, in file order. */
    public static List<String> supported() {
        List<String> tags = new ArrayList<>();
        CONFIG.path("locales").fieldNames().forEachRemaining(tags::add);
        return tags;
    }

    /** The shipped international mix: tag to weight. */
    public static Map<String, Double> internationalMix() {
        Map<String, Double> mix = new LinkedHashMap<>();
        CONFIG.path(INTERNATIONAL).fields().forEachRemaining(e -> mix.put(e.getKey(), e.getValue().asDouble()));
        return mix;
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

        Member(boolean familyFirst, NameTables names, int space, String[] personalDomains, double[] weights) {
            this.familyFirst = familyFirst;
            this.names = names;
            this.space = space;
            this.personalDomains = personalDomains;
            this.personalDomainTable = new AliasTable(weights);
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
        return CROWDS.computeIfAbsent(ordered, k -> build(ordered));
    }

    private static final Map<Map<String, Double>, Crowd> CROWDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Crowd build(Map<String, Double> mix) {
        Map<String, NameTables> byResource = new LinkedHashMap<>();
        Map<String, Integer> spaceOf = new HashMap<>();
        Set<String> taken = new HashSet<>();
        List<Member> members = new ArrayList<>();
        double[] weights = new double[mix.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : mix.entrySet()) {
            JsonNode spec = CONFIG.path("locales").path(e.getKey());
            String resource = spec.path("resource").asText();
            NameTables tables = byResource.get(resource);
            if (tables == null) {
                NameTables base = NameTables.load(resource, spec.path("root").asText(),
                        spec.hasNonNull("romaji") ? spec.path("romaji").asText() : null);
                tables = byResource.isEmpty() ? base : base.withoutLastNames(taken);
                taken.addAll(tables.lastAsciiForms());
                byResource.put(resource, tables);
                spaceOf.put(resource, spaceOf.size());
            }
            List<String> domains = new ArrayList<>();
            List<Double> domainWeights = new ArrayList<>();
            spec.path("personalDomains").fields().forEachRemaining(d -> {
                domains.add(d.getKey());
                domainWeights.add(d.getValue().asDouble());
            });
            members.add(new Member(spec.path("familyFirst").asBoolean(), tables, spaceOf.get(resource),
                    domains.toArray(new String[0]), domainWeights.stream().mapToDouble(Double::doubleValue).toArray()));
            weights[i++] = e.getValue();
        }
        Set<String> allFirsts = new HashSet<>();
        Set<String> allLasts = new HashSet<>();
        for (NameTables t : byResource.values()) {
            allFirsts.addAll(t.firstAsciiForms());
            allLasts.addAll(t.lastAsciiForms());
        }
        Map<NameTables, Set<Long>> ambiguous = new HashMap<>();
        for (Member m : members) {
            m.concatAmbiguous = ambiguous.computeIfAbsent(m.names, t -> t.ambiguousConcatenations(allFirsts, allLasts));
            m.crowdLastForms = allLasts;
        }
        return new Crowd(members.toArray(new Member[0]), weights);
    }
}
