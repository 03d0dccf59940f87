package dev.attendees.internal;

import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.GenerationOptions;
import dev.attendees.Industry;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.Level;
import dev.attendees.spi.RecordSource;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline engine: attendee {@code i} is a pure function of (options, {@code i}). Every
 * distribution is compiled once into alias tables; one attendee costs a few dozen table lookups,
 * one small permutation for its name key and two short strings.
 *
 * <p>The chain, each step conditioned on the ones before: locale → company (size by attendee
 * share, then rank by a heavy-tailed law) → corporate or personal address → name key (distinct per
 * address family) → e-mail → job title (by company size and industry) → interests (by title and
 * industry) → booths (by interests, in visiting order) → arrival (day weights, daily curve) →
 * registration time (days to weeks before the first day).
 */
public final class OfflineEngine implements RecordSource {

    /** Seniority multipliers by company size (rows: Startup, SMB, Mid-Market, Enterprise). */
    private static final double[][] LEVEL_BY_SIZE = {
        // junior mid senior lead manager director vp c-level
        {1.0, 1.0, 1.0, 1.1, 0.7, 0.6, 0.5, 6.0},
        {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.9, 1.5},
        {1.0, 1.0, 1.0, 1.0, 1.1, 1.0, 0.8, 0.4},
        {1.0, 1.0, 1.0, 1.0, 1.2, 0.9, 0.6, 0.12},
    };

    /** Registration lead time buckets in days before the first day, and their weights. */
    private static final int[][] LEAD_DAYS = {{1, 6}, {7, 20}, {21, 60}, {61, 150}};
    private static final double[] LEAD_WEIGHTS = {18, 37, 32, 13};
    private static final double[] REGISTRATION_HOURS = {
        1, 0.6, 0.4, 0.3, 0.3, 0.5, 1, 2, 4, 6, 8, 8, 6, 7, 8, 7, 6, 5, 4, 4, 4, 3, 2, 1.5
    };

    /** Personal address styles and decorations (shares). */
    private static final double CONCAT_SHARE = 0.35;
    private static final double TWO_DIGIT_SHARE = 0.30;
    private static final double YEAR_SHARE = 0.18;

    private static final String SAFE_PERSONAL_DOMAIN = "example.com";

    /** Middle initials from most to least common, with their relative frequency. */
    private static final char[] MIDDLE_ORDER = "amjlerdcskbtnwgpfhvioyzuqx".toCharArray();
    private static final AliasTable MIDDLE_START = new AliasTable(new double[] {
        12, 11, 9, 9, 8, 7, 6, 5, 5, 4, 4, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 0.5, 0.5, 0.3, 0.2, 0.1});

    /**
     * Address families are dealt in blocks of this many attendees with exact quotas (personal,
     * corporate with an initial-based pattern, corporate with a full-name pattern), positions
     * shuffled per block, so each family numbers its members densely and its name space lasts.
     */
    private static final int FAMILY_BLOCK = 1000;

    private final GenerationOptions options;
    private final long seed;
    private final String eventName;
    private final double corporateRatio;
    private final boolean safe;
    private final Locales.Crowd crowd;
    private final CompanyUniverse companies;
    /** Per block: personal slots [0, personalSlots), initial-pattern slots up to initialEnd, full-name slots after. */
    private final int personalSlots;
    private final int initialEnd;

    private final String[] titles;
    private final int[] titleRole;
    /** [size][industry] → title table. */
    private final AliasTable[][] titleTables;

    private final String[] interestNames;
    /** [role][industry] → weights over {@link #interestNames}. */
    private final double[][][] interestWeights;
    private final int[] interestCounts;
    private final AliasTable interestCountTable;

    private final String[] boothNames;
    private final long[] boothCategories;
    private final int[] boothCounts;
    private final AliasTable boothCountTable;

    private final LocalDate[] days;
    private final AliasTable dayTable;
    private final int[] slotStart;
    private final int[] slotLength;
    private final AliasTable slotTable;
    private final AliasTable leadTable = new AliasTable(LEAD_WEIGHTS);
    private final AliasTable hourTable = new AliasTable(REGISTRATION_HOURS);

