package dev.attendees.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attendees.Industry;
import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tables the build compiles hold what their sources give: each shipped profile equals its
 * validated JSON file, each name table equals Datafaker's YAML read afresh, the compiled crowds'
 * ambiguous names equal computing them, and the company words equal their JSON file.
 */
class CompiledTablesTest {
    private static final JsonNode LOCALES = DatafakerNames.readJson("/dev/attendees/names/locales.json");

    @ParameterizedTest
    @MethodSource("profileIds")
    void a_compiled_profile_should_equal_its_json_file(String id) throws IOException {
        // given the shipped JSON file, read and validated as a user's file would be
        EventProfile json;
        try (InputStream in = getClass().getResourceAsStream("/dev/attendees/profiles/" + id + ".json")) {
            json = EventProfiles.read(in, id + ".json");
        }

        // when / then
        assertThat(CompiledProfiles.read(id)).isEqualTo(json);
        assertThat(EventProfiles.builtIn(id)).isEqualTo(json);
        assertThat(CompiledProfiles.keywords().get(id)).isEqualTo(json.eventNameKeywords());
    }

    static Stream<String> profileIds() {
        return EventProfiles.BUILT_IN_IDS.stream();
    }

    @ParameterizedTest
    @MethodSource("locales")
    void a_compiled_name_table_should_equal_datafakers_yaml(String tag) {
        // given
        JsonNode spec = LOCALES.path("locales").path(tag);
        String key = spec.path("root").asText();

        // when
        NameTables yaml = DatafakerNames.read(spec.path("resource").asText(), key,
                spec.hasNonNull("romaji") ? spec.path("romaji").asText() : null);
        NameTables compiled = NameTables.load(key);

        // then
        assertThat(compiled.firstDisplay).containsExactly(yaml.firstDisplay);
        assertThat(compiled.firstAscii).containsExactly(yaml.firstAscii);
        assertThat(compiled.firstFemale).containsExactly(yaml.firstFemale);
        assertThat(compiled.lastDisplayMale).containsExactly(yaml.lastDisplayMale);
        assertThat(compiled.lastDisplayFemale).containsExactly(yaml.lastDisplayFemale);
        assertThat(compiled.lastAsciiMale).containsExactly(yaml.lastAsciiMale);
        assertThat(compiled.lastAsciiFemale).containsExactly(yaml.lastAsciiFemale);
        assertThat(compiled.initialGroups).isDeepEqualTo(yaml.initialGroups);
    }

    static Stream<String> locales() {
        List<String> tags = new ArrayList<>();
        LOCALES.path("locales").fieldNames().forEachRemaining(tags::add);
        assertThat(tags).isEqualTo(Locales.supported());
        return tags.stream();
    }

    @Test
    void the_compiled_crowds_should_hold_the_ambiguous_names_computing_gives() {
        // given the crowds the build compiles: each name table alone, and the international mix's
        List<List<String>> crowds = new ArrayList<>();
        for (String tag : Locales.supported()) {
            List<String> alone = Locales.namesKeys(List.of(tag));
            if (!crowds.contains(alone)) {
                crowds.add(alone);
            }
        }
        crowds.add(Locales.namesKeys(Locales.internationalMix().keySet()));

        for (List<String> keys : crowds) {
            // when / then
            assertThat(Locales.compiledAmbiguity(keys)).as("crowd %s", keys).isNotNull()
                    .isEqualTo(Locales.computedAmbiguity(keys));
        }
        assertThat(Locales.compiledAmbiguity(List.of("de", "ja"))).as("a crowd the build did not compile").isNull();
    }

    @Test
    void the_compiled_locales_should_equal_locales_json() {
        assertThat(Locales.supported()).hasSize(LOCALES.path("locales").size());
        Map<String, Double> international = Locales.internationalMix();
        assertThat(international.keySet()).containsExactlyElementsOf(() -> LOCALES.path("international").fieldNames());
        international.forEach((tag, w) -> assertThat(w).isEqualTo(LOCALES.path("international").path(tag).asDouble()));
    }

    @Test
    void the_compiled_company_words_should_equal_their_json_file() {
        JsonNode json = DatafakerNames.readJson("/dev/attendees/names/company-names.json");
        CompanyWords words = CompanyWords.read();
        assertThat(words.prefixes()).containsExactly(strings(json.path("prefixes")));
        assertThat(words.roots()).containsExactly(strings(json.path("roots")));
        assertThat(words.qualifiers()).containsExactly(strings(json.path("qualifiers")));
        for (Industry industry : Industry.values()) {
            assertThat(words.suffixes().get(industry)).containsExactly(strings(json.path("suffixes").path(industry.label())));
            assertThat(words.tlds().get(industry)).containsExactly(strings(json.path("tlds").path(industry.label())));
        }
    }

    private static String[] strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            out.add(it.next().asText());
        }
        return out.toArray(new String[0]);
    }
}
