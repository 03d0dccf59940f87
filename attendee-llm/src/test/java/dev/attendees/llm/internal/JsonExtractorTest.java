package dev.attendees.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonExtractorTest {
    private static final String TWO = "{\"attendees\": [{\"email\": \"a@x.io\"}, {\"email\": \"b@x.io\"}]}";

    @Test
    void should_read_plain_json() {
        JsonExtractor.Extracted e = JsonExtractor.records(TWO);
        assertThat(e.complete()).isTrue();
        assertThat(e.records()).extracting(n -> n.get("email").asText()).containsExactly("a@x.io", "b@x.io");
    }

    @Test
    void should_find_json_in_prose_and_code_fences() {
        String reply = "Sure! Here you go [as asked]:\n```json\n" + TWO + "\n```\nAnything else?";
        assertThat(JsonExtractor.records(reply).records()).hasSize(2);
        assertThat(JsonExtractor.records("Here: " + TWO + " Enjoy {really}.").records()).hasSize(2);
    }

    @Test
    void should_accept_a_bare_array_a_single_record_and_trailing_commas() {
        assertThat(JsonExtractor.records("[{\"email\": \"a@x.io\"},]").records()).hasSize(1);
        assertThat(JsonExtractor.records("{\"email\": \"a@x.io\", \"name\": \"A B\"}").records()).hasSize(1);
        assertThat(JsonExtractor.records("{\"people\": [{\"email\": \"a@x.io\"}]}").records()).hasSize(1);
    }

    @Test
    void should_salvage_complete_records_from_a_cut_off_reply() {
        String cut = "{\"attendees\": [{\"email\": \"a@x.io\", \"product_interests\": [\"K8s\"]}, {\"email\": \"b@x.io\"}, {\"email\": \"c@";
        JsonExtractor.Extracted e = JsonExtractor.records(cut);
        assertThat(e.complete()).isFalse();
        assertThat(e.records()).extracting(n -> n.get("email").asText()).containsExactly("a@x.io", "b@x.io");
        assertThat(e.problem()).isEqualTo("the reply's JSON was cut off; kept the 2 complete records");
    }

    @Test
    void should_say_so_when_there_is_no_json() {
        assertThat(JsonExtractor.records("I cannot help with that.").problem()).isEqualTo("the reply had no readable JSON");
        assertThat(JsonExtractor.records("").problem()).isEqualTo("the reply was empty");
    }
}