    public OfflineEngine(GenerationOptions options) {
        this.options = options;
        this.seed = options.seed();
        this.eventName = options.eventName();
        this.corporateRatio = options.corporateRatio();
        this.safe = options.undeliverableEmails();
        EventProfile profile = options.profile();
        this.crowd = Locales.crowd(options.locales());
        this.companies = new CompanyUniverse(profile, seed);
        this.personalSlots = (int) Math.round(FAMILY_BLOCK * (1 - corporateRatio));
        int corporateSlots = FAMILY_BLOCK - personalSlots;
        this.initialEnd = personalSlots + (int) Math.round(corporateSlots * companies.initialShare());

        // Titles, conditioned on company size and industry.
        List<EventProfile.Role> roles = profile.roles();
        List<String> titleList = new ArrayList<>();
        List<Integer> roleList = new ArrayList<>();
        List<Level> levelList = new ArrayList<>();
        List<Double> baseList = new ArrayList<>();
        for (int r = 0; r < roles.size(); r++) {
            EventProfile.Role role = roles.get(r);
            double roleTotal = role.titles().stream().mapToDouble(EventProfile.Title::weight).sum();
            for (EventProfile.Title t : role.titles()) {
                titleList.add(t.title());
                roleList.add(r);
                levelList.add(t.level());
                baseList.add(role.weight() * t.weight() / roleTotal);
            }
        }
        titles = titleList.toArray(new String[0]);
        titleRole = roleList.stream().mapToInt(Integer::intValue).toArray();
        Industry[] allIndustries = Industry.values();
        titleTables = new AliasTable[CompanySize.values().length][allIndustries.length];
        for (CompanySize size : CompanySize.values()) {
            for (Industry industry : allIndustries) {
                double[] w = new double[titles.length];
                for (int t = 0; t < titles.length; t++) {
                    double bias = roles.get(titleRole[t]).industryBias().getOrDefault(industry.label(), 1.0);
                    w[t] = baseList.get(t) * bias * LEVEL_BY_SIZE[size.ordinal()][levelList.get(t).ordinal()];
                }
                titleTables[size.ordinal()][industry.ordinal()] = table(w, baseList);
            }
        }

        // Interests, conditioned on role and industry, restricted to the allowed categories.
        interestNames = options.interests().toArray(new String[0]);
        Map<String, Double> base = new java.util.HashMap<>();
        profile.interests().forEach(i -> base.put(i.name(), i.weight()));
        interestWeights = new double[roles.size()][allIndustries.length][interestNames.length];
        for (int r = 0; r < roles.size(); r++) {
            for (Industry industry : allIndustries) {
                Map<String, Double> byIndustry = profile.industryInterests().getOrDefault(industry.label(), Map.of());
                for (int i = 0; i < interestNames.length; i++) {
                    String name = interestNames[i];
                    interestWeights[r][industry.ordinal()][i] = base.get(name)
                            * roles.get(r).interests().getOrDefault(name, 1.0)
                            * byIndustry.getOrDefault(name, 1.0);
                }
            }
        }
        interestCounts = counts(profile.interestsPerAttendee());
        interestCountTable = new AliasTable(countWeights(profile.interestsPerAttendee()));

        // Booths: the chosen ones with the categories they show (as a bit set over interests).
        boothNames = options.booths().toArray(new String[0]);
        boothCategories = new long[boothNames.length];
        for (int b = 0; b < boothNames.length; b++) {
            List<String> categories = categoriesOf(profile, boothNames[b]);
            for (int i = 0; i < interestNames.length && i < 64; i++) {
                if (categories.contains(interestNames[i])) {
                    boothCategories[b] |= 1L << i;
                }
            }
        }
        boothCounts = counts(profile.boothsVisited());
        boothCountTable = new AliasTable(countWeights(profile.boothsVisited()));

        // Days and the arrival curve.
        int dayCount = (int) ChronoUnit.DAYS.between(options.from(), options.to()) + 1;
        days = new LocalDate[dayCount];
        double[] dayWeights = new double[dayCount];
        List<Double> profileDays = profile.dayWeights();
        for (int d = 0; d < dayCount; d++) {
            days[d] = options.from().plusDays(d);
            dayWeights[d] = profileDays.get(Math.min(d, profileDays.size() - 1));
        }
        dayTable = new AliasTable(Arrays.stream(dayWeights).map(w -> w > 0 ? w : 1e-9).toArray());
        int open = options.dailyOpen().toSecondOfDay();
        int close = options.dailyClose().toSecondOfDay();
        List<int[]> slots = new ArrayList<>();
        for (int s = open; s < close; ) {
            int end = Math.min(close, (s / 1800 + 1) * 1800);
            slots.add(new int[] {s, end - s});
            s = end;
        }
        slotStart = slots.stream().mapToInt(x -> x[0]).toArray();
        slotLength = slots.stream().mapToInt(x -> x[1]).toArray();
        double present = profile.arrivalCurve().values().stream().mapToDouble(Double::doubleValue).average().orElse(1);
        double[] slotWeights = new double[slotStart.length];
        for (int s = 0; s < slotStart.length; s++) {
            int boundary = slotStart[s] / 1800 * 1800;
            String key = String.format(Locale.ROOT, "%02d:%02d", boundary / 3600, boundary % 3600 / 60);
            double w = profile.arrivalCurve().getOrDefault(key, present * 0.05);
            slotWeights[s] = Math.max(w, 1e-9) * slotLength[s] / 1800.0;
        }
        slotTable = new AliasTable(slotWeights);
    }

