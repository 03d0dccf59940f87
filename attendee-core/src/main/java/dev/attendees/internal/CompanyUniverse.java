package dev.attendees.internal;

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
 * Every company an event's attendees can come from, and how many people each sends.
 *
 * <p>Attendees are dealt in blocks of {@value #BLOCK}. In every block each company size has its
 * share of seats, and within a size each <em>rank</em> (the curated pool in order of prominence,
 * then made-up companies) has a fixed quota of seats, from a heavy-tailed law: the first ranks get
 * dozens, a long tail one each. A rank's seats go to one company for a number of blocks (its
 * <em>generation</em>: the largest power of two not above {@code limit / q} for a quota of {@code q}
 * a block), then to a new made-up company, so that no company ever gets more seats than its attendee
 * limit ({@link Headcount}). Which company has a rank in block {@code b} is a pure function
 * of (profile, seed, size, rank, {@code b}); the limits hold for every run, however long, because they
 * come from this construction, not from counting. Big runs draw on more companies because companies
 * run out of people.
 */
final class CompanyUniverse {
    /** Attendees per block: {@value}. */
    static final int BLOCK = 4096;

    /** The longest period a company holds its rank: 2^{@value} blocks. */
    static final int MAX_PERIOD_EXPONENT = 30;

    /** Pareto scale and shape of the rank law per size, in {@link CompanySize} order. */
    private static final double[] SCALE = {400, 120, 30, 10};
    private static final double[] SHAPE = {0.9, 0.9, 0.9, 0.8};

    private static final AliasTable ALL_PATTERNS = new AliasTable(weights(EmailPattern.values()));

    private static final CompanyWords VOCABULARY = CompanyWords.read();
    private static final String[] PREFIXES = VOCABULARY.prefixes();
    private static final String[] ROOTS = VOCABULARY.roots();
    private static final String[] QUALIFIERS = VOCABULARY.qualifiers();
    private static final String[] LOWER_PREFIXES = lower(PREFIXES);
    private static final String[] LOWER_ROOTS = lower(ROOTS);
    private static final String[] LOWER_QUALIFIERS = lower(QUALIFIERS);
    private static final int WORDS = PREFIXES.length * ROOTS.length;
    private static final long WORD_STEP = coprimeStep(WORDS);

    /** Per size: the ranks that have seats, their quota a block, and how long a company keeps them. */
    private final Ranks[] ranks = new Ranks[CompanySize.values().length];
    private final Industry[] industries;
    private final AliasTable industryTable;
    private final Map<Industry, String[]> suffixes = new EnumMap<>(Industry.class);
    private final Map<Industry, String[]> tlds = new EnumMap<>(Industry.class);
    private final Set<String> curatedNames = new HashSet<>();
    private final Set<String> curatedDomains = new HashSet<>();
    private final EmailPattern[][] patternsByFamily = new EmailPattern[2][];
    private final AliasTable[] patternTables = new AliasTable[2];
    private final Titles titles;
    private final long seed;
    /** Each size's first rank in the universe's rank order (sizes one after another). */
    private final int[] firstRank = new int[CompanySize.values().length + 1];
    /** Ranks whose period is 2^j blocks, per j. */
    private final long[] ranksOfPeriod = new long[MAX_PERIOD_EXPONENT + 1];
    /** [j][rank in universe order]: ranks before it whose period is 2^j blocks. */
    private final int[][] ranksOfPeriodBefore;
    private final CompanyInfo[] cache = new CompanyInfo[1 << 14];

