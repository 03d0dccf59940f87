package dev.attendees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The registry is process-wide: each test registers keys of its own, so that tests do not see each other's. */
class SecretsTest {

    /** A key no other test registers, shaped like an OpenAI key. */
    private static String newKey() {
        return "sk-qa-" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void should_mask_a_registered_key_wherever_it_stands() {
        String key = newKey();
        Secrets.register(key);

        String masked = Secrets.mask("401 {\"error\":\"bad key " + key + "\"} sent as Bearer:" + key + ".");

        assertThat(masked).isEqualTo("401 {\"error\":\"bad key ***\"} sent as Bearer:***.");
    }

    @Test
    void should_mask_a_quoted_part_of_eight_characters_or_more_as_openai_quotes_it() {
        String key = "sk-qa-SECRET-KEY-" + UUID.randomUUID().toString().substring(0, 8) + "cdef";
        Secrets.register(key);
        String quote = key.substring(0, 9) + "*".repeat(14) + "cdef";
        String middle = key.substring(10, 18);

        assertThat(Secrets.mask("Incorrect API key provided: " + quote + "."))
                .isEqualTo("Incorrect API key provided: ***" + "*".repeat(14) + "cdef.");
        assertThat(Secrets.mask("[" + middle + "]")).isEqualTo("[***]");
    }

    @Test
    void should_leave_pieces_shorter_than_eight_characters() {
        String key = newKey();
        Secrets.register(key);
        String seven = key.substring(0, Secrets.MIN_QUOTE - 1);

        assertThat(Secrets.mask("starts with " + seven + ", ends with " + key.substring(key.length() - 4)))
                .isEqualTo("starts with " + seven + ", ends with " + key.substring(key.length() - 4));
    }

    @Test
    void should_match_case_sensitively() {
        // Letters only: a run of 8 digits, which upper case leaves as it is, would rightly be masked (about a
        // quarter of random hex keys have one, and then the test failed).
        String key = "sk-qa-" + UUID.randomUUID().toString().replace("-", "").chars()
                .map(c -> Character.isDigit(c) ? 'g' + (c - '0') : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        Secrets.register(key);

        assertThat(Secrets.mask(key.toUpperCase())).isEqualTo(key.toUpperCase());
    }

    @Test
    void should_mask_several_keys_and_join_overlapping_quotes_into_one_mask() {
        String openai = newKey();
        String unsplash = UUID.randomUUID().toString();
        Secrets.register(openai);
        Secrets.register(unsplash);

        String masked = Secrets.mask(openai + " and " + unsplash + " and " + openai.substring(0, 12) + unsplash.substring(20));

        assertThat(masked).isEqualTo("*** and *** and ***");
    }

    @Test
    void should_not_register_values_too_short_to_be_keys_so_that_ordinary_text_stays_whole() {
        Secrets.register("k");
        Secrets.register("EMPTY");
        Secrets.register("Zq9#x1!");

        assertThat(Secrets.mask("k.smith@example.com EMPTY Zq9#x1!")).isEqualTo("k.smith@example.com EMPTY Zq9#x1!");
    }

    @Test
    void should_mask_a_key_of_exactly_eight_characters() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        Secrets.register(key);

        assertThat(Secrets.mask("[" + key + "]")).isEqualTo("[***]");
    }

    @Test
    void should_ignore_nulls_and_blank_secrets() {
        assertThat(Secrets.mask(null)).isNull();
        assertThatCode(() -> {
            Secrets.register(null);
            Secrets.register("   ");
            Secrets.register("");
        }).doesNotThrowAnyException();
        assertThat(Secrets.mask("a  b")).isEqualTo("a  b");
        assertThat(Secrets.mask("")).isEmpty();
    }

    @Test
    void should_register_a_key_twice_without_harm() {
        String key = newKey();
        Secrets.register(key);
        Secrets.register(key);

        assertThat(Secrets.mask(key)).isEqualTo("***");
    }

    @Test
    void should_mask_authorization_and_api_key_header_values_registered_or_not() {
        assertThat(Secrets.mask("Authorization: Bearer abc.DEF-123")).isEqualTo("Authorization: Bearer ***");
        assertThat(Secrets.mask("authorization=Client-ID q1w2e3, next")).isEqualTo("authorization=Client-ID ***, next");
        assertThat(Secrets.mask("{\"x-api-key\":\"k-42\",\"b\":1}")).isEqualTo("{\"x-api-key\":\"***\",\"b\":1}");
        assertThat(Secrets.mask("headers {api-key=[k-43], Accept=[json]}")).isEqualTo("headers {api-key=[***], Accept=[json]}");
        assertThat(Secrets.mask("Proxy-Authorization: Basic dXNlcjpwYXNz")).isEqualTo("Proxy-Authorization: Basic ***");
        assertThat(Secrets.mask("the Authorization header is missing")).isEqualTo("the Authorization header is missing");
    }

    @Test
    void should_mask_passwords_in_urls_but_not_a_placeholder() {
        assertThat(Secrets.mask("cannot reach postgresql://app:hunter2@db:5432/events"))
                .isEqualTo("cannot reach postgresql://app:***@db:5432/events");
        assertThat(Secrets.mask("at http://ollama:t0ps3cret@127.0.0.1:11434 now")).isEqualTo("at http://ollama:***@127.0.0.1:11434 now");
        assertThat(Secrets.mask("jdbc:postgresql://db/events?user=app&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/events?user=app&password=***&ssl=true");
        assertThat(Secrets.mask("expected postgresql://user:password@host:5432/database"))
                .isEqualTo("expected postgresql://user:password@host:5432/database");
        assertThat(Secrets.mask("https://user@example.com/x")).isEqualTo("https://user@example.com/x");
    }

    @Test
    void should_leave_text_without_secrets_as_it_is() {
        String text = "Wrote 40 attendees to x.csv in 0.12 s: event 'KubeCon' (cloud-native), seed 7, data v2\n  at Foo.bar(Foo.java:1)";

        assertThat(Secrets.mask(text)).isEqualTo(text);
        assertThat(Secrets.mask(new StringBuilder("a sk-qa-notregistered"))).isEqualTo("a sk-qa-notregistered");
    }
}
