package dev.attendees.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.ConfigurationException;
import dev.attendees.images.testing.FakePhotoApi;
import dev.attendees.images.testing.PhotoProtocols;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedPhotosImageProviderTest extends AbstractRemoteImageProviderTest {

    static final FakePhotoApi.Protocol PROTOCOL = PhotoProtocols.generatedPhotos();

    @Override
    FakePhotoApi.Protocol protocol() {
        return PROTOCOL;
    }

    @Override
    RemoteImageProvider.Builder<?> builder(Map<String, String> environment) {
        return GeneratedPhotosImageProvider.builder().environment(environment::get);
    }

    @Override
    Map<String, String> environment(String apiUrl) {
        return Map.of(GeneratedPhotosImageProvider.API_KEY_VARIABLE, KEY, GeneratedPhotosImageProvider.API_URL_VARIABLE, apiUrl);
    }

    @Override
    String origin() {
        return "generated-photos";
    }

    @Override
    int pageSize() {
        return 100;
    }

    @Test
    void should_send_the_key_as_an_api_key_header_and_ask_oldest_first() throws IOException {
        try (RemoteImageProvider provider = fastBuilder().build()) {
            provider.imagesFor(crowd(2), temp.resolve("out"));
        }

        var page = fake.apiRequests.get(0);
        assertThat(page.getHeaders().get("Authorization")).isEqualTo("API-Key " + KEY);
        assertThat(page.getUrl().queryParameter("order_by")).isEqualTo("oldest");
        assertThat(page.getUrl().queryParameter("per_page")).isEqualTo("100");
        assertThat(page.getUrl().queryParameter("api_key")).as("the key never goes in the URL").isNull();
    }

    @Test
    void should_take_the_smallest_size_at_least_as_large_as_asked() throws IOException {
        try (RemoteImageProvider provider = fastBuilder().imageSize(200).build()) {
            provider.imagesFor(crowd(1), temp.resolve("big"));
        }
        try (RemoteImageProvider provider = fastBuilder().imageSize(100).build()) {
            provider.imagesFor(crowd(1), temp.resolve("small"));
        }

        assertThat(fake.cdnRequests).extracting(r -> r.getUrl().queryParameter("size")).containsExactly("256", "128");
    }

    @Test
    void should_name_the_missing_key_variable_before_anything_happens() {
        Map<String, String> env = new HashMap<>();
        env.put(GeneratedPhotosImageProvider.API_URL_VARIABLE, fake.api.url("/").toString());

        assertThatThrownBy(() -> GeneratedPhotosImageProvider.builder().environment(env::get).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("GENERATED_PHOTOS_API_KEY is not set: get an API key at https://generated.photos/api");
        assertThat(fake.apiRequests).isEmpty();
    }

    @Test
    void should_credit_generated_photos_with_its_licence() throws IOException {
        Path out = temp.resolve("licence");
        try (RemoteImageProvider provider = fastBuilder().build()) {
            provider.imagesFor(crowd(1), out);
        }

        assertThat(java.nio.file.Files.readAllLines(out.resolve("images/ATTRIBUTION.csv")).get(1)).isEqualTo(
                "images/1.jpg,generated-photos,face1,Generated Photos,https://generated.photos,https://generated.photos/faces,"
                        + "Generated Photos free license (credit with a link to generated.photos),"
                        + "https://generated.photos/terms-and-conditions");
    }
}
