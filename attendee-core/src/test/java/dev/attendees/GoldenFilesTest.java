package dev.attendees;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reproducible across releases: the first attendees of a few fixed seeds, event types and locales
 * are committed under {@code src/test/resources/golden/v<DATA_VERSION>/}. A change that alters them
 * fails here. If the change is on purpose, bump {@link AttendeeGenerator#DATA_VERSION}, note it in
 * {@code docs/CHANGELOG.md}, and write the new fixtures with
 * {@code ./mvnw -pl attendee-core test -Dtest=GoldenFilesTest -Dattendees.golden.update=true}.
 */
class GoldenFilesTest {
    private static final int COUNT = 25;
    private static final Path DIR = Path.of("src/test/resources/golden/v" + AttendeeGenerator.DATA_VERSION);

    @ParameterizedTest(name = "{0} seed {1} {2}")
    @CsvSource({
        "cloud-native, 42, en-US",
        "security, 7, en-US",
        "ai-ml, 2026, international",
        "fintech, 1, de-DE",
        "healthcare-it, 99, ja-JP",
        "data-analytics, 5, ru-RU"
    })
    void the_first_attendees_should_not_change_within_a_data_version(String type, long seed, String locale) throws IOException {
        check(type, seed, locale, 0);
    }

    /** Far into big runs, where companies have used up their people and made-up ones take their seats. */
    @ParameterizedTest(name = "{0} seed {1} {2} from {3}")
    @CsvSource({
        "cloud-native, 42, en-US, 1000000",
        "security, 7, international, 250000",
    })
    void attendees_deep_in_a_big_run_should_not_change_within_a_data_version(String type, long seed, String locale, long from)
            throws IOException {
        check(type, seed, locale, from);
    }

    private static void check(String type, long seed, String locale, long from) throws IOException {
        AttendeeGenerator generator = AttendeeGenerator.builder().eventType(type).seed(seed).locale(locale).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (AttendeeFileSink sink = AttendeeFormat.CSV.open(out)) {
            sink.write(generator.slice(from, from + COUNT));
            sink.commit();
        }
        String actual = out.toString(StandardCharsets.UTF_8);
        Path file = DIR.resolve(type + "-seed" + seed + "-" + locale + (from == 0 ? "" : "-from" + from) + ".csv");
        if (Boolean.getBoolean("attendees.golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s: missing for data version %d; write it with -Dattendees.golden.update=true",
                file, AttendeeGenerator.DATA_VERSION).exists();
        assertThat(actual)
                .as("The attendees of seed %d (%s, %s) changed. If that is on purpose, bump AttendeeGenerator.DATA_VERSION,"
                        + " add a docs/CHANGELOG.md entry and rewrite the fixtures with -Dattendees.golden.update=true", seed, type, locale)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
