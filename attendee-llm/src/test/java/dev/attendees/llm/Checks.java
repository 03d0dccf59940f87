package dev.attendees.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.GenerationOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What every run must give: the count, ids in order, valid records, no duplicates, consistent companies. */
final class Checks {
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}");

    private Checks() {}

    static void assertValidRun(List<Attendee> attendees, int count, GenerationOptions o) {
        assertThat(attendees).hasSize(count);
        Set<String> emails = new HashSet<>();
        Set<String> people = new HashSet<>();
        Map<String, String> domains = new HashMap<>();
        Map<String, String> facts = new HashMap<>();
        for (int i = 0; i < attendees.size(); i++) {
            Attendee a = attendees.get(i);
            assertThat(a.id()).isEqualTo(i + 1);
            assertThat(a.email()).matches(EMAIL);
            assertThat(emails.add(a.email())).as("duplicate e-mail %s", a.email()).isTrue();
            assertThat(people.add(a.name().toLowerCase() + "|" + a.company().toLowerCase())).as("duplicate person %s", a.name()).isTrue();
            assertThat(a.eventName()).isEqualTo(o.eventName());
            assertThat(a.industry()).isNotNull();
            assertThat(a.companySize()).isNotNull();
            assertThat(a.productInterests()).isNotEmpty().isSubsetOf(o.interests());
            assertThat(a.boothVisited()).isSubsetOf(o.booths());
            assertThat(a.attendanceTime().toLocalDate()).isBetween(o.from(), o.to());
            assertThat(a.attendanceTime().toLocalTime()).isBetween(o.dailyOpen(), o.dailyClose());
            assertThat(a.createdAt()).isBefore(a.attendanceTime());
            String fact = a.industry() + "|" + a.companySize();
            String before = facts.putIfAbsent(a.company(), fact);
            assertThat(before == null || before.equals(fact)).as("company %s changed industry or size", a.company()).isTrue();
            String domain = a.email().substring(a.email().indexOf('@') + 1);
            if (!dev.attendees.llm.internal.Vocabulary.PERSONAL_DOMAINS.contains(domain)) {
                String known = domains.putIfAbsent(a.company(), domain);
                assertThat(known == null || known.equals(domain)).as("company %s has domains %s and %s", a.company(), known, domain).isTrue();
            }
        }
    }
}
