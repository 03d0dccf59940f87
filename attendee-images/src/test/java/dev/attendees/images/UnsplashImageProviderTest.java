package dev.attendees.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.ConfigurationException;
import dev.attendees.images.testing.FakePhotoApi;
import dev.attendees.images.testing.PhotoProtocols;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnsplashImageProviderTest extends AbstractRemoteImageProviderTest {

    /** Photo n's fields; tests may change them (a hostile id, a formula as a name, a foreign tracking link). */
    static volatile IntFunction<String[]> fields = n -> new String[] {"ph" + n, "Ann Author " + n, null};

    final FakePhotoApi.Protocol protocol = PhotoProtocols.unsplash(n -> fields.apply(n));

    @BeforeEach
    void plainFields() {
        fields = n -> new String[] {"ph" + n, "Ann Author " + n, null};
    }

    @Override
    FakePhotoApi.Protocol protocol() {
        return protocol;
    }

    @Override
    RemoteImageProvider.Builder<?> builder(Map<String, String> environment) {
        return UnsplashImageProvider.builder().environment(environment::get);
    }

    @Override
    Map<String, String> environment(String apiUrl) {
        return Map.of(UnsplashImageProvider.ACCESS_KEY_VARIABLE, KEY, UnsplashImageProvider.API_URL_VARIABLE, apiUrl);
    }

    @Override
    String origin() {
        return "unsplash";
    }

    @Override
    int pageSize() {
        return 30;
    }

    List<RecordedRequest> trackings() {
        return fake.apiRequests.stream().filter(r -> r.getUrl().encodedPath().endsWith("/download")).toList();
    }

    @Test
    void should_search_portraits_with_the_client_id_and_crop_the_photos_on_faces() throws IOException {
        try (RemoteImageProvider provider = fastBuilder().imageSize(256).build()) {
            provider.imagesFor(crowd(3), temp.resolve("out"));
        }

        RecordedRequest search = fake.apiRequests.get(0);
        assertThat(search.getUrl().encodedPath()).isEqualTo("/search/photos");
        assertThat(search.getHeaders().get("Authorization")).isEqualTo("Client-ID " + KEY);
        assertThat(search.getHeaders().get("Accept-Version")).isEqualTo("v1");
        assertThat(search.getUrl().queryParameter("query")).isEqualTo("portrait person");
        assertThat(search.getUrl().queryParameter("orientation")).isEqualTo("portrait");
        assertThat(search.getUrl().queryParameter("per_page")).isEqualTo("30");
        assertThat(search.getUrl().queryParameter("page")).isEqualTo("1");
        HttpUrl image = fake.cdnRequests.get(0).getUrl();
        assertThat(image.queryParameter("w")).isEqualTo("256");
        assertThat(image.queryParameter("h")).isEqualTo("256");
        assertThat(image.queryParameter("fit")).isEqualTo("crop");
        assertThat(image.queryParameter("crop")).isEqualTo("faces");
        assertThat(image.queryParameter("ixid")).as("the API's own parameters are kept").startsWith("abc");
    }

    @Test
    void should_report_each_photo_used_once_to_its_download_location_with_the_key() throws IOException {
        fake.available = 3;
        try (RemoteImageProvider provider = fastBuilder().build()) {
            provider.imagesFor(crowd(7), temp.resolve("out"));

            assertThat(count(provider.report(), "unsplash")).isEqualTo(7);
        }

        assertThat(trackings()).hasSize(3);
        assertThat(trackings()).extracting(r -> r.getUrl().encodedPath())
                .containsExactlyInAnyOrder("/photos/1/download", "/photos/2/download", "/photos/3/download");
        assertThat(trackings()).allSatisfy(r -> {
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Client-ID " + KEY);
            assertThat(r.getUrl().queryParameter("ixid")).startsWith("track");
        });
    }

    @Test
    void should_stop_before_the_rate_limit_instead_of_running_into_it() throws IOException {
        // 4 requests left when the search answers: 4 download reports fit, and nothing more is sent.
        fake.apiHeaders = n -> Map.of("X-Ratelimit-Limit", "50", "X-Ratelimit-Remaining", Integer.toString(Math.max(0, 5 - n)));
        Path out = temp.resolve("budget");
        try (RemoteImageProvider provider = fastBuilder().build()) {
            provider.imagesFor(crowd(6), out);

            assertThat(provider.report().origins()).containsEntry("unsplash", 4L).containsEntry("avatar", 2L);
            assertThat(notes(provider.report())).contains("rate limit reached: no requests left")
                    .contains("unsplash: 5 API requests, 0 of 50 left in the rate limit");
        }
        assertThat(fake.apiRequests).hasSize(5);
    }

    @Test
    void should_not_use_a_photo_whose_tracking_link_leads_elsewhere_nor_send_the_key_there() throws IOException {
        fields = n -> new String[] {"ph" + n, "Ann", n == 2 ? fake.cdn.url("/steal").toString() : null};
        Path out = temp.resolve("foreign");
        List<String> paths;
        try (RemoteImageProvider provider = fastBuilder().build()) {
            paths = provider.imagesFor(crowd(3), out);

            assertThat(notes(provider.report())).contains("has no download-tracking link on " + host() + ", so it is not used");
        }

        assertThat(paths).containsExactly("images/1.jpg", "images/2.png", "images/3.jpg");
        assertThat(fake.cdnRequests).noneMatch(r -> r.getUrl().encodedPath().equals("/steal"));
        assertThat(fake.cdnRequests).allMatch(r -> r.getHeaders().get("Authorization") == null);
    }

    @Test
    void should_name_files_from_attendee_ids_never_from_hostile_photo_ids() throws IOException {
        fields = n -> new String[] {"../../../../tmp/evil" + n + "/..\\x", "=HYPERLINK(\"http://evil\")", null};
        Path out = temp.resolve("hostile");
        try (RemoteImageProvider provider = fastBuilder().build()) {
            assertThat(provider.imagesFor(crowd(2), out)).containsExactly("images/1.jpg", "images/2.jpg");
        }

        try (Stream<Path> top = Files.list(temp)) {
            assertThat(top).containsExactly(out);
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/')))
                    .allMatch(p -> p.matches("images/(\\d+\\.jpg|ATTRIBUTION\\.csv|\\.cache/[0-9a-f]{40}\\.jpg)"));
        }
        String credits = Files.readString(out.resolve("images/ATTRIBUTION.csv"), StandardCharsets.UTF_8);
        assertThat(credits).contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",").doesNotContain(",=HYPERLINK");
    }

    @Test
    void should_credit_the_photographer_with_referral_links() throws IOException {
        Path out = temp.resolve("credits-links");
        try (RemoteImageProvider provider = UnsplashImageProvider.builder()
                .environment(environment(fake.api.url("/").toString())::get).appName("my-dashboard").build()) {
            provider.imagesFor(crowd(1), out);
        }

        assertThat(Files.readAllLines(out.resolve("images/ATTRIBUTION.csv")).get(1)).isEqualTo(
                "images/1.jpg,unsplash,ph1,Ann Author 1,https://unsplash.com/@ann1?utm_source=my-dashboard&utm_medium=referral,"
                        + "https://unsplash.com/photos/ph1?utm_source=my-dashboard&utm_medium=referral,Unsplash License,"
                        + "https://unsplash.com/license");
    }

    @Test
    void should_name_the_missing_key_variable_before_anything_happens() {
        assertThatThrownBy(() -> UnsplashImageProvider.builder().environment(Map.<String, String>of()::get).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("UNSPLASH_ACCESS_KEY is not set: create an app at https://unsplash.com/oauth/applications, then "
                        + "export UNSPLASH_ACCESS_KEY=<key>; or use the avatar provider, which needs no key");
    }

    @Test
    void should_reject_a_key_that_cannot_travel_in_a_header_without_showing_it() {
        assertThatThrownBy(() -> UnsplashImageProvider.builder().accessKey("abc\r\nX-Evil: 1").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("UNSPLASH_ACCESS_KEY holds characters an HTTP header cannot carry; check its value");
    }
}
