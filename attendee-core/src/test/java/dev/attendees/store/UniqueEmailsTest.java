package dev.attendees.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UniqueEmailsTest {

    private static Attendee person(String name, String email) {
        return new Attendee(1, name, email, "Acme", "E", null, null, null, null, List.of("Docker"), List.of(), "", null);
    }

    @Test
    void a_free_address_should_be_kept_and_taken() {
        UniqueEmails emails = new UniqueEmails();
        Attendee a = person("Ann Lee", "ann.lee@acme.io");
        assertThat(emails.admit(a)).isSameAs(a);
        assertThat(emails.taken("ANN.LEE@acme.io")).isTrue();
        assertThat(emails.adjusted()).isZero();
        assertThat(emails.size()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "Ann Lee, ann.lee@acme.io, ann\\.([a-z])\\.lee@acme\\.io",
        "Ann Lee, ann_lee@acme.io, ann_([a-z])_lee@acme\\.io",
        "Ann Lee, ann-lee@acme.io, ann-([a-z])-lee@acme\\.io",
        "Ann Lee, lee.ann@acme.io, lee\\.ann\\.([a-z])@acme\\.io",
        "Ann Lee, alee@acme.io, a([a-z])lee@acme\\.io",
        "Ann Lee, a.lee@acme.io, a\\.([a-z])\\.lee@acme\\.io",
        "Ann Lee, leea@acme.io, leea([a-z])@acme\\.io",
        "Ann Lee, annlee1987@gmail.com, ann([a-z])lee1987@gmail\\.com",
        "Jürgen Müller, juergen.mueller@firma.de, juergen\\.([a-z])\\.mueller@firma\\.de",
        "José Núñez, jose.nunez@empresa.es, jose\\.([a-z])\\.nunez@empresa\\.es",
    })
    void a_taken_address_should_move_to_a_middle_initial_that_the_name_shows(String name, String email, String moved) {
        UniqueEmails emails = new UniqueEmails();
        emails.take(email);
        Attendee a = emails.admit(person(name, email));
        assertThat(a.email()).matches(moved);
        char middle = a.email().replaceAll(moved, "$1").charAt(0);
        String[] words = name.split(" ");
        assertThat(a.name()).isEqualTo(words[0] + " " + Character.toUpperCase(middle) + ". " + words[1]);
        assertThat(emails.adjusted()).isEqualTo(1);
        assertThat(emails.taken(a.email())).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "Warren A. Harris, waharris@ibm.com, waharris2@ibm.com",
        "Warren A. Harris, waharris7@ibm.com, waharris8@ibm.com",
        "佐藤 太郎, taro.sato@example.jp, taro.sato2@example.jp",
        "Someone Else, not.the.name@example.com, not.the.name2@example.com",
    })
    void an_address_that_does_not_spell_a_plain_name_should_take_digits(String name, String email, String moved) {
        UniqueEmails emails = new UniqueEmails();
        emails.take(email);
        Attendee a = emails.admit(person(name, email));
        assertThat(a.email()).isEqualTo(moved);
        assertThat(a.name()).isEqualTo(name);
    }

    @Test
    void after_every_initial_digits_should_follow_and_every_address_stay_unique() {
        UniqueEmails emails = new UniqueEmails();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            Attendee a = emails.admit(person("Ann Lee", "ann.lee@acme.io"));
            assertThat(seen.add(a.email())).as(a.email()).isTrue();
        }
        assertThat(seen).filteredOn(e -> e.matches("ann\\.[a-z]\\.lee@acme\\.io")).hasSize(26);
        assertThat(seen).contains("ann.lee@acme.io", "ann.lee2@acme.io", "ann.lee14@acme.io");
        assertThat(emails.adjusted()).isEqualTo(39);
    }

    @Test
    void the_same_steps_should_give_the_same_addresses() {
        List<Attendee> people = AttendeeGenerator.builder().seed(3).build().generate(2_000);
        List<Attendee> first = twice(people);
        List<Attendee> second = twice(people);
        assertThat(first).isEqualTo(second);
        assertThat(first.stream().map(Attendee::email).distinct().count()).isEqualTo(4_000);
    }

    private static List<Attendee> twice(List<Attendee> people) {
        UniqueEmails emails = new UniqueEmails();
        List<Attendee> out = new java.util.ArrayList<>(emails.admit(people));
        out.addAll(emails.admit(people));
        assertThat(emails.adjusted()).isEqualTo(people.size());
        return out;
    }

    @Test
    void a_batch_without_moves_should_come_back_as_the_same_list() {
        List<Attendee> people = AttendeeGenerator.builder().seed(4).build().generate(100);
        assertThat(new UniqueEmails().admit(people)).isSameAs(people);
    }

    @Test
    void many_addresses_should_all_be_told_apart() {
        UniqueEmails emails = new UniqueEmails();
        for (int i = 0; i < 300_000; i++) {
            assertThat(emails.take("person" + i + "@example.com")).isTrue();
        }
        assertThat(emails.size()).isEqualTo(300_000);
        assertThat(emails.taken("person299999@example.com")).isTrue();
        assertThat(emails.taken("person300000@example.com")).isFalse();
    }
}
