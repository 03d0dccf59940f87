package dev.attendees.internal;

import dev.attendees.Attendee;
import dev.attendees.CompanySize;
import dev.attendees.ConfigurationException;
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
 * distribution is compiled once into tables; one attendee costs a few dozen table lookups, two
 * small permutations (its seat in its block, its name key) and two short strings.
 *
 * <p>The chain, each step conditioned on the ones before: seat (company size, rank and address
 * family, dealt per block so that no company passes its attendee limit; see {@link CompanyUniverse})
 * → company → locale → name key (distinct per address family) → e-mail → job title (the company's
 * chief office if this member holds one, else by company size and industry) → interests (by title,
 * then industry) → booths (by interests, in visiting order) → arrival (day weights, daily curve) →
 * registration time (days to weeks before the first day).
 */
public final class OfflineEngine implements RecordSource {

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
    static final char[] MIDDLE_ORDER = "amjlerdcskbtnwgpfhvioyzuqx".toCharArray();
    private static final AliasTable MIDDLE_START = new AliasTable(new double[] {
        12, 11, 9, 9, 8, 7, 6, 5, 5, 4, 4, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1, 0.5, 0.5, 0.3, 0.2, 0.1});

    private static final int BLOCK = CompanyUniverse.BLOCK;

    private final GenerationOptions options;
    private final long seed;
    private final String eventName;
    private final boolean safe;
    private final Locales.Crowd crowd;
    private final Titles titles;
    private final CompanyUniverse companies;
    private final BlockTemplate seats;
    private final InterestModel interests;

    private final String[] interestNames;
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
        this.safe = options.undeliverableEmails();
        EventProfile profile = options.profile();
        this.crowd = Locales.crowd(options.locales());
        this.titles = new Titles(profile);
        this.companies = new CompanyUniverse(profile, seed, titles);
        this.seats = new BlockTemplate(companies, options.corporateRatio(), seed);
        this.interests = new InterestModel(profile, options.interests(), titles);
        this.interestNames = interests.names;

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
        boothCounts = counts(profile.boothsVisited().keySet());
        boothCountTable = AliasTable.of(profile.boothsVisited().values());

