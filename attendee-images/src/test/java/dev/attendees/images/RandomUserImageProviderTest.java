package dev.attendees.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.ConfigurationException;
import dev.attendees.images.testing.FakePhotoApi;
import dev.attendees.images.testing.PhotoProtocols;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomUserImageProviderTest extends AbstractRemoteImageProviderTest {

    static final FakePhotoApi.Protocol PROTOCOL = PhotoProtocols.randomUser();

    @Override
    FakePhotoApi.Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    RemoteImageProvider.Builder<?> builder(Map<String, String> environment) {
        return RandomUserImageProvider.builder().environment(environment::get);
    }

    @Override
    Map<String, String> environment(String apiUrl) {
        return Map.of(RandomUserImageProvider.API_URL_VARIABLE, apiUrl);
    }

    @Override
    String origin() {
        return "randomuser";
    }

    @Override
    int pageSize() {
        return 100;
    }

    @Test
    void should_ask_for_a_seeded_batch_of_only_the_fields_it_needs_without_a_key() throws IOException {
        try (RemoteImageProvider provider = RandomUserImageProvider.builder().environment(environment(
                fake.api.url("/").toString())::get).seed("kubecon").build()) {
            provider.imagesFor(crowd(3), temp.resolve("out"));
        }

        var page = fake.apiRequests.get(0).getUrl();
        assertThat(page.encodedPath()).isEqualTo("/api/");
        assertThat(page.queryParameter("results")).isEqualTo("100");
        assertThat(page.queryParameter("inc")).isEqualTo("picture,gender,name");
        assertThat(page.queryParameter("seed")).isEqualTo("kubecon");
        assertThat(page.queryParameter("page")).isEqualTo("1");
        assertThat(fake.apiRequests.get(0).getHeaders().get("Authorization")).isNull();
    }

    @Test
    void should_download_a_portrait_shared_by_several_users_once() throws IOException {
        // The service repeats portraits: here both users of the page have photo 1.
        String large = FakePhotoApi.q(fake.cdn.url("/photo/1.jpg").toString());
        String user = "{\"gender\":\"male\",\"picture\":{\"large\":" + large + "}}";
        fake.apiFault = r -> FakePhotoApi.json("{\"results\":[" + user + "," + user + "]}");
        Path out = temp.resolve("shared");
        try (RemoteImageProvider provider = fastBuilder().build()) {
            provider.imagesFor(crowd(2), out);

            assertThat(count(provider.report(), "randomuser")).isEqualTo(2);
        }
        assertThat(fake.cdnRequests).hasSize(1);
        assertThat(java.nio.file.Files.readAllBytes(out.resolve("images/2.jpg"))).isEqualTo(fake.jpeg(1));
    }

    @Test
    void should_reject_a_base_url_that_is_not_http_naming_the_variable() {
        assertThatThrownBy(() -> RandomUserImageProvider.builder()
                .environment(Map.of(RandomUserImageProvider.API_URL_VARIABLE, "ftp://example.com")::get).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("RANDOMUSER_API_URL must be an http(s) URL such as https://api.example.com, was 'ftp://example.com'");
    }
}
