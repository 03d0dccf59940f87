package dev.attendees.images.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import java.awt.Font;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class InitialsTest {
    private static final Font LATIN_ONLY = font(c -> c <= 0x24F);
    private static final Font EVERYTHING = font(c -> true);

    /** A font that can draw the characters {@code drawable} accepts, whatever this machine has installed. */
    private static Font font(IntPredicate drawable) {
        return new Font("DejaVu Sans", Font.BOLD, 16) {
            private static final long serialVersionUID = 1L;

            @Override
            public int canDisplayUpTo(String text) {
                for (int i = 0; i < text.length(); i++) {
                    if (!drawable.test(text.charAt(i))) {
                        return i;
                    }
                }
                return -1;
            }
        };
    }

    private static Attendee person(String name, String email) {
        return new Attendee(1, name, email, null, "Event", null, null, null, null, List.of(), List.of(), "", null);
    }

    @Test
    void should_take_the_first_and_last_names_first_letters() {
        assertThat(Initials.of(person("Warren A. Harris", "waharris@ibm.com"), LATIN_ONLY)).isEqualTo("WH");
        assertThat(Initials.of(person("Dr. Zoë O'Brien Jr.", "zoe@example.com"), LATIN_ONLY)).isEqualTo("ZO");
        assertThat(Initials.of(person("émile zola", "ez@example.com"), LATIN_ONLY)).isEqualTo("ÉZ");
    }

    @Test
    void should_keep_cyrillic_initials_when_the_font_has_them() {
        Attendee russian = person("Владислав Максимов", "vladislav.maksimov@robinhood.com");

        assertThat(Initials.of(russian, EVERYTHING)).isEqualTo("ВМ");
        assertThat(Initials.of(russian, LATIN_ONLY)).isEqualTo("VM");
    }

    @Test
    void should_give_japanese_names_the_family_name_character_or_the_romanized_address() {
        assertThat(Initials.of(person("松野 新", "arata.matsuno@robinhood.com"), EVERYTHING)).isEqualTo("松");
        assertThat(Initials.of(person("松野 新", "arata.matsuno@robinhood.com"), LATIN_ONLY)).isEqualTo("AM");
        assertThat(Initials.of(person("坂口 一輝", "kazukisakaguchi@yahoo.co.jp"), LATIN_ONLY)).isEqualTo("K");
    }

    @Test
    void should_give_nothing_when_neither_name_nor_address_has_a_letter() {
        assertThat(Initials.of(person("", "42@example.com"), LATIN_ONLY)).isEmpty();
        assertThat(Initials.of(person("Anna Berg", "anna@example.com"), null)).isEmpty();
    }

    @Test
    void should_romanize_from_the_address_ignoring_digits_and_separators() {
        assertThat(Initials.fromEmail("toru.honma1974@yahoo.co.jp")).isEqualTo("TH");
        assertThat(Initials.fromEmail("olson.juanita@jpmorganchase.com")).isEqualTo("OJ");
        assertThat(Initials.fromEmail("j_smith-99@example.com")).isEqualTo("JS");
        assertThat(Initials.fromEmail("")).isEmpty();
    }
}
