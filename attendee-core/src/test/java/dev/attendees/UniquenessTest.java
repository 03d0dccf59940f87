package dev.attendees;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** E-mails stay unique at scale with no retries: each address family draws its name keys from a bijection. */
class UniquenessTest {

    @Test
    void a_million_attendees_should_have_a_million_distinct_emails() {
        AttendeeGenerator generator = AttendeeGenerator.builder().seed(2026).build();
        Set<String> emails = ConcurrentHashMap.newKeySet(1 << 21);
        generator.stream(1_000_000).parallel().forEach(a -> emails.add(a.email()));
        assertThat(emails).hasSize(1_000_000);
    }

    @Test
    void large_runs_should_keep_corporate_addresses_plausible() {
        // Past a name space's first tier, corporate addresses take a middle initial that the name
        // shows too (Warren A. Harris, waharris@ibm.com), before any digits.
        java.util.List<Attendee> list = AttendeeGenerator.builder().seed(9).corporateRatio(1).build().generate(150_000);
        long digits = list.stream().filter(a -> a.email().matches(".*[0-9]@.*")).count();
        assertThat(digits / 150_000.0).as("corporate addresses with digits at 150,000").isLessThan(0.01);
        java.util.List<Attendee> middle = list.stream().filter(a -> a.name().matches(".+ [A-Z]\\. .+")).toList();
        assertThat(middle).isNotEmpty().allSatisfy(a -> {
            String initial = a.name().replaceAll(".+ ([A-Z])\\. .+", "$1").toLowerCase(java.util.Locale.ROOT);
            String local = a.email().substring(0, a.email().indexOf('@'));
            assertThat(local).as("%s <%s>", a.name(), a.email()).contains(initial);
        });
        assertThat(list.stream().map(Attendee::email).distinct().count()).isEqualTo(150_000);
    }

    @Test
    void mixed_locale_crowds_should_stay_unique_across_middle_initials_and_run_together_names() {
        // Two locales' names can spell each other: c + storp (de) and c + s + torp (en, middle
        // initial), fatimah + orn and fatima + horn. The whole crowd's names are checked.
        java.util.Map<String, AttendeeGenerator> runs = java.util.Map.of(
                "en-US:1,de-DE:1 corporate", AttendeeGenerator.builder().seed(42).locale("en-US:1,de-DE:1").corporateRatio(1).build(),
                "international personal", AttendeeGenerator.builder().seed(42).locale("international").corporateRatio(0)
                        .undeliverableEmails(true).build(),
                "ru/ja/fr/es/pt security", AttendeeGenerator.builder().seed(7).eventType("security")
                        .locale("ru-RU,ja-JP,fr-FR,es-ES,pt-BR").undeliverableEmails(true).build());
        runs.forEach((name, generator) -> {
            Set<String> emails = ConcurrentHashMap.newKeySet(1 << 19);
            generator.stream(250_000).parallel().forEach(a -> emails.add(a.email()));
            assertThat(emails).as(name).hasSize(250_000);
        });
    }

    @Test
    void a_small_name_pool_should_stay_unique_past_its_capacity() {
        // ja-JP has ~500 x ~300 names and 20-odd initials: 300,000 attendees run through many tiers.
        AttendeeGenerator generator = AttendeeGenerator.builder().seed(7).locale("ja-JP").build();
        Set<String> emails = ConcurrentHashMap.newKeySet(1 << 19);
        generator.stream(300_000).parallel().forEach(a -> emails.add(a.email()));
        assertThat(emails).hasSize(300_000);
    }
}
