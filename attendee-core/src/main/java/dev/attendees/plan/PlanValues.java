package dev.attendees.plan;

import static dev.attendees.plan.PlanJson.fail;
import static dev.attendees.plan.PlanJson.oneLine;

import dev.attendees.CompanySize;
import dev.attendees.Industry;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values a plan names, checked against the values the data holds ({@link PlanJson#fromJson(String,
 * Vocabulary)}): an unknown value is refused with the nearest known ones.
 */
final class PlanValues {
    /** How many known values an error suggests at most: {@value}. */
    private static final int SUGGESTIONS = 3;

    private PlanValues() {}

    static void ground(QueryPlan plan, Vocabulary vocabulary) {
        for (int i = 0; i < plan.groupBy().size(); i++) {
            Grouping g = plan.groupBy().get(i);
            values(g.dimension(), g.only(), "group_by[" + i + "].only", vocabulary);
        }
        ground(plan.where(), "where", vocabulary);
        ground(plan.shareOf(), "share_of", vocabulary);
    }

    private static void ground(List<Condition> conditions, String field, Vocabulary vocabulary) {
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String path = field + "[" + i + "].values";
            if (c instanceof Condition.Equals e) {
                values(e.dimension(), e.values(), path, vocabulary);
            } else if (c instanceof Condition.Items it) {
                values(it.dimension(), it.values(), path, vocabulary);
            }
        }
    }

    private static void values(Dimension d, List<String> values, String path, Vocabulary vocabulary) {
        List<String> known = known(d, vocabulary);
        Set<String> set = known.isEmpty() ? Set.of() : new HashSet<>(known);
        for (int j = 0; j < values.size(); j++) {
            String v = values.get(j);
            String at = path + "[" + j + "]";
            if (d == Dimension.ARRIVAL_HOUR && !v.matches("[01]\\d|2[0-3]")) {
                throw fail(at, "an arrival hour is two digits 00 to 23, was '" + oneLine(v) + "'");
            }
            if (d == Dimension.ARRIVAL_DAY && known.isEmpty() && !isDate(v)) {
                throw fail(at, "an arrival day is a date YYYY-MM-DD, was '" + oneLine(v) + "'");
            }
            if (!set.isEmpty() && !set.contains(v)) {
                List<String> near = nearest(v, known);
                throw fail(at, "no " + d.words() + " '" + oneLine(v) + "' in the data"
                        + (near.isEmpty() ? "" : "; did you mean " + near.stream().map(n -> "'" + oneLine(n) + "'")
                                .collect(Collectors.joining(" or ")) + "?"));
            }
        }
    }

    private static List<String> known(Dimension d, Vocabulary vocabulary) {
        List<String> known = vocabulary.of(d);
        if (!known.isEmpty() || d.isCount()) {
            return d.isCount() ? List.of() : known;
        }
        if (d == Dimension.INDUSTRY) {
            return Arrays.stream(Industry.values()).map(Industry::label).toList();
        }
        if (d == Dimension.COMPANY_SIZE) {
            return Arrays.stream(CompanySize.values()).map(CompanySize::label).toList();
        }
        if (d == Dimension.EMAIL_KIND) {
            return List.of(EmailKinds.PERSONAL, EmailKinds.CORPORATE);
        }
        return List.of();
    }

    private static boolean isDate(String v) {
        try {
            return v.matches("\\d{4}-\\d{2}-\\d{2}") && LocalDate.parse(v) != null;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * The known values nearest to {@code v}: the same but for case, else those that contain it or
     * that it contains, else those within a few edits.
     */
    static List<String> nearest(String v, List<String> known) {
        String lower = v.toLowerCase(Locale.ROOT).strip();
        List<String> same = known.stream().filter(k -> k.toLowerCase(Locale.ROOT).equals(lower)).limit(SUGGESTIONS).toList();
        if (!same.isEmpty()) {
            return same;
        }
        if (lower.length() >= 3) {
            List<String> within = known.stream().filter(k -> {
                String kl = k.toLowerCase(Locale.ROOT);
                return kl.contains(lower) || kl.length() >= 3 && lower.contains(kl);
            }).sorted(Comparator.comparingInt(String::length)).limit(SUGGESTIONS).toList();
            if (!within.isEmpty()) {
                return within;
            }
        }
        int most = Math.max(2, lower.length() / 4);
        record Scored(String value, int distance) {}
        return known.stream()
                .filter(k -> Math.abs(k.length() - lower.length()) <= most)
                .map(k -> new Scored(k, distance(lower, k.toLowerCase(Locale.ROOT), most)))
                .filter(s -> s.distance() <= most)
                .sorted(Comparator.comparingInt(Scored::distance))
                .limit(SUGGESTIONS)
                .map(Scored::value)
                .toList();
    }

    /** Levenshtein distance, or {@code most + 1} once it is sure to exceed {@code most}. */
    private static int distance(String a, String b, int most) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > most) {
                return most + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
