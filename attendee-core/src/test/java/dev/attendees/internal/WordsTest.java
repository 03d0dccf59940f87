package dev.attendees.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.profile.EventProfile;
import dev.attendees.profile.EventProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void should_find_whole_words_only() {
        assertThat(Words.containsWord("cloud security engineer", "security")).isTrue();
        assertThat(Words.containsWord("securityops lead", "security")).isFalse();
        assertThat(Words.containsWord("devsecops", "sec")).isFalse();
        assertThat(Words.containsWord("ci/cd engineer", "ci/cd")).isTrue();
        assertThat(Words.containsWord("k8s2 admin", "k8s")).isFalse();
        assertThat(Words.containsWord("head of ai", "ai")).isTrue();
        assertThat(Words.containsWord("über-ai lead", "ai")).isTrue();
        assertThat(Words.containsWord("kubecon europe", "kubecon")).isTrue();
        assertThat(Words.containsWord("", "ai")).isFalse();
        assertThat(Words.containsWord("ai", "")).isFalse();
        assertThat(Words.containsWord("a  i", "")).isTrue();
    }

    @Test
    void should_answer_as_the_regular_expression_it_replaces() {
        // given every shipped title and event keyword, searched for every interest and keyword
        List<String> texts = new ArrayList<>(List.of("", " ", "x", "éai", "ai²", "aiⅣ", "a-i ai", "ai ai"));
        List<String> words = new ArrayList<>(List.of("", "ai", "a", "i"));
        for (EventProfile p : EventProfiles.builtIns()) {
            p.roles().forEach(r -> r.titles().forEach(t -> texts.add(t.title().toLowerCase(Locale.ROOT))));
            texts.add(p.defaultEventName().toLowerCase(Locale.ROOT));
            p.interestNames().forEach(n -> words.add(n.toLowerCase(Locale.ROOT)));
            p.eventNameKeywords().forEach(k -> words.add(k.toLowerCase(Locale.ROOT)));
        }

        for (String word : words) {
            Pattern regex = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])");
            for (String text : texts) {
                // when / then
                assertThat(Words.containsWord(text, word)).as("'%s' in '%s'", word, text)
                        .isEqualTo(regex.matcher(text).find());
            }
        }
    }
}
