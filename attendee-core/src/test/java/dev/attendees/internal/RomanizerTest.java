package dev.attendees.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RomanizerTest {
    @Test
    void should_fold_names_into_plain_ascii() {
        assertThat(Romanizer.ascii("Müller", "de")).isEqualTo("mueller");
        assertThat(Romanizer.ascii("Jürgen Groß", "de")).isEqualTo("juergengross");
        assertThat(Romanizer.ascii("José", "es")).isEqualTo("jose");
        assertThat(Romanizer.ascii("Müller", "en")).isEqualTo("muller");
        assertThat(Romanizer.ascii("O'Brien-Smith", "en")).isEqualTo("obriensmith");
        assertThat(Romanizer.ascii("da Conceição", "pt")).isEqualTo("daconceicao");
        assertThat(Romanizer.ascii("Смирнов", "ru")).isEqualTo("smirnov");
        assertThat(Romanizer.ascii("Щукина", "ru")).isEqualTo("shchukina");
        assertThat(Romanizer.ascii("Юлия", "ru")).isEqualTo("yuliya");
        assertThat(Romanizer.ascii("Łukasz Søren Æbelø", "pl")).isEqualTo("lukaszsorenaebelo");
    }
}
