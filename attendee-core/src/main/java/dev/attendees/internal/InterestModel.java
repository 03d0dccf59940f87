package dev.attendees.internal;

import dev.attendees.Industry;
import dev.attendees.profile.EventProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Product interests: what an attendee's title pulls, then their industry. A title's multipliers
 * are its role's ({@code roles[].interests}) times its own ({@code titles[].interests}, or
 * {@value #TITLE_MENTION} on an interest the title names); an industry's come from
 * {@code industryInterests}. The first interest is drawn with the title's multipliers raised to
 * {@value #FIRST_PULL}, so that a security engineer almost always lists Security; the others with
 * the plain multipliers, so that the rest of the list stays varied.
 */
final class InterestModel {

    /** The power on a title's multipliers for its first interest: {@value}. */
    static final double FIRST_PULL = 3.0;

    /** The multiplier on an interest a title names when the profile gives the title none: {@value}. */
    static final double TITLE_MENTION = 3.0;

    final String[] names;
    /** Per title: its row in the tables below. */
    private final int[] pullOf;
    /** [pull][industry] → weights over {@link #names}, for the first interest, and their sums. */
    private final double[][][] first;
    private final double[][] firstTotal;
    /** [pull][industry] → weights over {@link #names}, for the others. */
    private final double[][][] rest;
    private final int[] counts;
    private final AliasTable countTable;

    InterestModel(EventProfile profile, List<String> allowed, Titles titles) {
        names = allowed.toArray(new String[0]);
        Map<String, Double> base = new HashMap<>();
        for (EventProfile.Interest i : profile.interests()) {
            base.put(i.name(), i.weight());
        }
        List<EventProfile.Title> titleList = new ArrayList<>();
        for (EventProfile.Role r : profile.roles()) {
            titleList.addAll(r.titles());
        }
        // Titles that pull alike (most titles: their role's multipliers) share one set of tables.
        Industry[] industries = Industry.values();
        pullOf = new int[titleList.size()];
        Map<List<Double>, Integer> pulls = new java.util.LinkedHashMap<>();
        List<String> catalogue = profile.interestNames();
        for (int t = 0; t < titleList.size(); t++) {
            EventProfile.Role role = profile.roles().get(titles.role[t]);
            Map<String, Double> own = ownMultipliers(titleList.get(t), catalogue);
            List<Double> pull = new ArrayList<>(names.length);
            for (String name : names) {
                pull.add(role.interests().getOrDefault(name, 1.0) * own.getOrDefault(name, 1.0));
            }
            Integer known = pulls.get(pull);
            if (known == null) {
                known = pulls.size();
                pulls.put(pull, known);
            }
            pullOf[t] = known;
        }
        first = new double[pulls.size()][industries.length][];
        firstTotal = new double[pulls.size()][industries.length];
        rest = new double[pulls.size()][industries.length][];
        // Per industry, each interest's base weight times the industry's multiplier.
        double[][] weight = new double[industries.length][names.length];
        for (Industry industry : industries) {
            Map<String, Double> byIndustry = profile.industryInterests().getOrDefault(industry.label(), Map.of());
            for (int i = 0; i < names.length; i++) {
                weight[industry.ordinal()][i] = base.get(names[i]) * byIndustry.getOrDefault(names[i], 1.0);
            }
        }
        for (Map.Entry<List<Double>, Integer> e : pulls.entrySet()) {
            List<Double> pull = e.getKey();
            int p = e.getValue();
            double[] plain = new double[names.length];
            double[] strong = new double[names.length];
            for (int i = 0; i < names.length; i++) {
                plain[i] = pull.get(i);
                strong[i] = StrictMath.pow(plain[i], FIRST_PULL);
            }
            for (Industry industry : industries) {
                double[] f = new double[names.length];
                double[] r = new double[names.length];
                for (int i = 0; i < names.length; i++) {
                    double w = weight[industry.ordinal()][i];
                    f[i] = w * strong[i];
                    r[i] = w * plain[i];
                }
                first[p][industry.ordinal()] = f;
                firstTotal[p][industry.ordinal()] = sum(f);
                rest[p][industry.ordinal()] = r;
            }
        }
        counts = OfflineEngine.counts(profile.interestsPerAttendee().keySet());
        countTable = AliasTable.of(profile.interestsPerAttendee().values());
    }

    /** A title's own multipliers: the profile's, else {@value #TITLE_MENTION} on each interest it names. */
    private static Map<String, Double> ownMultipliers(EventProfile.Title title, List<String> catalogue) {
        if (title.interests() != null) {
            return title.interests();
        }
        Map<String, Double> named = new HashMap<>();
        String text = title.title().toLowerCase(Locale.ROOT);
        for (String interest : catalogue) {
            if (Words.containsWord(text, interest.toLowerCase(Locale.ROOT))) {
                named.put(interest, TITLE_MENTION);
            }
        }
        return named;
    }

    /**
     * The interests of one attendee with this title and industry, as a bit set over {@link #names}
     * (a profile has at most 64 interests).
     */
    long draw(Rng rng, int title, Industry industry) {
        int i = industry.ordinal();
        int p = pullOf[title];
        int k = Math.max(1, Math.min(counts[countTable.sample(rng)], names.length));
        long chosen = 1L << draw(rng, first[p][i], firstTotal[p][i]);
        if (k > 1) {
            double[] w = rest[p][i].clone();
            double total = 0;
            for (int n = 0; n < w.length; n++) {
                if ((chosen & 1L << n) != 0) {
                    w[n] = 0;
                }
                total += w[n];
            }
            for (int n = 1; n < k && total > 0; n++) {
                int pick = draw(rng, w, total);
                chosen |= 1L << pick;
                total -= w[pick];
                w[pick] = 0;
            }
        }
        return chosen;
    }

    /** The names of a bit set of interests, in catalogue order. */
    List<String> names(long interests) {
        String[] out = new String[Long.bitCount(interests)];
        int j = 0;
        for (long bits = interests; bits != 0; bits &= bits - 1) {
            out[j++] = names[Long.numberOfTrailingZeros(bits)];
        }
        return List.of(out);
    }

    private static double sum(double[] w) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        return total;
    }

    /** An index drawn with weights {@code w} summing to {@code total}; zero weights are never drawn. */
    static int draw(Rng rng, double[] w, double total) {
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
