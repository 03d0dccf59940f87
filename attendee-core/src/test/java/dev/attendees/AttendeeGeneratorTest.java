package dev.attendees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttendeeGeneratorTest {

    private static AttendeeGenerator generator(long seed) {
        return AttendeeGenerator.builder().seed(seed).build();
    }

    private static byte[] csv(AttendeeGenerator generator, long count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AttendeeFileSink sink = AttendeeFormat.CSV.open(out)) {
            generator.writeTo(sink, count);
        }
        return out.toByteArray();
    }

    @Test
    void should_give_the_same_bytes_for_the_same_seed() {
        assertThat(csv(generator(42), 3_000)).isEqualTo(csv(generator(42), 3_000));
    }

    @Test
    void should_give_different_attendees_for_different_seeds() {
        List<Attendee> a = generator(1).generate(200);
        List<Attendee> b = generator(2).generate(200);
        long same = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).email().equals(b.get(i).email())) {
                same++;
            }
        }
        assertThat(same).isLessThan(5);
    }

    @Test
    void should_make_a_slice_equal_to_the_same_range_of_the_whole() {
        AttendeeGenerator g = generator(7);
        List<Attendee> whole = g.generate(2_000);
        assertThat(g.slice(1_234, 1_500)).isEqualTo(whole.subList(1_234, 1_500));
        assertThat(g.attendee(999)).isEqualTo(whole.get(999));
        assertThat(g.stream().skip(10).limit(5).toList()).isEqualTo(whole.subList(10, 15));
    }

    @Test
    void should_make_the_same_attendees_in_parallel_and_sequentially() {
        AttendeeGenerator parallel = AttendeeGenerator.builder().seed(11).threads(4).locale("international").build();
        AttendeeGenerator sequential = parallel.toBuilder().threads(1).build();
        assertThat(parallel.generate(60_000)).isEqualTo(sequential.generate(60_000));
        assertThat(csv(parallel, 50_000)).isEqualTo(csv(sequential, 50_000));
        assertThat(parallel.stream(30_000).parallel().toList()).isEqualTo(sequential.generate(30_000));
    }

    @Test
    void should_not_depend_on_the_iteration_order_of_a_callers_map() {
        java.util.Map<String, Double> forward = new java.util.LinkedHashMap<>();
        forward.put("en-US", 1.0);
        forward.put("de-DE", 1.0);
        forward.put("ja-JP", 1.0);
        java.util.Map<String, Double> backward = new java.util.LinkedHashMap<>();
        backward.put("ja-JP", 1.0);
        backward.put("de-DE", 1.0);
        backward.put("en-US", 1.0);
        assertThat(AttendeeGenerator.builder().seed(4).locales(forward).build().generate(2_000))
                .isEqualTo(AttendeeGenerator.builder().seed(4).locales(backward).build().generate(2_000));
    }

    @Test
    void should_reject_a_count_beyond_the_maximum() {
        assertThatThrownBy(() -> generator(1).writeTo(AttendeeFormat.CSV.open(new ByteArrayOutputStream()), Long.MAX_VALUE))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("count must be at most");
    }

    @Test
    void should_number_ids_from_one_in_order() {
        List<Attendee> list = generator(3).generate(100);
        for (int i = 0; i < list.size(); i++) {
            assertThat(list.get(i).id()).isEqualTo(i + 1);
        }
    }

    @Test
    void should_report_the_random_seed_it_chose_and_reproduce_with_it() {
        AttendeeGenerator random = AttendeeGenerator.builder().build();
        AttendeeGenerator again = AttendeeGenerator.builder().seed(random.seed()).build();
        assertThat(again.generate(50)).isEqualTo(random.generate(50));
        assertThat(random.toBuilder().build().seed()).isEqualTo(random.seed());
    }

    @Test
    void should_infer_the_event_type_from_the_event_name() {
        assertThat(AttendeeGenerator.builder().event("KubeCon Europe 2026").build().eventType()).isEqualTo("cloud-native");
        assertThat(AttendeeGenerator.builder().event("RSA Conference 2026").build().eventType()).isEqualTo("security");
        assertThat(AttendeeGenerator.builder().event("NeurIPS 2026").build().eventType()).isEqualTo("ai-ml");
        assertThat(AttendeeGenerator.builder().event("Money20/20 Europe").build().eventType()).isEqualTo("fintech");
        assertThat(AttendeeGenerator.builder().event("HIMSS 2026 Global Conference").build().eventType()).isEqualTo("healthcare-it");
        assertThat(AttendeeGenerator.builder().event("Family picnic").build().eventType()).isEqualTo("cloud-native");
        assertThat(AttendeeGenerator.builder().event("RSA Conference").eventType("fintech").build().eventType())
                .isEqualTo("fintech");
    }

    @Test
    void should_use_the_event_name_everywhere() {
        assertThat(AttendeeGenerator.builder().event("Acme DevDays").seed(1).build().generate(20))
                .extracting(Attendee::eventName).containsOnly("Acme DevDays");
    }

    @Test
    void should_reject_a_count_below_one() {
        assertThatThrownBy(() -> generator(1).generate(0))
                .isInstanceOf(ConfigurationException.class).hasMessage("count must be at least 1, was 0");
        assertThatThrownBy(() -> generator(1).stream(-5))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("count");
    }

    @Test
    void should_reject_a_ratio_outside_zero_to_one() {
        assertThatThrownBy(() -> AttendeeGenerator.builder().corporateRatio(1.5))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("corporate ratio must be between 0 and 1, was 1.5");
        assertThatThrownBy(() -> AttendeeGenerator.builder().corporateRatio(Double.NaN))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("corporate ratio");
    }

    @Test
    void should_keep_every_time_inside_the_four_digit_years_of_the_contract() {
        assertThatThrownBy(() -> AttendeeGenerator.builder().dates(LocalDate.of(10_000, 1, 1), LocalDate.of(10_000, 1, 3)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("event days must lie between 0001-06-01 and 9999-12-31")
                .hasMessageContaining("from +10000-01-01 to +10000-01-03 does not");
        assertThatThrownBy(() -> AttendeeGenerator.builder().dates(LocalDate.of(1, 2, 1), LocalDate.of(1, 2, 2)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("registrations come up to 150 days");
        AttendeeGenerator earliest = AttendeeGenerator.builder().seed(1).dates(LocalDate.of(1, 6, 1), LocalDate.of(1, 6, 2)).build();
        AttendeeGenerator latest = AttendeeGenerator.builder().seed(1).dates(LocalDate.of(9999, 12, 30), LocalDate.of(9999, 12, 31)).build();
        for (Attendee a : earliest.generate(2_000)) {
            assertThat(a.createdAt().getYear()).isEqualTo(1);
            assertThat(Attendee.formatTimestamp(a.createdAt())).matches("0001-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        }
        assertThat(latest.generate(2_000)).allSatisfy(a -> assertThat(a.attendanceTime().getYear()).isEqualTo(9999));
    }

    @Test
    void should_hold_the_event_in_the_year_its_name_gives() {
        AttendeeGenerator himss = AttendeeGenerator.builder().event("HIMSS 2027").build();
        assertThat(himss.eventType()).isEqualTo("healthcare-it");
        assertThat(himss.options().from().getYear()).isEqualTo(2027);
        assertThat(himss.options().to().getYear()).isEqualTo(2027);
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(himss.options().from(), himss.options().to()))
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(himss.options().profile().defaultDates().from(),
                        himss.options().profile().defaultDates().to()));
        assertThat(himss.options().from().getMonth()).isEqualTo(himss.options().profile().defaultDates().from().getMonth());
        assertThat(himss.generate(500)).allSatisfy(a -> assertThat(a.attendanceTime().getYear()).isEqualTo(2027));
        // A year in the past works the same way; a name without one keeps the type's dates.
        assertThat(AttendeeGenerator.builder().event("KubeCon Europe 2019").build().options().from().getYear()).isEqualTo(2019);
        assertThat(AttendeeGenerator.builder().event("Money20/20 Europe").build().options().from())
                .isEqualTo(dev.attendees.profile.EventProfiles.builtIn("fintech").defaultDates().from());
    }

    @Test
    void should_name_an_event_with_the_year_of_its_dates() {
        AttendeeGenerator g = AttendeeGenerator.builder().dates(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 3)).build();
        assertThat(g.options().eventName()).isEqualTo("CloudNativeCon 2027");
        assertThat(g.generate(5)).allSatisfy(a -> assertThat(a.eventName()).isEqualTo("CloudNativeCon 2027"));
        assertThat(AttendeeGenerator.builder().eventType("security").from(LocalDate.of(2030, 5, 4)).build().options()
                .eventName()).endsWith(" 2030").doesNotContain("2026");
        assertThat(AttendeeGenerator.builder().build().options().eventName()).isEqualTo("CloudNativeCon 2026");
    }

    @Test
    void should_refuse_a_name_and_dates_whose_years_disagree_naming_both() {
        assertThatThrownBy(() -> AttendeeGenerator.builder().event("HIMSS 2027")
                .dates(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("the event name 'HIMSS 2027' says 2027 but its dates, 2026-03-01 to 2026-03-03, are in 2026;"
                        + " give dates in 2027 or a name without a year");
        // Dates across the new year agree with either year.
        assertThat(AttendeeGenerator.builder().event("Winter Summit 2027")
                .dates(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 2)).build().options().eventName())
                .isEqualTo("Winter Summit 2027");
    }

    @Test
    void should_reject_from_after_to() {
        assertThatThrownBy(() -> AttendeeGenerator.builder().dates(LocalDate.of(2026, 5, 3), LocalDate.of(2026, 5, 1)))
                .isInstanceOf(ConfigurationException.class).hasMessage("from (2026-05-03) is after to (2026-05-01)");
        assertThatThrownBy(() -> AttendeeGenerator.builder().from(LocalDate.of(2026, 5, 3)).to(LocalDate.of(2026, 5, 1)).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("is after");
    }

    @Test
    void should_reject_an_unknown_event_type_and_list_the_known_ones() {
        assertThatThrownBy(() -> AttendeeGenerator.builder().eventType("gardening"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown event type 'gardening'")
                .hasMessageContaining("cloud-native, security, ai-ml, data-analytics, fintech, healthcare-it");
    }

    @Test
    void should_reject_an_unknown_interest_and_list_the_catalogue() {
        assertThatThrownBy(() -> AttendeeGenerator.builder().interests("Kubernetes", "Gardening").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown interest 'Gardening'")
                .hasMessageContaining("Kubernetes");
    }

    @Test
    void should_reject_an_unknown_locale_and_bad_hours() {
        assertThatThrownBy(() -> AttendeeGenerator.builder().locale("xx-YY"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown locale 'xx-YY'");
        assertThatThrownBy(() -> AttendeeGenerator.builder().dailyHours(LocalTime.of(18, 0), LocalTime.of(8, 0)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("open (18:00) must be before close (08:00)");
        assertThatThrownBy(() -> AttendeeGenerator.builder().threads(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("threads");
        assertThatThrownBy(() -> AttendeeGenerator.builder().locale("en-US:3,,de-DE"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("locale list 'en-US:3,,de-DE' has an empty item");
        assertThatThrownBy(() -> AttendeeGenerator.builder().locale("de-DE,en-US:2,de_de"))
                .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("locale de-DE is listed twice");
    }

    @Test
    void should_refuse_empty_and_repeated_items_in_interests_and_booths() {
        assertThatThrownBy(() -> AttendeeGenerator.builder().interests("Docker", " "))
                .isInstanceOf(ConfigurationException.class).hasMessage("interest list 'Docker, ' has an empty item");
        assertThatThrownBy(() -> AttendeeGenerator.builder().interests("Docker", "DOCKER "))
                .isInstanceOf(ConfigurationException.class).hasMessage("interest 'DOCKER' is listed twice");
        assertThatThrownBy(() -> AttendeeGenerator.builder().booths("Booth A", "Booth A"))
                .isInstanceOf(ConfigurationException.class).hasMessage("booth 'Booth A' is listed twice");
        assertThatThrownBy(() -> AttendeeGenerator.builder().booths("A;B"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must not contain ';'");
    }

    @Test
    void should_restrict_interests_and_booths_to_the_chosen_ones() {
        List<Attendee> list = AttendeeGenerator.builder().seed(5).interests("kubernetes", "Observability")
                .booths("Mission Control", "Docker Desk").build().generate(2_000);
        assertThat(list).allSatisfy(a -> {
            assertThat(a.productInterests()).isNotEmpty().isSubsetOf("Kubernetes", "Observability");
            assertThat(a.boothVisited()).isSubsetOf("Mission Control", "Docker Desk");
        });
        assertThat(list.stream().flatMap(a -> a.boothVisited().stream()).distinct()).hasSize(2);
    }
}
