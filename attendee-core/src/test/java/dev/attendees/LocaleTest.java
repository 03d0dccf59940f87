package dev.attendees;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LocaleTest {
    private static List<Attendee> crowd(String locale, int n) {
        return AttendeeGenerator.builder().seed(21).locale(locale).build().generate(n);
    }

    private static String local(Attendee a) {
        return a.email().substring(0, a.email().indexOf('@'));
    }

    @Test
    void german_names_should_fold_umlauts_into_ascii_addresses() {
        List<Attendee> list = crowd("de-DE", 5_000);
        List<Attendee> umlauts = list.stream().filter(a -> a.name().matches(".*[äöüÄÖÜß].*")).toList();
        assertThat(umlauts).as("German names with umlauts").hasSizeGreaterThan(50);
        for (Attendee a : umlauts) {
            assertThat(a.email()).matches("[a-z0-9._-]+@.+");
            if (a.name().contains("ü") && local(a).contains(".")) {
                assertThat(local(a)).containsAnyOf("ue", "u");
            }
        }
        assertThat(list.stream().map(a -> a.email().substring(a.email().indexOf('@') + 1)).collect(Collectors.toSet()))
                .contains("gmx.de", "web.de", "gmail.com");
    }

    @Test
    void should_fold_a_name_with_umlaut_to_its_german_transcription() {
        Attendee mueller = crowd("de-DE", 20_000).stream()
                .filter(a -> a.name().endsWith(" Müller") && local(a).contains("."))
                .findFirst().orElseThrow();
        assertThat(local(mueller)).contains("mueller");
    }

    @Test
    void japanese_names_should_be_native_script_family_first_with_romaji_addresses() {
        List<Attendee> list = crowd("ja-JP", 2_000);
        assertThat(list).allSatisfy(a -> {
            assertThat(a.name()).matches("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}々ヶ]+ [\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}々ヶ]+");
            assertThat(a.email()).matches("[a-z0-9._-]+@[a-z0-9.-]+");
        });
        Attendee sato = AttendeeGenerator.builder().seed(21).locale("ja-JP").corporateRatio(1).build().stream(50_000)
                .filter(a -> a.name().startsWith("佐藤 ") && local(a).contains("."))
                .findFirst().orElseThrow();
        assertThat(local(sato)).contains("sato");
    }

    @Test
    void russian_names_should_be_cyrillic_with_transliterated_addresses_and_gendered_surnames() {
        List<Attendee> list = crowd("ru-RU", 2_000);
        assertThat(list).allSatisfy(a -> {
            assertThat(a.name()).matches("[\\p{IsCyrillic}-]+ [\\p{IsCyrillic}-]+");
            assertThat(a.email()).matches("[a-z0-9._-]+@[a-z0-9.-]+");
        });
        // Женщины носят женскую форму фамилии: Анна Иванова, not Анна Иванов.
        assertThat(list.stream().filter(a -> a.name().startsWith("Анна ")))
                .allSatisfy(a -> assertThat(a.name()).matches(".* .*(а|я|ая)"));
    }

    @Test
    void an_international_crowd_should_mix_locales_by_weight() {
        List<Attendee> list = crowd("international", 5_000);
        long japanese = list.stream().filter(a -> a.name().matches(".*\\p{IsHan}.*")).count();
        long russian = list.stream().filter(a -> a.name().matches(".*\\p{IsCyrillic}.*")).count();
        assertThat(japanese / 5_000.0).isBetween(0.05, 0.11);
        assertThat(russian / 5_000.0).isBetween(0.03, 0.09);
        assertThat(list.stream().map(Attendee::email).distinct().count()).isEqualTo(5_000);
    }

    @Test
    void should_accept_weighted_mixes_and_underscored_tags() {
        List<Attendee> list = crowd("en_us:1,ja-jp:3", 4_000);
        long japanese = list.stream().filter(a -> a.name().matches(".*\\p{IsHan}.*")).count();
        assertThat(japanese / 4_000.0).isBetween(0.70, 0.80);
    }

    @Test
    void names_should_be_diverse() {
        for (String locale : List.of("en-US", "fr-FR", "es-ES", "pt-BR")) {
            List<Attendee> list = crowd(locale, 5_000);
            Set<String> firsts = list.stream().map(a -> a.name().split(" ")[0]).collect(Collectors.toSet());
            Map<Boolean, Long> unique = list.stream().collect(Collectors.partitioningBy(a -> true, Collectors.counting()));
            assertThat(firsts).as("distinct first names, %s", locale).hasSizeGreaterThan(60);
            assertThat(unique.get(true)).isEqualTo(5_000);
        }
    }
}