    CompanyUniverse(EventProfile profile, long seed, Titles titles) {
        this.seed = seed;
        this.titles = titles;
        for (int f = 0; f < 2; f++) {
            List<EmailPattern> family = new ArrayList<>();
            for (EmailPattern p : EmailPattern.values()) {
                if (p.initial == (f == 1)) {
                    family.add(p);
                }
            }
            patternsByFamily[f] = family.toArray(new EmailPattern[0]);
            patternTables[f] = new AliasTable(weights(patternsByFamily[f]));
        }
        List<Industry> industryList = new ArrayList<>();
        List<Double> industryWeights = new ArrayList<>();
        for (Map.Entry<String, Double> e : profile.industries().entrySet()) {
            if (e.getValue() > 0) {
                industryList.add(Industry.fromLabel(e.getKey()));
                industryWeights.add(e.getValue());
            }
        }
        industries = industryList.toArray(new Industry[0]);
        industryTable = AliasTable.of(industryWeights);
        for (Industry industry : Industry.values()) {
            String[] s = VOCABULARY.suffixes().get(industry);
            suffixes.put(industry, s.length == 0 ? new String[] {"Group"} : s);
            String[] t = VOCABULARY.tlds().get(industry);
            tlds.put(industry, t.length == 0 ? new String[] {"com"} : t);
        }

        List<List<EventProfile.Company>> curated = new ArrayList<>();
        for (int i = 0; i < CompanySize.values().length; i++) {
            curated.add(new ArrayList<>());
        }
        for (EventProfile.Company c : profile.companies()) {
            curated.get(CompanySize.fromLabel(c.size()).ordinal()).add(c);
            curatedNames.add(c.name().toLowerCase(Locale.ROOT));
            curatedDomains.add(c.domain());
        }
        int[] seats = seats(profile);
        for (CompanySize size : CompanySize.values()) {
            int s = size.ordinal();
            ranks[s] = new Ranks(size, seats[s], curated.get(s));
            firstRank[s + 1] = firstRank[s] + ranks[s].count();
        }
        ranksOfPeriodBefore = new int[MAX_PERIOD_EXPONENT + 1][firstRank[firstRank.length - 1] + 1];
        int u = 0;
        for (Ranks rs : ranks) {
            for (int r = 0; r < rs.count(); r++, u++) {
                for (int j = 0; j <= MAX_PERIOD_EXPONENT; j++) {
                    ranksOfPeriodBefore[j][u + 1] = ranksOfPeriodBefore[j][u] + (rs.exponent[r] == j ? 1 : 0);
                }
                ranksOfPeriod[rs.exponent[r]]++;
            }
        }
    }

    /**
     * The key of the company that holds rank {@code r} of {@code size} from block {@code start}: the
     * number of generations of any rank that began before that block, plus the ranks before this one
     * that begin one there. Every generation of every rank has its own key, and the keys of a run
     * are dense (0 up to the number of companies it has met), so its made-up names stay short.
     */
    private long key(int size, int r, long start) {
        long key = 0;
        for (int j = 0; j <= MAX_PERIOD_EXPONENT; j++) {
            long period = 1L << j;
            key += ranksOfPeriod[j] * ((start + period - 1) >> j);
        }
        int u = firstRank[size] + r;
        int dividing = start == 0 ? MAX_PERIOD_EXPONENT : Math.min(MAX_PERIOD_EXPONENT, Long.numberOfTrailingZeros(start));
        for (int j = 0; j <= dividing; j++) {
            key += ranksOfPeriodBefore[j][u];
        }
        return key;
    }

    /** Seats per block for each size, by the profile's attendee shares, summing to {@link #BLOCK}. */
    private static int[] seats(EventProfile profile) {
        double[] share = new double[CompanySize.values().length];
        for (Map.Entry<String, Double> e : profile.attendeeShareBySize().entrySet()) {
            share[CompanySize.fromLabel(e.getKey()).ordinal()] = e.getValue();
        }
        return Apportion.largestRemainder(share, BLOCK);
    }

    /** The ranks of a size that have seats. */
    Ranks ranks(int size) {
        return ranks[size];
    }

    /** The company holding rank {@code r} of size {@code size} in generation {@code generation}. */
    CompanyInfo company(int size, int r, long generation) {
        Ranks rs = ranks[size];
        if (generation == 0 && rs.curated[r] != null) {
            return rs.curated[r];
        }
        long key = key(size, r, rs.start(r, generation));
        int slot = (int) (Mix.mix64(key) & (cache.length - 1));
        CompanyInfo hit = cache[slot];
        if (hit != null && hit.key == key) {
            return hit;
        }
        CompanyInfo made = madeUp(key, rs, r, generation);
        cache[slot] = made;
        return made;
    }

