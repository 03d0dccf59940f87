package dev.attendees.benchmarks;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import dev.attendees.profile.Level;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Measures the realism that {@code docs/profiles.md} reports, from the records alone: how many
 * people companies send at each run size, how rare chief officers are by company size, how strongly
 * titles pull their interests and interests their booths. Prints Markdown tables.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.attendees.benchmarks.RealismReport
 * </pre>
 */
public final class RealismReport {
    private static final long SEED = 42;

    private RealismReport() {}

    public static void main(String[] args) {
        StringBuilder out = new StringBuilder();
        scale(out);
        offices(out);
        interests(out);
        System.out.print(out);
    }

    /** Companies at each run size (the default cloud-native event). */
    private static void scale(StringBuilder out) {
        out.append("| attendees | companies | most from one startup | SMB | mid-market | enterprise | largest company's share |\n");
        out.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int count : new int[] {1_000, 5_000, 20_000, 200_000, 1_000_000}) {
            Map<String, LongAdder> perCompany = new ConcurrentHashMap<>();
            Map<String, CompanySize> size = new ConcurrentHashMap<>();
            AttendeeGenerator.builder().seed(SEED).build().stream(count).parallel().forEach(a -> {
                perCompany.computeIfAbsent(a.company(), c -> new LongAdder()).increment();
                size.put(a.company(), a.companySize());
            });
            Map<CompanySize, Long> most = new EnumMap<>(CompanySize.class);
            perCompany.forEach((c, n) -> most.merge(size.get(c), n.sum(), Math::max));
            long largest = perCompany.values().stream().mapToLong(LongAdder::sum).max().orElse(0);
            out.append(String.format(Locale.ROOT, "| %,d | %,d | %d | %d | %d | %,d | %.2f%% |%n", count, perCompany.size(),
                    most.getOrDefault(CompanySize.STARTUP, 0L), most.getOrDefault(CompanySize.SMB, 0L),
                    most.getOrDefault(CompanySize.MID_MARKET, 0L), most.getOrDefault(CompanySize.ENTERPRISE, 0L),
                    100.0 * largest / count));
        }
        out.append('\n');
    }

    /** The share of c-level titles by company size, per event type, at 20,000 attendees. */
    private static void offices(StringBuilder out) {
        out.append("| event type | c-level at startups | SMBs | mid-market | enterprises | founders outside startups and SMBs |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (EventProfile profile : EventProfiles.builtIns()) {
            Map<String, Level> levels = new HashMap<>();
            profile.roles().forEach(r -> r.titles().forEach(t -> levels.put(t.title(), t.level())));
            List<Attendee> list = AttendeeGenerator.builder().eventType(profile.id()).seed(SEED).build().generate(20_000);
            StringBuilder row = new StringBuilder("| " + profile.id());
            for (CompanySize size : CompanySize.values()) {
                row.append(String.format(Locale.ROOT, " | %.1f%%", 100 * share(list, a -> a.companySize() == size,
                        a -> levels.get(a.jobTitle()) == Level.C_LEVEL)));
            }
            long founders = list.stream().filter(a -> a.jobTitle().toLowerCase(Locale.ROOT).contains("founder")
                    && a.companySize() != CompanySize.STARTUP && a.companySize() != CompanySize.SMB).count();
            out.append(row).append(" | ").append(founders).append(" |\n");
        }
        Map<CompanySize, Long> cisos = new EnumMap<>(CompanySize.class);
        AttendeeGenerator.builder().seed(SEED).build().stream(200_000)
                .filter(a -> a.jobTitle().equals("Chief Information Security Officer"))
                .forEach(a -> cisos.merge(a.companySize(), 1L, Long::sum));
        out.append("\nCISOs among 200,000 cloud-native attendees, by company size: ").append(cisos).append("\n\n");
    }

    /**
     * Per event type and role, at 20,000 attendees: the share of the role's attendees that list the
     * interest the role weighs most, against everyone's; then booth visits that match an interest.
     */
    private static void interests(StringBuilder out) {
        StringBuilder booths = new StringBuilder("| event type | visits to a booth showing one of the visitor's interests | by chance |\n"
                + "|---|---:|---:|\n");
        out.append("| event type | role | its top interest | share in the role | share overall | lift |\n");
        out.append("|---|---|---|---:|---:|---:|\n");
        for (EventProfile profile : EventProfiles.builtIns()) {
            List<Attendee> list = AttendeeGenerator.builder().eventType(profile.id()).seed(SEED).build().generate(20_000);
            Map<String, String> roleOf = new HashMap<>();
            profile.roles().forEach(r -> r.titles().forEach(t -> roleOf.put(t.title(), r.function())));
            for (EventProfile.Role role : profile.roles()) {
                String top = role.interests().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
                if (top == null) {
                    continue;
                }
                double in = share(list, a -> role.function().equals(roleOf.get(a.jobTitle())), a -> a.productInterests().contains(top));
                double all = share(list, a -> true, a -> a.productInterests().contains(top));
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f%% | %.0f%% | %.1f× |%n", profile.id(), role.function(), top,
                        100 * in, 100 * all, in / all));
            }
            Map<String, List<String>> shows = new HashMap<>();
            profile.booths().forEach(b -> shows.put(b.name(), b.categories()));
            long visits = 0;
            long matching = 0;
            double chance = 0;
            for (Attendee a : list) {
                for (String booth : a.boothVisited()) {
                    visits++;
                    if (shows.get(booth).stream().anyMatch(a.productInterests()::contains)) {
                        matching++;
                    }
                }
                chance += shows.values().stream().filter(c -> c.stream().anyMatch(a.productInterests()::contains)).count()
                        / (double) shows.size();
            }
            booths.append(String.format(Locale.ROOT, "| %s | %.0f%% | %.0f%% |%n", profile.id(), 100.0 * matching / visits,
                    100 * chance / list.size()));
        }
        out.append('\n').append(booths).append('\n');
    }

    private static double share(List<Attendee> list, Predicate<Attendee> group, Predicate<Attendee> property) {
        long members = list.stream().filter(group).count();
        return members == 0 ? 0 : list.stream().filter(group).filter(property).count() / (double) members;
    }
}
