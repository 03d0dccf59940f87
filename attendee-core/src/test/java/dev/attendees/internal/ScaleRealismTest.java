package dev.attendees.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.CompanySize;
import dev.attendees.profile.EventProfile;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Head counts and offices at every scale, checked against each attendee's own company (its head
 * count and limit are not in the record): runs of 5,000 to 1,000,000 attendees of every event type
 * and several locales.
 */
class ScaleRealismTest {

    /** What one run showed about one company. */
    private static final class Seen {
        final CompanyInfo company;
        final LongAdder attendees = new LongAdder();
        final Map<String, LongAdder> offices = new ConcurrentHashMap<>();

        Seen(CompanyInfo company) {
            this.company = company;
        }
    }

    @ParameterizedTest(name = "{0}, {1}, {2} attendees")
    @CsvSource({
        "cloud-native, en-US, 1000000",
        "security, de-DE, 200000",
        "ai-ml, international, 200000",
        "data-analytics, ja-JP, 20000",
        "fintech, fr-FR, 20000",
        "healthcare-it, en-GB, 5000",
        "cloud-native, pt-BR, 5000",
    })
    void no_company_should_pass_its_limit_nor_hold_an_office_twice(String type, String locale, int count) {
        AttendeeGenerator generator = AttendeeGenerator.builder().eventType(type).locale(locale).seed(count + 17L).build();
        OfflineEngine engine = (OfflineEngine) generator.source();
        EventProfile profile = generator.options().profile();
        Map<String, String> officeOf = new HashMap<>();
        Set<String> founders = new java.util.HashSet<>();
        profile.roles().forEach(r -> r.titles().forEach(t -> {
            String office = Titles.officeKey(t);
            if (office != null) {
                officeOf.put(t.title(), office);
            }
            if (t.title().toLowerCase(java.util.Locale.ROOT).contains("founder")) {
                founders.add(t.title());
            }
        }));
        Map<String, Seen> companies = new ConcurrentHashMap<>();
        LongStream.range(0, count).parallel().forEach(i -> {
            CompanyInfo[] company = new CompanyInfo[1];
            Attendee a = engine.attendee(i, company);
            assertThat(a.company()).isEqualTo(company[0].name);
            Seen seen = companies.computeIfAbsent(a.company(), name -> new Seen(company[0]));
            seen.attendees.increment();
            String office = officeOf.get(a.jobTitle());
            if (office != null) {
                seen.offices.computeIfAbsent(office, o -> new LongAdder()).increment();
            }
            if (founders.contains(a.jobTitle())) {
                assertThat(a.companySize()).as("%s at %s", a.jobTitle(), a.company())
                        .isIn(CompanySize.STARTUP, CompanySize.SMB);
            }
        });

        long largest = 0;
        for (Seen seen : companies.values()) {
            CompanyInfo c = seen.company;
            long sent = seen.attendees.sum();
            largest = Math.max(largest, sent);
            assertThat(c.employees()).as("head count of %s (%s)", c.name, c.size)
                    .isBetween((long) c.size.minEmployees(), (long) c.size.maxEmployees());
            assertThat(sent).as("attendees from %s, %s people", c.name, c.employees()).isLessThanOrEqualTo(c.limit());
            seen.offices.forEach((office, holders) ->
                    assertThat(holders.sum()).as("holders of %s at %s", office, c.name).isEqualTo(1));
        }
        // The size bands' limits: a handful from a startup, a few dozen at most from an SMB.
        Map<CompanySize, Long> most = new HashMap<>();
        companies.values().forEach(s -> most.merge(s.company.size, s.attendees.sum(), Math::max));
        assertThat(most.getOrDefault(CompanySize.STARTUP, 0L)).as("most from one startup").isLessThanOrEqualTo(7);
        assertThat(most.getOrDefault(CompanySize.SMB, 0L)).as("most from one SMB").isLessThanOrEqualTo(31);
        assertThat(most.getOrDefault(CompanySize.MID_MARKET, 0L)).as("most from one mid-market company").isLessThanOrEqualTo(124);
        // One company is a small share of a big crowd.
        if (count >= 200_000) {
            assertThat(largest / (double) count).as("largest company's share").isLessThan(count >= 1_000_000 ? 0.002 : 0.01);
        }
        // Companies grow with the run: on average a company sends at most a few dozen people.
        assertThat(count / (double) companies.size()).as("attendees per company").isBetween(1.5, 30.0);
    }

    @ParameterizedTest
    @CsvSource({"Startup, 1, 1", "Startup, 50, 7", "SMB, 500, 31", "Mid-Market, 5000, 124", "Enterprise, 180000, 1067"})
    void the_limit_should_grow_slower_than_the_head_count(String size, long employees, int limit) {
        assertThat(Headcount.limit(employees)).isEqualTo(limit);
        assertThat(Headcount.employeesFor(limit)).isLessThanOrEqualTo(employees);
        assertThat(Headcount.limit(Headcount.employeesFor(limit))).isGreaterThanOrEqualTo(limit);
        if (Headcount.employeesFor(limit) > 1) {
            assertThat(Headcount.limit(Headcount.employeesFor(limit) - 1)).isLessThan(limit);
        }
        long drawn = Headcount.draw(CompanySize.fromLabel(size), 0.5, limit);
        assertThat(drawn).isBetween(Math.max(CompanySize.fromLabel(size).minEmployees(), Headcount.employeesFor(limit)),
                Headcount.madeUpMax(CompanySize.fromLabel(size)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CTO|c-level|chief technology officer",
        "Co-Founder & CTO|c-level|chief technology officer",
        "Chief Technology Officer|c-level|chief technology officer",
        "Founder & CEO|c-level|chief executive officer",
        "Chief Information Security Officer|c-level|chief information security officer",
        "Field CISO|director|field chief information security officer",
        "Chief Architect|director|chief architect",
        "VP of Engineering|vp|",
        "Head of Data|director|",
    })
    void offices_should_be_named_alike_however_a_title_spells_them(String title, String level, String office) {
        EventProfile.Title t = new EventProfile.Title(title, dev.attendees.profile.Level.fromId(level), 1);
        assertThat(Titles.officeKey(t)).isEqualTo(office);
    }
}