    /** The ranks of one company size: their seats a block, curated holders and generation lengths. */
    final class Ranks {
        final CompanySize size;
        /** Per rank (dense, in order of prominence): seats a block. */
        final int[] quota;
        /** Per rank: its place in the rank law (curated companies first). */
        final long[] place;
        /** Per rank: the curated company holding it in generation 0, or null. */
        final CompanyInfo[] curated;
        /**
         * Per rank: a company holds it for 2^exponent blocks (as long as its limit allows, rounded
         * down to a power of two), then the next one.
         */
        final int[] exponent;
        /** Per rank: whether its companies' e-mail patterns use only the first initial. */
        final boolean[] initial;

        Ranks(CompanySize size, int seats, List<EventProfile.Company> pool) {
            this.size = size;
            int s = size.ordinal();
            int madeUpLimit = Headcount.madeUpLimit(size);
            // Ranks of one quota draw their head counts from one band.
            Map<Integer, Headcount.Band> bands = new java.util.HashMap<>();
            long[] employees = new long[pool.size()];
            int[] limits = new int[pool.size()];
            for (int k = 0; k < pool.size(); k++) {
                EventProfile.Company c = pool.get(k);
                employees[k] = c.employees() != null ? c.employees()
                        : band(bands, size, 1).draw(Mix.unit(Mix.hash(Mix.hash(c.domain()), 0xE3B1L)));
                limits[k] = Math.min(madeUpLimit, Headcount.limit(employees[k]));
            }
            RankQuotas quotas = seats == 0 ? RankQuotas.NONE
                    : RankQuotas.of(seats, SCALE[s], SHAPE[s], limits, madeUpLimit);
            int n = quotas.count();
            quota = quotas.quota;
            place = quotas.place;
            curated = new CompanyInfo[n];
            exponent = new int[n];
            initial = new boolean[n];
            double initialShare = patternShare(true);
            for (int r = 0; r < n; r++) {
                long k = place[r];
                long h = Mix.hash(Mix.hash(seed, s, k), 0x6E7A);
                if (k < pool.size()) {
                    EventProfile.Company c = pool.get((int) k);
                    EmailPattern pattern = c.emailPattern() != null ? EmailPattern.fromId(c.emailPattern()) : patternFor(c.domain());
                    exponent[r] = exponent(limits[(int) k] / quota[r]);
                    initial[r] = pattern.initial;
                    Industry industry = Industry.fromLabel(c.industry());
                    long span = span(r, 0);
                    curated[r] = new CompanyInfo(-1, c.name(), c.domain(), industry, size, pattern, employees[(int) k], span,
                            titles.holders(size, industry, span, Mix.hash(seed, Mix.hash(c.domain()))));
                } else {
                    long headcount = band(bands, size, quota[r]).draw(Mix.unit(h));
                    exponent[r] = exponent(Headcount.limit(headcount) / quota[r]);
                    initial[r] = Mix.unit(Mix.mix64(h)) < initialShare;
                }
            }
        }

        int count() {
            return quota.length;
        }

        private static Headcount.Band band(Map<Integer, Headcount.Band> bands, CompanySize size, int need) {
            Headcount.Band band = bands.get(need);
            if (band == null) {
                band = Headcount.band(size, need);
                bands.put(need, band);
            }
            return band;
        }

        /** The generation holding rank {@code r} in block {@code block}. */
        long generation(int r, long block) {
            return block >> exponent[r];
        }

        /** The first block of a generation. */
        long start(int r, long generation) {
            return generation << exponent[r];
        }

        /** The seats one generation of rank {@code r} has in all: the most people its company sends. */
        long span(int r, long generation) {
            return (1L << exponent[r]) * quota[r];
        }

        /** The largest power of two not above {@code blocks} (at least 1), as its exponent. */
        private int exponent(int blocks) {
            return Math.min(MAX_PERIOD_EXPONENT, 31 - Integer.numberOfLeadingZeros(Math.max(1, blocks)));
        }
    }