        // Days and the arrival curve.
        int dayCount = (int) ChronoUnit.DAYS.between(options.from(), options.to()) + 1;
        days = new LocalDate[dayCount];
        double[] dayWeights = new double[dayCount];
        List<Double> profileDays = profile.dayWeights();
        for (int d = 0; d < dayCount; d++) {
            days[d] = options.from().plusDays(d);
            dayWeights[d] = profileDays.get(Math.min(d, profileDays.size() - 1));
        }
        for (int d = 0; d < dayCount; d++) {
            dayWeights[d] = dayWeights[d] > 0 ? dayWeights[d] : 1e-9;
        }
        dayTable = new AliasTable(dayWeights);
        int open = options.dailyOpen().toSecondOfDay();
        int close = options.dailyClose().toSecondOfDay();
        List<int[]> slots = new ArrayList<>();
        for (int s = open; s < close; ) {
            int end = Math.min(close, (s / 1800 + 1) * 1800);
            slots.add(new int[] {s, end - s});
            s = end;
        }
        slotStart = new int[slots.size()];
        slotLength = new int[slots.size()];
        for (int s = 0; s < slots.size(); s++) {
            slotStart[s] = slots.get(s)[0];
            slotLength[s] = slots.get(s)[1];
        }
        double[] curve = new double[profile.arrivalCurve().size()];
        int c = 0;
        for (double w : profile.arrivalCurve().values()) {
            curve[c++] = w;
        }
        double present = Arrays.stream(curve).average().orElse(1);
        double[] slotWeights = new double[slotStart.length];
        for (int s = 0; s < slotStart.length; s++) {
            int boundary = slotStart[s] / 1800 * 1800;
            String key = twoDigits(boundary / 3600) + ":" + twoDigits(boundary % 3600 / 60);
            double w = profile.arrivalCurve().getOrDefault(key, present * 0.05);
            slotWeights[s] = Math.max(w, 1e-9) * slotLength[s] / 1800.0;
        }
        slotTable = new AliasTable(slotWeights);
    }

    /** The whole numbers these keys spell ("0", "3" ...), in order. */
    static int[] counts(java.util.Collection<String> keys) {
        int[] counts = new int[keys.size()];
        int i = 0;
        for (String k : keys) {
            counts[i++] = Integer.parseInt(k);
        }
        return counts;
    }

    /** {@code n} with at least two digits: {@code 9} → {@code 09} (a slot key's hours and minutes). */
    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static List<String> categoriesOf(EventProfile profile, String booth) {
        for (EventProfile.Booth b : profile.booths()) {
            if (b.name().equals(booth)) {
                return b.categories();
            }
        }
        // A booth of the user's own: it shows the categories its name mentions.
        String lower = booth.toLowerCase(Locale.ROOT);
        List<String> shown = new ArrayList<>();
        for (String n : profile.interestNames()) {
            if (lower.contains(n.toLowerCase(Locale.ROOT))) {
                shown.add(n);
            }
        }
        return List.copyOf(shown);
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
        if (from < 0 || to < from) {
            throw new ConfigurationException("generate needs 0 <= from <= to, was " + from + ", " + to);
        }
        List<Attendee> out = new ArrayList<>((int) Math.max(0, Math.min(to - from, 1 << 20)));
        Block block = null;
        for (long i = from; i < to; i++) {
            if (block == null || block.index != i / BLOCK) {
                block = new Block(i / BLOCK);
            }
            out.add(attendee(i, block, null));
        }
        return out;
    }

    /**
     * One block's deal of seats and its companies, looked up once per rank: a batch of the
     * generator is one block, so its attendees share them.
     */
    private final class Block {
        final long index;
        final Feistel deal;
        private final CompanyInfo[][] companies = new CompanyInfo[CompanySize.values().length][];

        Block(long index) {
            this.index = index;
            this.deal = new Feistel(BLOCK, Mix.hash(seed, index, 0xB10C));
        }

        CompanyInfo company(int size, int r, long generation) {
            CompanyInfo[] ofSize = companies[size];
            if (ofSize == null) {
                ofSize = companies[size] = new CompanyInfo[OfflineEngine.this.companies.ranks(size).count()];
            }
            CompanyInfo c = ofSize[r];
            if (c == null) {
                c = ofSize[r] = OfflineEngine.this.companies.company(size, r, generation);
            }
            return c;
        }
    }

    /** Attendee {@code index} (0-based; its id is {@code index + 1}). */
    public Attendee attendee(long index) {
        return attendee(index, null, null);
    }

    /**
     * Attendee {@code index}, and its company in {@code company[0]} when {@code company} is given
     * (for tests that check head counts and offices).
     */
    Attendee attendee(long index, CompanyInfo[] company) {
        return attendee(index, null, company);
    }

    private Attendee attendee(long index, Block context, CompanyInfo[] company) {
        // The seat: the block's seats are dealt in a keyed order, so a run's first attendees are a
        // fair sample of every block's companies and families.
        long block = index / BLOCK;
        Feistel deal = context != null ? context.deal : new Feistel(BLOCK, Mix.hash(seed, block, 0xB10C));
        int seat = (int) deal.permute(index % BLOCK);
        int s = seats.size[seat];
        int r = seats.rank[seat];
        int family = seats.family[seat];
        CompanyUniverse.Ranks ranks = companies.ranks(s);
        long generation = ranks.generation(r, block);
        CompanyInfo employer = context != null ? context.company(s, r, generation) : companies.company(s, r, generation);
        long member = (block - ranks.start(r, generation)) * ranks.quota[r] + seats.ordinal[seat];
        long local = block * seats.familySeats[family] + seats.familyOrdinal[seat];
        boolean corporate = family != BlockTemplate.PERSONAL;
        boolean initialFamily = family == BlockTemplate.INITIAL;
        if (company != null) {
            company[0] = employer;
        }

        Rng rng = Rng.forIndex(seed, index);
        Locales.Member locale = crowd.pick(rng);

        // Name key: distinct within its address family, so the address is unique.
        NameTables names = locale.names;
        int lastCount = names.lastCount();
        int groups = names.initialGroups.length;
        long space = initialFamily ? (long) groups * lastCount : (long) names.firstCount() * lastCount;
        long tier = local / space;
        long key = new Feistel(space, Mix.hash(seed, family * 1024L + locale.space, tier)).permute(local % space);
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
            if (locale.familyFirst) {
                digits = tier + 1;
            } else {
                // Each name key walks the 26 letters from its own, frequency-weighted start, so
                // tiers 1..26 of one key give 26 different initials.
                int start = MIDDLE_START.sample(new Rng(Mix.hash(seed, family * 1024L + locale.space, key)));
                middle = MIDDLE_ORDER[(int) ((start + tier - 1) % 26)];
                long round = (tier - 1) / 26;
                if (employer.pattern.middleClashes(firstAscii, lastAscii, middle, locale.crowdLastForms)) {
                    middle = 0;
                    digits = tier + 1;
                } else {
                    digits = round > 0 ? round + 1 : 0;
                }
            }
        }
        String given = middle == 0 ? firstDisplay : firstDisplay + " " + Character.toUpperCase(middle) + ".";
        String name = locale.familyFirst ? lastDisplay + " " + given : given + " " + lastDisplay;

        StringBuilder email = new StringBuilder(48);
        if (corporate) {
            employer.pattern.append(email, firstAscii, lastAscii, middle);
            if (digits > 0) {
                email.append(digits);
            }
            email.append('@').append(safe ? employer.safeDomain : employer.domain);
        } else {
            long pair = (long) first * lastCount + last;
            long style = Mix.hash(seed, pair, locale.space * 7919L + 0xA11CE);
            double u = Mix.unit(style);
            if (Mix.unit(Mix.mix64(style ^ 0x5DEECE66DL)) < CONCAT_SHARE && !locale.concatAmbiguous.contains(pair)) {
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
            String domain = locale.personalDomains[locale.personalDomainTable.sample(rng)];
            email.append('@').append(safe ? SAFE_PERSONAL_DOMAIN : domain);
        }

        int office = employer.offices.titleOf(member);
        int title = office >= 0 ? office : titles.staff(rng, employer.size, employer.industry);
        long interestSet = interests.draw(rng, title, employer.industry);
        List<String> booths = booths(rng, interestSet);

        LocalDate day = days[dayTable.sample(rng)];
        int slot = slotTable.sample(rng);
        int second = slotStart[slot] + rng.nextInt(slotLength[slot]);
        LocalDateTime arrival = LocalDateTime.of(day, LocalTime.ofSecondOfDay(second));

        int[] lead = LEAD_DAYS[leadTable.sample(rng)];
        LocalDate registered = days[0].minusDays(rng.nextInt(lead[0], lead[1]));
        int regSecond = hourTable.sample(rng) * 3600 + rng.nextInt(3600);
        LocalDateTime created = LocalDateTime.of(registered, LocalTime.ofSecondOfDay(regSecond));

        return new Attendee(index + 1, name, email.toString(), employer.name, eventName, arrival, titles.names[title],
                employer.industry, employer.size, interests.names(interestSet), booths, "", created);
    }

    private List<String> booths(Rng rng, long mine) {
        int k = Math.min(boothCounts[boothCountTable.sample(rng)], boothNames.length);
        if (k == 0) {
            return List.of();
        }
        double[] w = new double[boothNames.length];
        double total = 0;
        for (int b = 0; b < w.length; b++) {
            w[b] = 0.15 + 3.0 * Long.bitCount(boothCategories[b] & mine);
            total += w[b];
        }
        String[] out = new String[k];
        for (int n = 0; n < k; n++) {
            int pick = InterestModel.draw(rng, w, total);
            out[n] = boothNames[pick];
            total -= w[pick];
            w[pick] = 0;
        }
        return List.of(out);
    }
}
