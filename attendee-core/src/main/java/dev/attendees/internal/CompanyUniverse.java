package dev.attendees.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.profile.EventProfile;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every company an event's attendees can come from: the profile's curated pool, then an unbounded
 * sequence of made-up companies. An attendee first draws a company size by the profile's
 * attendee share, then a company rank within that size from a heavy-tailed (Pareto) law: low ranks
 * (the curated, prominent companies) send many people, and the deeper ranks, which are made up
 * procedurally, appear as a run grows. Big sizes use a steep law (a few companies send crowds),
 * startups a flat one (many companies send one or two). Company {@code k} of a size is a pure
 * function of (profile, seed, size, k), so every attendee of a company sees the same name, domain,
 * industry and size.
 */
final class CompanyUniverse {
    /** Pareto scale and shape per size, in {@link CompanySize} order. */
    private static final double[] SCALE = {40, 22, 10, 6};
    private static final double[] SHAPE = {0.95, 1.0, 1.1, 1.2};
    private static final long MAX_RANK = 1L << 40;

    private static final JsonNode VOCABULARY = NameTables.readJson("/dev/attendees/names/company-names.json");
    private static final String[] PREFIXES = strings(VOCABULARY.path("prefixes"));
    private static final String[] ROOTS = strings(VOCABULARY.path("roots"));
    private static final String[] QUALIFIERS = strings(VOCABULARY.path("qualifiers"));
    private static final int WORDS = PREFIXES.length * ROOTS.length;
    private static final long WORD_STEP = coprimeStep(WORDS);

    private final CompanyInfo[][] curated = new CompanyInfo[CompanySize.values().length][];
    private final CompanySize[] sizes;
    private final AliasTable sizeTable;
    private final Industry[] industries;
    private final AliasTable industryTable;
    private final Map<Industry, String[]> suffixes = new EnumMap<>(Industry.class);
    private final Map<Industry, String[]> tlds = new EnumMap<>(Industry.class);
    private final Set<String> curatedNames = new HashSet<>();
    private final Set<String> curatedDomains = new HashSet<>();
    private final AliasTable patternTable;
    private final long seed;
    private final CompanyInfo[] cache = new CompanyInfo[1 << 14];

    CompanyUniverse(EventProfile profile, long seed) {
        this.seed = seed;
        EmailPattern[] patterns = EmailPattern.values();
        double[] patternWeights = new double[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            patternWeights[i] = patterns[i].weight;
        }
        patternTable = new AliasTable(patternWeights);
        List<List<CompanyInfo>> bySize = new ArrayList<>();
        for (int i = 0; i < CompanySize.values().length; i++) {
            bySize.add(new ArrayList<>());
        }
        for (EventProfile.Company c : profile.companies()) {
            CompanySize size = CompanySize.fromLabel(c.size());
            EmailPattern pattern = c.emailPattern() != null ? EmailPattern.fromId(c.emailPattern()) : patternFor(c.domain());
            bySize.get(size.ordinal()).add(new CompanyInfo(-1, c.name(), c.domain(), Industry.fromLabel(c.industry()), size, pattern));
            curatedNames.add(c.name().toLowerCase(Locale.ROOT));
            curatedDomains.add(c.domain());
        }
        for (int i = 0; i < curated.length; i++) {
            curated[i] = bySize.get(i).toArray(new CompanyInfo[0]);
        }
        List<CompanySize> sizeList = new ArrayList<>();
        List<Double> sizeWeights = new ArrayList<>();
        profile.attendeeShareBySize().forEach((label, w) -> {
            if (w > 0) {
                sizeList.add(CompanySize.fromLabel(label));
                sizeWeights.add(w);
            }
        });
        sizes = sizeList.toArray(new CompanySize[0]);
        sizeTable = new AliasTable(sizeWeights.stream().mapToDouble(Double::doubleValue).toArray());
        List<Industry> industryList = new ArrayList<>();
        List<Double> industryWeights = new ArrayList<>();
        profile.industries().forEach((label, w) -> {
            if (w > 0) {
                industryList.add(Industry.fromLabel(label));
                industryWeights.add(w);
            }
        });
        industries = industryList.toArray(new Industry[0]);
        industryTable = new AliasTable(industryWeights.stream().mapToDouble(Double::doubleValue).toArray());
        for (Industry industry : Industry.values()) {
            String[] s = strings(VOCABULARY.path("suffixes").path(industry.label()));
            suffixes.put(industry, s.length == 0 ? new String[] {"Group"} : s);
            String[] t = strings(VOCABULARY.path("tlds").path(industry.label()));
            tlds.put(industry, t.length == 0 ? new String[] {"com"} : t);
        }
    }

