package dev.attendees.internal;

import dev.attendees.CompanySize;
import dev.attendees.Industry;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The job titles of one run. Most titles are drawn for each attendee by company size and industry;
 * a chief office ({@code CEO}, {@code CTO}, {@code CISO} ...) is held by at most one person of a
 * company: each company decides once which of its offices' holders are among the people it can
 * send, and which of them they are ({@link #holders}).
 *
 * <p>An office's holder is among a company's people with the chance that the title mix would have
 * given it a title of that office, times the company's span (how many people it can send), at most
 * {@value #MAX_PRESENCE}: a three-person startup brings its founder about a third of the time, an
 * enterprise sending a thousand people almost surely brings its CTO, and no company brings two.
 */
final class Titles {

    /**
     * Seniority multipliers by company size (rows: Startup, SMB, Mid-Market, Enterprise; columns in
     * {@link Level} order, c-level aside). Startups are founders and engineers, enterprises engineers
     * and managers.
     */
    private static final double[][] LEVEL_BY_SIZE = {
        // junior mid senior lead manager director vp
        {0.9, 1.0, 1.1, 1.1, 0.45, 0.35, 0.45},
        {1.0, 1.0, 1.0, 1.0, 0.9, 0.8, 0.7},
        {1.0, 1.0, 1.0, 1.0, 1.1, 1.0, 0.7},
        {1.0, 1.0, 1.0, 1.0, 1.25, 0.95, 0.55},
    };

    /**
     * C-level multipliers by company size for the offices a company is founded with (chief
     * executive, technology, operating and product officers, chief scientists, founders): a
     * startup's founders come to developer events, an enterprise's chiefs rarely.
     */
    private static final double[] FOUNDING_OFFICE_BY_SIZE = {20.0, 3.0, 0.5, 0.12};

    /** C-level multipliers by company size for the other offices (CIO, CISO, CFO ...), which small companies seldom have. */
    private static final double[] CORPORATE_OFFICE_BY_SIZE = {0.2, 0.9, 0.7, 0.25};

    /** The offices a company has from its first days. */
    private static final Set<String> FOUNDING_OFFICES = Set.of("chief executive officer",
            "chief technology officer", "chief operating officer", "chief product officer", "chief scientist");

    /** A title naming a chief or an abbreviated chief office: {@code Chief Architect}, {@code Field CISO}. */
    private static final Pattern CHIEF =
            Pattern.compile("(?i:\\bchief\\b)|\\bC[A-Z]{1,3}O\\b");

    /** The most likely an office's holder is among a company's people: {@value}. */
    static final double MAX_PRESENCE = 0.9;

    /** Words that make a title a founder's, who belong to startups and SMBs unless a profile says otherwise. */
    private static final String FOUNDER = "founder";

    /** Abbreviated offices spelled out, so that {@code CTO} and {@code Chief Technology Officer} are one office. */
    private static final Map<String, String> SPELLED_OUT = Map.ofEntries(
            Map.entry("ceo", "chief executive officer"),
            Map.entry("cto", "chief technology officer"),
            Map.entry("cio", "chief information officer"),
            Map.entry("ciso", "chief information security officer"),
            Map.entry("cso", "chief security officer"),
            Map.entry("cfo", "chief financial officer"),
            Map.entry("coo", "chief operating officer"),
            Map.entry("cro", "chief revenue officer"),
            Map.entry("cmo", "chief marketing officer"),
            Map.entry("caio", "chief ai officer"),
            Map.entry("cmio", "chief medical information officer"));

    final String[] names;
    final int[] role;
    final Level[] level;
    /** Per title: the office it holds (index into {@link #offices}), or -1. */
    private final int[] officeOf;
    /** The offices' names. */
    final String[] offices;
    /** [size][industry]: the titles that are no office, drawn per attendee. */
    private final AliasTable[][] staff;
    /** [size][industry][office]: the office's share of the whole title mix (its expected holders per person). */
    private final double[][][] officeShare;
    /** [size][industry][office]: the office's titles for that size, and their weights. */
    private final int[][][][] officeTitles;
    private final AliasTable[][][] officeTitleTables;

    Titles(EventProfile profile) {
        List<String> nameList = new ArrayList<>();
        List<Integer> roleList = new ArrayList<>();
        List<Level> levelList = new ArrayList<>();
        List<Double> baseList = new ArrayList<>();
        List<Integer> sizeMasks = new ArrayList<>();
        List<String> officeKeys = new ArrayList<>();
        List<EventProfile.Role> roles = profile.roles();
        for (int r = 0; r < roles.size(); r++) {
            EventProfile.Role role = roles.get(r);
            double[] weights = new double[role.titles().size()];
            for (int t = 0; t < weights.length; t++) {
                weights[t] = role.titles().get(t).weight();
            }
            double roleTotal = Arrays.stream(weights).sum();
            for (EventProfile.Title t : role.titles()) {
                nameList.add(t.title());
                roleList.add(r);
                levelList.add(t.level());
                baseList.add(role.weight() * t.weight() / roleTotal);
                sizeMasks.add(sizeMask(t));
                officeKeys.add(officeKey(t));
            }
        }
        int n = nameList.size();
        names = nameList.toArray(new String[0]);
        role = new int[n];
        for (int t = 0; t < n; t++) {
            role[t] = roleList.get(t);
        }
        level = levelList.toArray(new Level[0]);
        Map<String, Integer> officeIndex = new LinkedHashMap<>();
        officeOf = new int[n];
        for (int t = 0; t < n; t++) {
            String key = officeKeys.get(t);
            if (key == null) {
                officeOf[t] = -1;
            } else {
                Integer o = officeIndex.get(key);
                if (o == null) {
                    o = officeIndex.size();
                    officeIndex.put(key, o);
                }
                officeOf[t] = o;
            }
        }
        offices = officeIndex.keySet().toArray(new String[0]);
        // An office is a founding one by its name or when one of its titles names a founder.
        Set<String> founders = new HashSet<>(FOUNDING_OFFICES);
        for (int t = 0; t < n; t++) {
            if (officeKeys.get(t) != null && nameList.get(t).toLowerCase(Locale.ROOT).contains(FOUNDER)) {
                founders.add(officeKeys.get(t));
            }
        }

        int sizes = CompanySize.values().length;
        int industries = Industry.values().length;
        staff = new AliasTable[sizes][industries];
        officeShare = new double[sizes][industries][offices.length];
        officeTitles = new int[sizes][industries][offices.length][];
        officeTitleTables = new AliasTable[sizes][industries][offices.length];
        // What does not change with the size or industry, looked up once: each title's base weight,
        // its role's industry bias, its size multiplier, and each office's titles.
        double[] base = new double[n];
        double[] fallback = new double[n];
        for (int t = 0; t < n; t++) {
            base[t] = baseList.get(t);
            fallback[t] = officeOf[t] < 0 ? base[t] : 0;
        }
        double[][] bias = new double[roles.size()][industries];
        for (int r = 0; r < roles.size(); r++) {
            for (Industry industry : Industry.values()) {
                bias[r][industry.ordinal()] = roles.get(r).industryBias().getOrDefault(industry.label(), 1.0);
            }
        }
        double[][] multipliers = new double[sizes][n];
        boolean[][] has = new boolean[sizes][n];
        for (int s = 0; s < sizes; s++) {
            for (int t = 0; t < n; t++) {
                has[s][t] = (sizeMasks.get(t) & (1 << s)) != 0;
                multipliers[s][t] = multiplier(s, t, officeKeys.get(t), founders);
            }
        }
        int[][] titlesOfOffice = new int[offices.length][];
        for (int o = 0; o < offices.length; o++) {
            int[] ids = new int[n];
            int k = 0;
            for (int t = 0; t < n; t++) {
                if (officeOf[t] == o) {
                    ids[k++] = t;
                }
            }
            titlesOfOffice[o] = Arrays.copyOf(ids, k);
        }
        for (CompanySize size : CompanySize.values()) {
            int s = size.ordinal();
            for (Industry industry : Industry.values()) {
                int i = industry.ordinal();
                double[] w = new double[n];
                double total = 0;
                for (int t = 0; t < n; t++) {
                    if (has[s][t]) {
                        w[t] = base[t] * bias[role[t]][i] * multipliers[s][t];
                        total += w[t];
                    }
                }
                double[] staffWeights = new double[n];
                for (int t = 0; t < n; t++) {
                    if (officeOf[t] < 0) {
                        staffWeights[t] = w[t];
                    }
                }
                staff[s][i] = new AliasTable(Arrays.stream(staffWeights).sum() > 0 ? staffWeights : fallback);
                for (int o = 0; o < offices.length; o++) {
                    int[] ids = new int[titlesOfOffice[o].length];
                    double[] weights = new double[ids.length];
                    int k = 0;
                    for (int t : titlesOfOffice[o]) {
                        if (w[t] > 0) {
                            ids[k] = t;
                            weights[k++] = w[t];
                        }
                    }
                    if (k > 0) {
                        // A stream's sum, as before: it compensates rounding, so the share keeps its bits.
                        double sum = Arrays.stream(weights, 0, k).sum();
                        officeShare[s][i][o] = sum / total;
                        officeTitles[s][i][o] = Arrays.copyOf(ids, k);
                        officeTitleTables[s][i][o] = new AliasTable(Arrays.copyOf(weights, k));
                    }
                }
            }
        }
    }

    private double multiplier(int size, int title, String office, Set<String> founders) {
        if (level[title] != Level.C_LEVEL) {
            return LEVEL_BY_SIZE[size][level[title].ordinal()];
        }
        return founders.contains(office) ? FOUNDING_OFFICE_BY_SIZE[size] : CORPORATE_OFFICE_BY_SIZE[size];
    }

    /** A title that is no office, drawn for a person of a company of this size and industry. */
    int staff(Rng rng, CompanySize size, Industry industry) {
        return staff[size.ordinal()][industry.ordinal()].sample(rng);
    }

    /**
     * The office holders among the {@code span} people a company can send: which of its members
     * (0-based, in the order the company's people appear) hold which office's title. Decided once
     * per company from {@code key}.
     */
    Holders holders(CompanySize size, Industry industry, long span, long key) {
        int s = size.ordinal();
        int i = industry.ordinal();
        long[] members = new long[offices.length];
        int[] titles = new int[offices.length];
        int count = 0;
        for (int o = 0; o < offices.length && count < span; o++) {
            double share = officeShare[s][i][o];
            if (share == 0) {
                continue;
            }
            long h = Mix.hash(key, o, 0x0FF1CEL);
            if (Mix.unit(h) >= Math.min(MAX_PRESENCE, share * span)) {
                continue;
            }
            long member = Math.floorMod(Mix.mix64(h), span);
            while (contains(members, count, member)) {
                member = (member + 1) % span;
            }
            members[count] = member;
            titles[count] = officeTitles[s][i][o][officeTitleTables[s][i][o].sample(new Rng(h))];
            count++;
        }
        return new Holders(Arrays.copyOf(members, count), Arrays.copyOf(titles, count));
    }

    private static boolean contains(long[] values, int count, long value) {
        for (int k = 0; k < count; k++) {
            if (values[k] == value) {
                return true;
            }
        }
        return false;
    }

    /**
     * The office a title holds, or {@code null}: its own {@code office}; else, for a c-level title
     * or one that names a chief ({@code Chief Architect}, {@code Field CISO}), its words with founder
     * words left out and abbreviations spelled out ({@code Co-Founder & CTO} holds
     * {@code chief technology officer}).
     */
    static String officeKey(EventProfile.Title t) {
        if (t.office() != null) {
            return spelledOut(t.office());
        }
        if (t.level() != Level.C_LEVEL && !CHIEF.matcher(t.title()).find()) {
            return null;
        }
        String words = spelledOut(t.title().replaceAll("(?i)\\b(co-?)?founders?\\b", " "));
        return words.isEmpty() ? "chief executive officer" : words;
    }

    private static String spelledOut(String title) {
        StringBuilder out = new StringBuilder();
        for (String word : title.toLowerCase(Locale.ROOT).replaceAll("[&,/]|\\band\\b", " ").strip().split("\\s+")) {
            if (!word.isEmpty()) {
                out.append(out.length() == 0 ? "" : " ").append(SPELLED_OUT.getOrDefault(word, word));
            }
        }
        return out.toString();
    }

    private static int sizeMask(EventProfile.Title t) {
        if (t.sizes() != null) {
            int mask = 0;
            for (String label : t.sizes()) {
                mask |= 1 << CompanySize.fromLabel(label).ordinal();
            }
            return mask;
        }
        if (t.title().toLowerCase(Locale.ROOT).contains(FOUNDER)) {
            return 1 << CompanySize.STARTUP.ordinal() | 1 << CompanySize.SMB.ordinal();
        }
        return (1 << CompanySize.values().length) - 1;
    }

    /** A company's office holders: member ordinals and the titles they hold. */
    record Holders(long[] members, int[] titles) {
        static final Holders NONE = new Holders(new long[0], new int[0]);

        /** The title member {@code m} holds, or -1. */
        int titleOf(long m) {
            for (int k = 0; k < members.length; k++) {
                if (members[k] == m) {
                    return titles[k];
                }
            }
            return -1;
        }
    }
}
