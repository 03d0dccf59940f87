package dev.attendees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import dev.attendees.profile.Level;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The realism promises, checked statistically over 5,000 attendees of several event types with
 * fixed seeds. Tolerances say what they mean in their messages.
 */
class RealismTest {
    private static final int N = 5_000;

    private static List<Attendee> attendees(String type, long seed) {
        return AttendeeGenerator.builder().eventType(type).seed(seed).build().generate(N);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud-native", "security", "ai-ml", "data-analytics", "fintech", "healthcare-it"})
    void a_company_should_keep_one_domain_industry_size_and_email_pattern(String type) {
        List<Attendee> list = attendees(type, 101);
        Map<String, Set<String>> domains = new HashMap<>();
        Map<String, Set<Industry>> industries = new HashMap<>();
        Map<String, Set<CompanySize>> sizes = new HashMap<>();
        Map<String, Set<String>> shapes = new HashMap<>();
        for (Attendee a : list) {
            industries.computeIfAbsent(a.company(), k -> new HashSet<>()).add(a.industry());
            sizes.computeIfAbsent(a.company(), k -> new HashSet<>()).add(a.companySize());
            String domain = domain(a.email());
            if (!isPersonal(domain)) {
                domains.computeIfAbsent(a.company(), k -> new HashSet<>()).add(domain);
                String shape = shape(a);
                if (!shape.equals("ambiguous")) {
                    shapes.computeIfAbsent(a.company(), k -> new HashSet<>()).add(shape);
                }
            }
        }
        assertThat(domains).allSatisfy((company, d) -> assertThat(d).as("domains of %s", company).hasSize(1));
        assertThat(industries).allSatisfy((company, i) -> assertThat(i).as("industries of %s", company).hasSize(1));
        assertThat(sizes).allSatisfy((company, s) -> assertThat(s).as("sizes of %s", company).hasSize(1));
        assertThat(shapes).allSatisfy((company, s) -> assertThat(s).as("e-mail patterns of %s", company).hasSize(1));
        // A domain belongs to one company only.
        Map<String, String> owner = new HashMap<>();
        domains.forEach((company, d) -> d.forEach(x -> assertThat(owner.putIfAbsent(x, company)).as("owner of %s", x).isNull()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud-native", "security", "fintech"})
    void a_company_domain_should_look_like_its_name(String type) {
        List<Attendee> list = attendees(type, 102);
        long corporate = 0;
        long alike = 0;
        for (Attendee a : list) {
            String domain = domain(a.email());
            if (isPersonal(domain)) {
                continue;
            }
            corporate++;
            String label = domain.substring(0, domain.indexOf('.'));
            String name = a.company().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", "");
            boolean shares = false;
            for (String word : name.split(" ")) {
                if (word.length() >= 3 && (label.contains(word) || word.contains(label)
                        || label.startsWith(word.substring(0, 3)))) {
                    shares = true;
                }
            }
            if (shares || label.length() <= 4 && initials(name).contains(label)) {
                alike++;
            }
        }
        assertThat((double) alike / corporate).as("share of corporate domains that echo the company name").isGreaterThan(0.97);
    }

    @Test
    void every_email_should_be_unique_lower_case_and_plain_ascii() {
        for (String locale : List.of("en-US", "de-DE", "ja-JP", "ru-RU", "international")) {
            List<Attendee> list = AttendeeGenerator.builder().seed(103).locale(locale).build().generate(N);
            assertThat(list.stream().map(Attendee::email).distinct().count()).as("distinct e-mails, %s", locale).isEqualTo(N);
            assertThat(list).allSatisfy(a -> assertThat(a.email()).matches("[a-z0-9._-]+@[a-z0-9.-]+\\.[a-z]+"));
        }
    }

    @Test
    void the_personal_share_should_follow_the_requested_ratio() {
        for (double ratio : new double[] {0.0, 0.3, 0.7, 1.0}) {
            List<Attendee> list = AttendeeGenerator.builder().seed(104).corporateRatio(ratio).build().generate(N);
            double personal = list.stream().filter(a -> domain(a.email()).equals("gmail.com")).count() / (double) N;
            // Binomial standard deviation at n = 5,000 is at most 0.007; allow four of them.
            assertThat(personal).as("gmail share at ratio %s", ratio).isCloseTo(1 - ratio, within(0.03));
        }
    }

    @Test
    void gmail_addresses_should_look_personal() {
        List<Attendee> list = AttendeeGenerator.builder().seed(105).corporateRatio(0).build().generate(N);
        Set<String> locals = list.stream().map(a -> a.email().substring(0, a.email().indexOf('@'))).collect(Collectors.toSet());
        long withDigits = locals.stream().filter(l -> l.matches(".*[0-9]")).count();
        long withDot = locals.stream().filter(l -> l.contains(".")).count();
        // A mix of john.smith, johnsmith, john.smith84, johnsmith1987.
        assertThat(withDigits / (double) N).isBetween(0.35, 0.65);
        assertThat(withDot / (double) N).isBetween(0.45, 0.85);
        for (Attendee a : list.subList(0, 200)) {
            String local = a.email().substring(0, a.email().indexOf('@')).replaceAll("[0-9.]", "");
            String[] parts = a.name().toLowerCase(Locale.ROOT).split(" ");
            assertThat(local).as("%s for %s", a.email(), a.name()).startsWith(parts[0].replaceAll("[^a-z]", ""));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud-native", "security", "ai-ml", "healthcare-it"})
    void job_titles_should_follow_the_event_with_a_realistic_seniority_spread(String type) {
        EventProfile profile = EventProfiles.builtIn(type);
        Map<String, Level> levels = new HashMap<>();
        profile.roles().forEach(r -> r.titles().forEach(t -> levels.put(t.title(), t.level())));
        List<Attendee> list = attendees(type, 106);
        assertThat(list).allSatisfy(a -> assertThat(levels).containsKey(a.jobTitle()));
        Map<Level, Long> byLevel = list.stream().collect(Collectors.groupingBy(a -> levels.get(a.jobTitle()), Collectors.counting()));
        double ics = (byLevel.getOrDefault(Level.MID, 0L) + byLevel.getOrDefault(Level.SENIOR, 0L)
                + byLevel.getOrDefault(Level.JUNIOR, 0L) + byLevel.getOrDefault(Level.LEAD, 0L)) / (double) N;
        double cLevel = byLevel.getOrDefault(Level.C_LEVEL, 0L) / (double) N;
        double vp = byLevel.getOrDefault(Level.VP, 0L) / (double) N;
        assertThat(ics).as("individual contributors").isGreaterThan(0.5);
        assertThat(cLevel).as("C-level").isBetween(0.003, 0.08);
        assertThat(vp).as("VPs").isLessThan(0.10);
        // More founders and CTOs at startups than at enterprises.
        double startupC = share(list, a -> a.companySize() == CompanySize.STARTUP, a -> levels.get(a.jobTitle()) == Level.C_LEVEL);
        double enterpriseC = share(list, a -> a.companySize() == CompanySize.ENTERPRISE, a -> levels.get(a.jobTitle()) == Level.C_LEVEL);
        assertThat(startupC).as("C-level share at startups vs enterprises").isGreaterThan(3 * enterpriseC);
    }

    @Test
    void a_security_event_should_be_mostly_security_people() {
        List<Attendee> list = attendees("security", 107);
        long security = list.stream().map(a -> a.jobTitle().toLowerCase(Locale.ROOT))
                .filter(t -> t.contains("secur") || t.contains("ciso") || t.contains("threat") || t.contains("soc")
                        || t.contains("penetration") || t.contains("risk") || t.contains("incident") || t.contains("cyber")
                        || t.contains("compliance") || t.contains("identity") || t.contains("vulnerab") || t.contains("forensic")
                        || t.contains("red team") || t.contains("privacy") || t.contains("grc") || t.contains("appsec")
                        || t.contains("detection") || t.contains("malware"))
                .count();
        assertThat(security / (double) N).as("security titles at a security event").isGreaterThan(0.55);
    }

    @Test
    void interests_should_follow_titles_and_industries() {
        EventProfile profile = EventProfiles.builtIn("cloud-native");
        List<Attendee> list = attendees("cloud-native", 108);
        double overall = share(list, a -> true, a -> a.productInterests().contains("Security"));
        double securityTitles = share(list, a -> a.jobTitle().toLowerCase(Locale.ROOT).contains("secur"),
                a -> a.productInterests().contains("Security"));
        assertThat(securityTitles).as("Security interest among security titles vs overall").isGreaterThan(1.4 * overall);
        // Every interest is from the catalogue, catalogue order, no duplicates.
        List<String> catalogue = profile.interestNames();
        assertThat(list).allSatisfy(a -> {
            assertThat(a.productInterests()).isNotEmpty().doesNotHaveDuplicates();
            assertThat(catalogue).containsAll(a.productInterests());
            List<Integer> positions = a.productInterests().stream().map(catalogue::indexOf).toList();
            assertThat(positions).isSorted();
        });
        // Industry multipliers show: find the strongest-boosted (industry, interest) pair and compare.
        Map.Entry<String, Map<String, Double>> boosted = profile.industryInterests().entrySet().iterator().next();
        Map.Entry<String, Double> best = boosted.getValue().entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        if (best.getValue() >= 1.5) {
            double inIndustry = share(list, a -> a.industry().label().equals(boosted.getKey()),
                    a -> a.productInterests().contains(best.getKey()));
            double elsewhere = share(list, a -> !a.industry().label().equals(boosted.getKey()),
                    a -> a.productInterests().contains(best.getKey()));
            assertThat(inIndustry).as("%s in %s vs elsewhere", best.getKey(), boosted.getKey()).isGreaterThan(elsewhere);
        }
    }

    @Test
    void booths_should_follow_interests_and_be_distinct() {
        EventProfile profile = EventProfiles.builtIn("cloud-native");
        Map<String, List<String>> shows = profile.booths().stream()
                .collect(Collectors.toMap(EventProfile.Booth::name, EventProfile.Booth::categories));
        List<Attendee> list = attendees("cloud-native", 109);
        long visits = 0;
        long matching = 0;
        for (Attendee a : list) {
            assertThat(a.boothVisited()).doesNotHaveDuplicates();
            for (String booth : a.boothVisited()) {
                visits++;
                if (shows.get(booth).stream().anyMatch(a.productInterests()::contains)) {
                    matching++;
                }
            }
        }
        // By chance alone a booth matches an attendee's interests far less often.
        double chance = list.stream().mapToDouble(a -> shows.values().stream()
                .filter(c -> c.stream().anyMatch(a.productInterests()::contains)).count() / (double) shows.size())
                .average().orElseThrow();
        assertThat(matching / (double) visits).as("visits to booths showing one of my interests").isGreaterThan(chance + 0.3);
        assertThat(list.stream().filter(a -> a.boothVisited().isEmpty()).count()).as("some visit no booth").isPositive();
    }

    @Test
    void arrivals_should_follow_the_daily_curve_inside_dates_and_hours() {
        LocalDate from = LocalDate.of(2026, 6, 2);
        LocalDate to = LocalDate.of(2026, 6, 4);
        List<Attendee> list = AttendeeGenerator.builder().seed(110).dates(from, to)
                .dailyHours(LocalTime.of(8, 0), LocalTime.of(18, 0)).build().generate(N);
        assertThat(list).allSatisfy(a -> {
            assertThat(a.attendanceTime().toLocalDate()).isBetween(from, to);
            assertThat(a.attendanceTime().toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(17, 59, 59));
            long lead = ChronoUnit.DAYS.between(a.createdAt().toLocalDate(), from);
            assertThat(lead).as("registration lead days").isBetween(1L, 150L);
        });
        long morning = count(list, 8, 10);
        long lunch = count(list, 12, 13);
        long late = count(list, 16, 18);
        assertThat(morning / 2.0).as("per-hour arrivals 8-10 vs 12-13").isGreaterThan(1.5 * lunch);
        assertThat(morning / 2.0).as("per-hour arrivals 8-10 vs 16-18").isGreaterThan(2.0 * late / 2.0);
        long firstDay = list.stream().filter(a -> a.attendanceTime().toLocalDate().equals(from)).count();
        long lastDay = list.stream().filter(a -> a.attendanceTime().toLocalDate().equals(to)).count();
        assertThat(firstDay).as("day one is the busiest").isGreaterThan(lastDay);
    }

    @Test
    void big_companies_should_send_more_people_and_companies_should_grow_with_the_run() {
        List<Attendee> list = attendees("cloud-native", 111);
        Map<CompanySize, Double> perCompany = new HashMap<>();
        for (CompanySize size : CompanySize.values()) {
            List<Attendee> ofSize = list.stream().filter(a -> a.companySize() == size).toList();
            perCompany.put(size, ofSize.size() / (double) ofSize.stream().map(Attendee::company).distinct().count());
        }
        assertThat(perCompany.get(CompanySize.ENTERPRISE)).isGreaterThan(2 * perCompany.get(CompanySize.MID_MARKET) / 1.5);
        assertThat(perCompany.get(CompanySize.MID_MARKET)).isGreaterThan(perCompany.get(CompanySize.SMB));
        assertThat(perCompany.get(CompanySize.SMB)).isGreaterThan(perCompany.get(CompanySize.STARTUP));
        assertThat(perCompany.get(CompanySize.ENTERPRISE)).isGreaterThan(3 * perCompany.get(CompanySize.STARTUP));

        long at5k = list.stream().map(Attendee::company).distinct().count();
        long at100k = AttendeeGenerator.builder().eventType("cloud-native").seed(111).build()
                .stream(100_000).map(Attendee::company).distinct().count();
        assertThat(at5k).as("companies at 5,000 attendees").isGreaterThan(300);
        assertThat(at100k).as("companies at 100,000 attendees").isGreaterThan(4 * at5k);
        // Every size is represented and the size mix is believable.
        Map<CompanySize, Long> bySize = list.stream().collect(Collectors.groupingBy(Attendee::companySize, Collectors.counting()));
        assertThat(bySize.keySet()).containsExactlyInAnyOrder(CompanySize.values());
        assertThat(bySize.get(CompanySize.ENTERPRISE)).isGreaterThan(bySize.get(CompanySize.STARTUP));
    }

    @ParameterizedTest
    @ValueSource(ints = {20_000, 200_000})
    void no_company_should_send_more_people_than_its_size_allows(int count) {
        Map<String, Long> perCompany = new HashMap<>();
        Map<String, CompanySize> size = new HashMap<>();
        AttendeeGenerator.builder().event("KubeCon North America 2026").seed(count).build().stream(count).forEach(a -> {
            perCompany.merge(a.company(), 1L, Long::sum);
            size.put(a.company(), a.companySize());
        });
        Map<CompanySize, Long> most = new HashMap<>();
        perCompany.forEach((company, n) -> most.merge(size.get(company), n, Math::max));
        assertThat(most.get(CompanySize.STARTUP)).as("most people from one startup").isLessThanOrEqualTo(7);
        assertThat(most.get(CompanySize.SMB)).as("most people from one SMB").isLessThanOrEqualTo(31);
        assertThat(most.get(CompanySize.MID_MARKET)).as("most people from one mid-market company").isLessThanOrEqualTo(124);
        long largest = perCompany.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(largest / (double) count).as("the largest company's share of the crowd").isLessThan(count >= 200_000 ? 0.01 : 0.04);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cloud-native", "security", "ai-ml", "data-analytics", "fintech", "healthcare-it"})
    void a_chief_office_should_have_one_holder_per_company_and_founders_small_companies(String type) {
        Map<String, Long> holders = new HashMap<>();
        AttendeeGenerator.builder().eventType(type).seed(113).build().stream(40_000).forEach(a -> {
            String office = office(a.jobTitle());
            if (office != null) {
                holders.merge(a.company() + " / " + office, 1L, Long::sum);
            }
            if (a.jobTitle().toLowerCase(Locale.ROOT).contains("founder")) {
                assertThat(a.companySize()).as("%s at %s", a.jobTitle(), a.company()).isIn(CompanySize.STARTUP, CompanySize.SMB);
            }
        });
        assertThat(holders).isNotEmpty();
        assertThat(holders).allSatisfy((office, n) -> assertThat(n).as(office).isEqualTo(1));
    }

    /** The office a title holds, spelled one way: "Co-Founder & CTO" and "Chief Technology Officer" are one. */
    private static String office(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        boolean founder = t.contains("founder");
        t = (" " + t.replaceAll("\\b(co-?)?founders?\\b|&", " ") + " ")
                .replace(" ceo ", " chief executive officer ").replace(" cto ", " chief technology officer ")
                .replace(" cio ", " chief information officer ").replace(" ciso ", " chief information security officer ")
                .replaceAll("\\s+", " ").strip();
        if (t.contains("chief") || t.matches(".*\\bc[a-z]{1,3}o\\b.*")) {
            return t;
        }
        return founder ? "chief executive officer" : null;
    }

    @Test
    void cisos_should_work_at_companies_big_enough_to_have_one() {
        Map<CompanySize, Long> cisos = AttendeeGenerator.builder().seed(114).build().stream(200_000)
                .filter(a -> a.jobTitle().equals("Chief Information Security Officer"))
                .collect(Collectors.groupingBy(Attendee::companySize, Collectors.counting()));
        long big = cisos.getOrDefault(CompanySize.MID_MARKET, 0L) + cisos.getOrDefault(CompanySize.ENTERPRISE, 0L);
        assertThat(big).as("CISOs at mid-market companies and enterprises, of %s", cisos)
                .isGreaterThan(3 * cisos.getOrDefault(CompanySize.STARTUP, 0L));
    }

    @Test
    void titles_should_pull_their_own_topics_at_a_cloud_native_event() {
        List<Attendee> list = AttendeeGenerator.builder().seed(115).build().generate(20_000);
        for (String[] pull : new String[][] {{"secur|ciso", "Security"}, {"machine learning|\\bml\\b|mlops", "AI/ML"},
                {"data engineer|database|\\bdba\\b", "Databases"}}) {
            java.util.regex.Pattern title = java.util.regex.Pattern.compile(pull[0], java.util.regex.Pattern.CASE_INSENSITIVE);
            double inGroup = share(list, a -> title.matcher(a.jobTitle()).find(), a -> a.productInterests().contains(pull[1]));
            double overall = share(list, a -> true, a -> a.productInterests().contains(pull[1]));
            assertThat(inGroup).as("%s among titles matching %s", pull[1], pull[0]).isGreaterThan(0.6);
            assertThat(inGroup / overall).as("lift of %s among titles matching %s", pull[1], pull[0]).isGreaterThan(2.5);
        }
        double cisos = share(list, a -> a.jobTitle().equals("Chief Information Security Officer"),
                a -> a.productInterests().contains("Security"));
        assertThat(cisos).as("Security among CISOs").isGreaterThan(0.6);
    }

    @Test
    void undeliverable_mode_should_use_only_reserved_domains() {
        List<Attendee> list = AttendeeGenerator.builder().seed(112).locale("international").undeliverableEmails(true)
                .build().generate(N);
        assertThat(list).allSatisfy(a -> assertThat(domain(a.email())).matches(".*\\.test|example\\.com"));
        assertThat(list.stream().map(Attendee::email).distinct().count()).isEqualTo(N);
    }

    private static long count(List<Attendee> list, int fromHour, int toHour) {
        return list.stream().filter(a -> a.attendanceTime().getHour() >= fromHour && a.attendanceTime().getHour() < toHour).count();
    }

    private static double share(List<Attendee> list, java.util.function.Predicate<Attendee> group,
            java.util.function.Predicate<Attendee> property) {
        List<Attendee> members = list.stream().filter(group).toList();
        return members.isEmpty() ? 0 : members.stream().filter(property).count() / (double) members.size();
    }

    static String domain(String email) {
        return email.substring(email.indexOf('@') + 1);
    }

    static boolean isPersonal(String domain) {
        return Set.of("gmail.com", "gmx.de", "web.de", "outlook.com", "hotmail.co.uk", "orange.fr", "free.fr",
                "laposte.net", "hotmail.es", "yahoo.es", "hotmail.com", "uol.com.br", "yahoo.co.jp", "yandex.ru",
                "mail.ru", "example.com").contains(domain);
    }

    private static String initials(String name) {
        return java.util.Arrays.stream(name.split(" ")).filter(w -> !w.isEmpty()).map(w -> w.substring(0, 1))
                .collect(Collectors.joining());
    }

    /** The pattern of a corporate address with the person's names replaced: first.last, flast ... */
    private static String shape(Attendee a) {
        String local = a.email().substring(0, a.email().indexOf('@')).replaceAll("[0-9]+$", "");
        String[] parts = a.name().split(" ");
        String first = ascii(parts[0]);
        String last = ascii(parts[parts.length - 1]);
        if (first.equals(last)) {
            return "ambiguous";
        }
        Map<String, String> full = Map.of(first + "." + last, "first.last", first + "_" + last, "first_last",
                first + "-" + last, "first-last", last + "." + first, "last.first");
        if (full.containsKey(local)) {
            return full.get(local);
        }
        if (local.equals(first.charAt(0) + "." + last)) {
            return "f.L";
        }
        if (local.equals(first.charAt(0) + last)) {
            return "fL";
        }
        if (local.equals(last + first.charAt(0))) {
            return "Lf";
        }
        return "?" + local;
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