    private static AliasTable table(double[] weights, List<Double> fallback) {
        double sum = Arrays.stream(weights).sum();
        return sum > 0 ? new AliasTable(weights) : new AliasTable(fallback.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<String> categoriesOf(EventProfile profile, String booth) {
        for (EventProfile.Booth b : profile.booths()) {
            if (b.name().equals(booth)) {
                return b.categories();
            }
        }
        // A booth of the user's own: it shows the categories its name mentions.
        String lower = booth.toLowerCase(Locale.ROOT);
        return profile.interestNames().stream().filter(n -> lower.contains(n.toLowerCase(Locale.ROOT))).toList();
    }

    private static int[] counts(Map<String, Double> weights) {
        return weights.keySet().stream().mapToInt(Integer::parseInt).toArray();
    }

    private static double[] countWeights(Map<String, Double> weights) {
        return weights.values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public String name() {
        return "offline";
    }

    /** The options this engine was made for. */
    public GenerationOptions options() {
        return options;
    }

    @Override
    public List<Attendee> generate(long from, long to) {
        List<Attendee> out = new ArrayList<>((int) Math.max(0, Math.min(to - from, 1 << 20)));
        for (long i = from; i < to; i++) {
            out.add(attendee(i));
        }
        return out;
    }

    /** Attendee {@code index} (0-based; its id is {@code index + 1}). */
    public Attendee attendee(long index) {
        Rng rng = Rng.forIndex(seed, index);
        Locales.Member member = crowd.pick(rng);

        // Address family by exact quota; each family numbers its members densely.
        long block = index / FAMILY_BLOCK;
        int position = (int) new Feistel(FAMILY_BLOCK, Mix.hash(seed, block, 0xB10C)).permute(index % FAMILY_BLOCK);
        int family;
        long local;
        if (position < personalSlots) {
            family = 2;
            local = block * personalSlots + position;
        } else if (position < initialEnd) {
            family = 1;
            local = block * (initialEnd - personalSlots) + position - personalSlots;
        } else {
            family = 0;
            local = block * (FAMILY_BLOCK - initialEnd) + position - initialEnd;
        }
        boolean corporate = family != 2;
        boolean initialFamily = family == 1;
        CompanyInfo company = corporate ? companies.pick(rng, initialFamily) : companies.pick(rng);

        // Name key: distinct within its address family, so the address is unique.
        NameTables names = member.names;
        int lastCount = names.lastCount();
        int groups = names.initialGroups.length;
        long space = initialFamily ? (long) groups * lastCount : (long) names.firstCount() * lastCount;
        long tier = local / space;
        long key = new Feistel(space, Mix.hash(seed, family * 1024L + member.space, tier)).permute(local % space);
        int first;
        int last;
        if (initialFamily) {
            int[] group = names.initialGroups[(int) (key % groups)];
            last = (int) (key / groups);
            first = group[(int) Math.floorMod(rng.nextLong(), (long) group.length)];
        } else {
            first = (int) (key % names.firstCount());
            last = (int) (key / names.firstCount());
        }
        boolean female = names.firstFemale[first];
        String firstDisplay = names.firstDisplay[first];
        String lastDisplay = names.lastDisplay(last, female);
        String firstAscii = names.firstAscii[first];
        String lastAscii = names.lastAscii(last, female);

        // Past the first tier a corporate address takes a middle initial (john.a.smith, jasmith),
        // and the name shows it; past 26 of those, or where an initial could clash, digits follow.
        char middle = 0;
        long digits = 0;
        if (corporate && tier > 0) {
            if (member.familyFirst) {
                digits = tier + 1;
            } else {
                // Each name key walks the 26 letters from its own, frequency-weighted start, so
                // tiers 1..26 of one key give 26 different initials.
                int start = MIDDLE_START.sample(new Rng(Mix.hash(seed, family * 1024L + member.space, key)));
                middle = MIDDLE_ORDER[(int) ((start + tier - 1) % 26)];
                long round = (tier - 1) / 26;
                if (company.pattern.middleClashes(firstAscii, lastAscii, middle, member.crowdLastForms)) {
                    middle = 0;
                    digits = tier + 1;
                } else {
                    digits = round > 0 ? round + 1 : 0;
                }
            }
        }
        String given = middle == 0 ? firstDisplay : firstDisplay + " " + Character.toUpperCase(middle) + ".";
        String name = member.familyFirst ? lastDisplay + " " + given : given + " " + lastDisplay;

        StringBuilder email = new StringBuilder(48);
        if (corporate) {
            company.pattern.append(email, firstAscii, lastAscii, middle);
            if (digits > 0) {
                email.append(digits);
            }
            email.append('@').append(safe ? company.safeDomain : company.domain);
        } else {
            long pair = (long) first * lastCount + last;
            long style = Mix.hash(seed, pair, member.space * 7919L + 0xA11CE);
            double u = Mix.unit(style);
            if (Mix.unit(Mix.mix64(style ^ 0x5DEECE66DL)) < CONCAT_SHARE && !member.concatAmbiguous.contains(pair)) {
                email.append(firstAscii).append(lastAscii);
            } else {
                email.append(firstAscii).append('.').append(lastAscii);
            }
            if (u < TWO_DIGIT_SHARE) {
                int n = (int) Math.floorMod(style >>> 20, 100L);
                email.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
            } else if (u < TWO_DIGIT_SHARE + YEAR_SHARE) {
                email.append(1962 + Math.floorMod(style >>> 28, 42L));
            }
            if (tier > 0) {
                email.append(tier < 900 ? 100 + tier : 100_000 + tier);
            }
            String domain = member.personalDomains[member.personalDomainTable.sample(rng)];
            email.append('@').append(safe ? SAFE_PERSONAL_DOMAIN : domain);
        }

        int title = titleTables[company.size.ordinal()][company.industry.ordinal()].sample(rng);
        List<String> interests = interests(rng, titleRole[title], company.industry);
        List<String> booths = booths(rng, interests);

        LocalDate day = days[dayTable.sample(rng)];
        int slot = slotTable.sample(rng);
        int second = slotStart[slot] + rng.nextInt(slotLength[slot]);
        LocalDateTime arrival = LocalDateTime.of(day, LocalTime.ofSecondOfDay(second));

        int[] lead = LEAD_DAYS[leadTable.sample(rng)];
        LocalDate registered = days[0].minusDays(rng.nextInt(lead[0], lead[1]));
        int regSecond = hourTable.sample(rng) * 3600 + rng.nextInt(3600);
        LocalDateTime created = LocalDateTime.of(registered, LocalTime.ofSecondOfDay(regSecond));

        return new Attendee(index + 1, name, email.toString(), company.name, eventName, arrival, titles[title],
                company.industry, company.size, interests, booths, "", created);
    }

    private List<String> interests(Rng rng, int role, Industry industry) {
        double[] w = interestWeights[role][industry.ordinal()].clone();
        int k = Math.min(interestCounts[interestCountTable.sample(rng)], w.length);
        k = Math.max(k, 1);
        boolean[] chosen = new boolean[w.length];
        double total = 0;
        for (double x : w) {
            total += x;
        }
        for (int n = 0; n < k && total > 0; n++) {
            int pick = draw(rng, w, total);
            chosen[pick] = true;
            total -= w[pick];
            w[pick] = 0;
        }
        String[] out = new String[k];
        int j = 0;
        for (int i = 0; i < chosen.length && j < k; i++) {
            if (chosen[i]) {
                out[j++] = interestNames[i];
            }
        }
        return List.of(j == k ? out : Arrays.copyOf(out, j));
    }

    private List<String> booths(Rng rng, List<String> interests) {
        int k = Math.min(boothCounts[boothCountTable.sample(rng)], boothNames.length);
        if (k == 0) {
            return List.of();
        }
        long mine = 0;
        for (String interest : interests) {
            for (int i = 0; i < interestNames.length && i < 64; i++) {
                if (interestNames[i].equals(interest)) {
                    mine |= 1L << i;
                }
            }
        }
        double[] w = new double[boothNames.length];
        double total = 0;
        for (int b = 0; b < w.length; b++) {
            w[b] = 0.15 + 3.0 * Long.bitCount(boothCategories[b] & mine);
            total += w[b];
        }
        String[] out = new String[k];
        for (int n = 0; n < k; n++) {
            int pick = draw(rng, w, total);
            out[n] = boothNames[pick];
            total -= w[pick];
            w[pick] = 0;
        }
        return List.of(out);
    }

    private static int draw(Rng rng, double[] w, double total) {
        double u = rng.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                last = i;
                u -= w[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last;
    }
}