    /**
     * Draws the company of one attendee whose address family is already known: companies of the
     * other family are redrawn, so the result follows the company law restricted to that family.
     */
    CompanyInfo pick(Rng rng, boolean initialFamily) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            CompanyInfo c = pick(rng);
            if (c.pattern.initial == initialFamily) {
                return c;
            }
        }
        throw new IllegalStateException("no company uses " + (initialFamily ? "an initial-based" : "a full-name") + " e-mail pattern");
    }

    /** The share of corporate attendees whose company uses an initial-based pattern, estimated once. */
    double initialShare() {
        Rng rng = new Rng(0x1A17141L);
        int initial = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            if (pick(rng).pattern.initial) {
                initial++;
            }
        }
        return initial / (double) n;
    }

    /** Draws the company of one attendee. */
    CompanyInfo pick(Rng rng) {
        CompanySize size = sizes[sizeTable.sample(rng)];
        int s = size.ordinal();
        double u = rng.nextDouble();
        double rank = SCALE[s] * (StrictMath.pow(1.0 - u, -1.0 / SHAPE[s]) - 1.0);
        long k = rank >= MAX_RANK ? MAX_RANK : (long) rank;
        CompanyInfo[] pool = curated[s];
        if (k < pool.length) {
            return pool[(int) k];
        }
        return madeUp((k - pool.length) * 4 + s, size);
    }

    private CompanyInfo madeUp(long key, CompanySize size) {
        int slot = (int) (Mix.mix64(key) & (cache.length - 1));
        CompanyInfo hit = cache[slot];
        if (hit != null && hit.key == key) {
            return hit;
        }
        CompanyInfo made = make(key, size);
        cache[slot] = made;
        return made;
    }

    /**
     * Company {@code key}: the word is a bijection of {@code key mod WORDS}, the qualifier (and, far
     * out, a number) comes from {@code key / WORDS}, so distinct keys give distinct names and domains.
     */
    private CompanyInfo make(long key, CompanySize size) {
        long offset = Math.floorMod(Mix.hash(seed, 0x5EED), WORDS);
        int word = (int) Math.floorMod((key % WORDS) * WORD_STEP + offset, (long) WORDS);
        long round = key / WORDS;
        String stem = PREFIXES[word / ROOTS.length] + ROOTS[word % ROOTS.length];
        String qualifier = round == 0 ? "" : QUALIFIERS[(int) ((round - 1) % QUALIFIERS.length)];
        long number = round == 0 ? 0 : (round - 1) / QUALIFIERS.length;
        long h = Mix.hash(seed, key, 0xC0FFEE);
        Industry industry = industries[industryTable.sample(new Rng(h))];
        String[] suffixList = suffixes.get(industry);
        String suffix = suffixList[(int) Math.floorMod(h >>> 17, (long) suffixList.length)];
        String[] tldList = tlds.get(industry);
        String tld = tldList[(int) Math.floorMod(h >>> 37, (long) Math.min(tldList.length, 3))];
        StringBuilder name = new StringBuilder(stem);
        StringBuilder label = new StringBuilder(stem.toLowerCase(Locale.ROOT));
        if (!qualifier.isEmpty()) {
            name.append(' ').append(qualifier);
            label.append(qualifier.toLowerCase(Locale.ROOT));
        }
        name.append(' ').append(suffix);
        if (number > 0) {
            name.append(' ').append(number + 1);
            label.append(number + 1);
        }
        String companyName = name.toString();
        String domain = label + "." + tld;
        if (curatedNames.contains(companyName.toLowerCase(Locale.ROOT)) || curatedDomains.contains(domain)) {
            companyName = companyName + " Group";
            domain = label + "hq." + tld;
        }
        return new CompanyInfo(key, companyName, domain, industry, size, patternFor(domain));
    }

    private EmailPattern patternFor(String domain) {
        return EmailPattern.values()[patternTable.sample(new Rng(Mix.hash(Mix.hash(domain), 0xE3A1L)))];
    }

    private static long coprimeStep(int n) {
        long step = Math.round(n * 0.6180339887) | 1;
        while (gcd(step, n) != 1) {
            step += 2;
        }
        return step;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static String[] strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.toArray(new String[0]);
    }
}