    /**
     * Company {@code key}: the word is a bijection of {@code key mod WORDS}; {@code key / WORDS}
     * picks nothing more, one qualifier ("Podlane Meridian"), then two ("Podlane Meridian Atlas",
     * domain {@code podlane-meridian-atlas}), and only then a number: distinct keys give distinct names
     * and domains, and numbers appear only past ten million made-up companies.
     */
    private CompanyInfo madeUp(long key, Ranks rs, int r, long generation) {
        CompanySize size = rs.size;
        long offset = Math.floorMod(Mix.hash(seed, 0x5EED), WORDS);
        int word = (int) Math.floorMod((key % WORDS) * WORD_STEP + offset, (long) WORDS);
        long round = key / WORDS;
        int prefix = word / ROOTS.length;
        int root = word % ROOTS.length;
        int qualifiers = QUALIFIERS.length;
        int q = -1;
        int q2 = -1;
        long number = 0;
        // Each word walks the qualifiers from its own start, so that the companies made up at one
        // time do not all share one qualifier; per word the walk is a bijection, so names stay distinct.
        int turn = (int) Math.floorMod(Mix.hash(word, 0x9A11L), (long) qualifiers);
        if (round > 0 && round <= qualifiers) {
            q = (int) ((round - 1 + turn) % qualifiers);
        } else if (round > qualifiers) {
            long pairs = (long) qualifiers * (qualifiers - 1);
            long p = round - 1 - qualifiers;
            number = p / pairs;
            p = (p % pairs + (long) turn * (qualifiers - 1)) % pairs;
            q = (int) (p / (qualifiers - 1));
            q2 = (int) (p % (qualifiers - 1));
            if (q2 >= q) {
                q2++;
            }
        }
        long h = Mix.hash(seed, key, 0xC0FFEE);
        Industry industry = industries[industryTable.sample(new Rng(h))];
        String[] suffixList = suffixes.get(industry);
        String suffix = suffixList[(int) Math.floorMod(h >>> 17, (long) suffixList.length)];
        String[] tldList = tlds.get(industry);
        String tld = tldList[(int) Math.floorMod(h >>> 37, (long) Math.min(tldList.length, 3))];
        StringBuilder name = new StringBuilder(40).append(PREFIXES[prefix]).append(ROOTS[root]);
        StringBuilder label = new StringBuilder(40).append(LOWER_PREFIXES[prefix]).append(LOWER_ROOTS[root]);
        if (q2 >= 0) {
            name.append(' ').append(QUALIFIERS[q]).append(' ').append(QUALIFIERS[q2]);
            label.append('-').append(LOWER_QUALIFIERS[q]).append('-').append(LOWER_QUALIFIERS[q2]);
        } else if (q >= 0) {
            name.append(' ').append(QUALIFIERS[q]);
            label.append(LOWER_QUALIFIERS[q]);
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
        int family = rs.initial[r] ? 1 : 0;
        EmailPattern pattern = patternsByFamily[family][patternTables[family].sample(new Rng(Mix.hash(Mix.hash(domain), 0xE3A1L)))];
        long span = rs.span(r, generation);
        return new CompanyInfo(key, companyName, domain, industry, size, pattern, 0, span, titles.holders(size, industry, span, h));
    }

    /** The share of companies whose pattern uses only the first initial (or the other family). */
    private static double patternShare(boolean initial) {
        double all = 0;
        double family = 0;
        for (EmailPattern p : EmailPattern.values()) {
            all += p.weight;
            if (p.initial == initial) {
                family += p.weight;
            }
        }
        return family / all;
    }

    private static double[] weights(EmailPattern[] patterns) {
        double[] w = new double[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            w[i] = patterns[i].weight;
        }
        return w;
    }

    /** A curated company's pattern when its profile gives none, from its domain. */
    private static EmailPattern patternFor(String domain) {
        return EmailPattern.values()[ALL_PATTERNS.sample(new Rng(Mix.hash(Mix.hash(domain), 0xE3A1L)))];
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

    private static String[] lower(String[] words) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = words[i].toLowerCase(Locale.ROOT);
        }
        return out;
    }
}
