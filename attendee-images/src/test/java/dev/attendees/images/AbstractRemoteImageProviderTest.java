package dev.attendees.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.images.testing.FakePhotoApi;
import dev.attendees.spi.AbstractImageProviderContractTest;
import dev.attendees.spi.ImageProvider;
import dev.attendees.spi.ProviderReport;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every photo service shares, proved against local fakes of its protocol: success,
 * pagination, 403 rate limits with a reset header (waited out, or not), 500s, time-outs, bodies
 * that are not images or are too large, a dead host, the concurrency limit, the cache, and the key
 * never leaking. Each service's test supplies its protocol and builder.
 */
abstract class AbstractRemoteImageProviderTest extends AbstractImageProviderContractTest {
    static final String KEY = "sk-SECRET-4242-do-not-leak";

    FakePhotoApi fake;

    /** The service's protocol, as the fake speaks it. */
    abstract FakePhotoApi.Protocol protocol();

    /** The service's builder, reading {@code environment}. */
    abstract RemoteImageProvider.Builder<?> builder(Map<String, String> environment);

    /** The environment pointing the service at the fake, with the key. */
    abstract Map<String, String> environment(String apiUrl);

    /** The service's name in origin counts. */
    abstract String origin();

    /** Photos per API page with the default pool. */
    abstract int pageSize();

    @BeforeEach
    void startFake() throws IOException {
        fake = new FakePhotoApi(protocol());
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    /** A builder aimed at the fake, with quick retries. */
    RemoteImageProvider.Builder<?> fastBuilder() {
        return builder(environment(fake.api.url("/").toString())).retryBackoff(Duration.ofMillis(10));
    }

    @Override
    protected ImageProvider provider() {
        return fastBuilder().build();
    }

    List<Attendee> crowd(int n) {
        return attendees(n);
    }

    static long count(ProviderReport report, String origin) {
        return report.origins().getOrDefault(origin, 0L);
    }

    static String notes(ProviderReport report) {
        return String.join("\n", report.notes());
    }

    /** The fakes' host name as messages show it. */
    String host() {
        return fake.api.getHostName();
    }

    long pageRequests() {
        return fake.apiRequests.stream().filter(r -> protocol().isPage(r.getUrl().encodedPath())).count();
    }

    @Test
    void should_give_each_attendee_a_photo_of_the_service_with_one_page_request() throws IOException {
        Path out = temp.resolve("ok");
        List<Attendee> attendees = crowd(10);
        try (RemoteImageProvider provider = fastBuilder().build()) {
            List<String> paths = provider.imagesFor(attendees, out);

            assertThat(count(provider.report(), origin())).isEqualTo(10);
            assertThat(provider.report().origins()).containsOnlyKeys(origin());
            for (int i = 0; i < 10; i++) {
                assertThat(paths.get(i)).isEqualTo("images/" + attendees.get(i).id() + ".jpg");
                // Attendee id k gets photo k of the pool: its exact bytes.
                assertThat(Files.readAllBytes(out.resolve(paths.get(i)))).isEqualTo(fake.jpeg((int) attendees.get(i).id()));
            }
        }
        assertThat(pageRequests()).isEqualTo(1);
        assertThat(fake.cdnRequests).hasSize(10);
    }

    @Test
    void should_page_through_the_pool_and_wrap_around_it() throws IOException {
        int pool = pageSize() * 2;
        Path out = temp.resolve("pages");
        List<Attendee> attendees = crowd(pool + 3);
        try (RemoteImageProvider provider = fastBuilder().poolSize(pool).build()) {
            List<String> paths = provider.imagesFor(attendees, out);

            assertThat(count(provider.report(), origin())).isEqualTo(pool + 3);
            // The second page's first photo, then back to the first photo after the pool's end.
            assertThat(Files.readAllBytes(out.resolve(paths.get(pageSize())))).isEqualTo(fake.jpeg(pageSize() + 1));
            assertThat(Files.readAllBytes(out.resolve(paths.get(pool)))).isEqualTo(fake.jpeg(1));
        }
        assertThat(fake.apiRequests.stream().filter(r -> protocol().isPage(r.getUrl().encodedPath()))
                .map(r -> protocol().pageAndSize(r.getUrl())[0]).sorted().toList()).containsExactly(1, 2);
        assertThat(fake.cdnRequests).as("each photo downloaded once").hasSize(pool);
    }

    @Test
    void should_keep_to_a_small_search_that_holds_fewer_photos_than_the_pool() throws IOException {
        fake.available = 4;
        Path out = temp.resolve("few");
        List<Attendee> attendees = crowd(9);
        try (RemoteImageProvider provider = fastBuilder().build()) {
            List<String> paths = provider.imagesFor(attendees, out);

            assertThat(count(provider.report(), origin())).isEqualTo(9);
            assertThat(Files.readAllBytes(out.resolve(paths.get(4)))).isEqualTo(fake.jpeg(1));
        }
        assertThat(fake.cdnRequests).hasSize(4);
    }

    @Test
    void should_wait_for_a_rate_limit_that_renews_soon_then_carry_on() throws IOException {
        fake.apiFault = FakePhotoApi.first(1, new MockResponse.Builder().code(403)
                .setHeader("X-Ratelimit-Remaining", "0").setHeader("Retry-After", "1").body("Rate Limit Exceeded").build());
        Path out = temp.resolve("wait");
        long start = System.nanoTime();
        try (RemoteImageProvider provider = fastBuilder().build()) {
            provider.imagesFor(crowd(3), out);

            assertThat(count(provider.report(), origin())).isEqualTo(3);
            assertThat(notes(provider.report())).contains("waited").contains("for the rate limit to renew");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(pageRequests()).isEqualTo(2);
    }

    @Test
    void should_fall_back_at_once_when_the_rate_limit_renews_too_late() throws IOException {
        long reset = Instant.now().plusSeconds(3_600).getEpochSecond();
        fake.apiFault = r -> new MockResponse.Builder().code(403).setHeader("X-Ratelimit-Limit", "50")
                .setHeader("X-Ratelimit-Remaining", "0").setHeader("X-Ratelimit-Reset", Long.toString(reset))
                .body("Rate Limit Exceeded").build();
        Path out = temp.resolve("late");
        try (RemoteImageProvider provider = fastBuilder().maxRateLimitWait(Duration.ofSeconds(5)).build()) {
            List<String> paths = provider.imagesFor(crowd(8), out);

            assertThat(provider.report().origins()).containsExactly(Map.entry("avatar", 8L));
            assertThat(paths).allMatch(p -> p.endsWith(".png"));
            assertThat(notes(provider.report())).contains("rate limit reached");
        }
        assertThat(fake.apiRequests).as("no hammering after the 403").hasSize(1);
    }

    @Test
    void should_retry_server_errors_and_succeed() throws IOException {
        fake.apiFault = FakePhotoApi.first(2, new MockResponse.Builder().code(503).build());
        fake.cdnFault = FakePhotoApi.first(1, new MockResponse.Builder().code(500).build());
        Path out = temp.resolve("retry");
        try (RemoteImageProvider provider = fastBuilder().build()) {
            provider.imagesFor(crowd(4), out);

            assertThat(count(provider.report(), origin())).isEqualTo(4);
        }
        assertThat(pageRequests()).isEqualTo(3);
        assertThat(fake.cdnRequests).hasSize(5);
    }

    @Test
    void should_give_avatars_when_the_service_keeps_failing_and_say_why() throws IOException {
        fake.apiFault = r -> new MockResponse.Builder().code(500).body("<html>oops</html>").build();
        Path out = temp.resolve("500");
        try (RemoteImageProvider provider = fastBuilder().build()) {
            List<String> paths = provider.imagesFor(crowd(12), out);

            assertThat(provider.report().origins()).containsExactly(Map.entry("avatar", 12L));
            assertThat(notes(provider.report())).contains("attendees got avatars: " + origin() + ": HTTP 500 from " + host());
            for (String p : paths) {
                assertImage(out, p);
            }
        }
        assertThat(pageRequests()).as("3 attempts at the one page, then no more").isEqualTo(3);
    }

    @Test
    void should_fall_back_for_a_photo_that_times_out() throws IOException {
        fake.cdnFault = r -> FakePhotoApi.isPhoto(r, 2)
                ? new MockResponse.Builder().headersDelay(3, java.util.concurrent.TimeUnit.SECONDS).code(200).build() : null;
        Path out = temp.resolve("timeout");
        List<Attendee> attendees = crowd(4);
        try (RemoteImageProvider provider = fastBuilder().readTimeout(Duration.ofMillis(300)).maxAttempts(2).build()) {
            List<String> paths = provider.imagesFor(attendees, out);

            assertThat(paths.get(1)).isEqualTo("images/" + attendees.get(1).id() + ".png");
            assertThat(provider.report().origins()).containsEntry(origin(), 3L).containsEntry("avatar", 1L);
            assertThat(notes(provider.report())).contains("timed out at " + host());
        }
    }

    @Test
    void should_refuse_a_body_that_is_not_an_image() throws IOException {
        fake.cdnFault = r -> FakePhotoApi.isPhoto(r, 1)
                ? new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<html>hi</html>").build()
                : FakePhotoApi.isPhoto(r, 2)
                ? new MockResponse.Builder().setHeader("Content-Type", "image/jpeg").body("<html>lies</html>").build()
                : FakePhotoApi.isPhoto(r, 3)
                ? new MockResponse.Builder().setHeader("Content-Type", "image/png").body(new Buffer().write(fake.jpeg(3))).build()
                : null;
        Path out = temp.resolve("not-image");
        try (RemoteImageProvider provider = fastBuilder().build()) {
            List<String> paths = provider.imagesFor(crowd(4), out);

            assertThat(paths.subList(0, 3)).allMatch(p -> p.endsWith(".png"));
            assertThat(paths.get(3)).endsWith(".jpg");
            assertThat(notes(provider.report())).contains("Content-Type text/html").contains("not JPEG, PNG or WebP")
                    .contains("says image/png but sends image/jpeg");
        }
        assertThat(fake.cdnRequests).as("a wrong body is not retried").hasSize(4);
    }

    @Test
    void should_stop_reading_a_huge_body_and_fall_back() throws IOException {
        MockResponseBody endless = new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] chunk = new byte[8192];
                chunk[0] = (byte) 0xFF;
                chunk[1] = (byte) 0xD8;
                chunk[2] = (byte) 0xFF;
                for (long written = 0; written < 1L << 30; written += chunk.length) {
                    sink.write(chunk);
                    sink.flush();
                }
            }
        };
        fake.cdnFault = r -> FakePhotoApi.isPhoto(r, 1)
                ? new MockResponse.Builder().setHeader("Content-Type", "image/jpeg").body(endless).build()
                : FakePhotoApi.isPhoto(r, 2)
                ? new MockResponse.Builder().setHeader("Content-Type", "image/jpeg")
                        .setHeader("Content-Length", Long.toString(1L << 30)).build()
                : null;
        Path out = temp.resolve("huge");
        try (RemoteImageProvider provider = fastBuilder().maxImageBytes(64 * 1024).build()) {
            List<String> paths = provider.imagesFor(crowd(3), out);

            assertThat(paths.get(0)).endsWith(".png");
            assertThat(paths.get(1)).endsWith(".png");
            assertThat(paths.get(2)).endsWith(".jpg");
            assertThat(notes(provider.report())).contains("answer too large").contains("the limit is 65,536 bytes");
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile)).allMatch(f -> f.toFile().length() < 64 * 1024);
        }
    }

    @Test
    void should_give_every_attendee_an_avatar_when_the_host_is_dead() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path out = temp.resolve("dead");
        try (RemoteImageProvider provider = builder(environment("http://127.0.0.1:" + port + "/"))
                .retryBackoff(Duration.ofMillis(10)).connectTimeout(Duration.ofMillis(500)).build()) {
            List<String> paths = provider.imagesFor(crowd(25), out);

            assertThat(provider.report().origins()).containsExactly(Map.entry("avatar", 25L));
            assertThat(notes(provider.report())).contains("cannot connect at 127.0.0.1:" + port);
            for (String p : paths) {
                assertImage(out, p);
            }
        }
    }

    @Test
    void should_never_download_more_at_once_than_the_concurrency_limit() throws Exception {
        int maxInFlight = fetchOnThreads(4, (provider, mine, out) -> provider.imagesFor(mine, out));
        assertThat(maxInFlight).isBetween(2, 3);
    }

    @Test
    void single_images_from_many_threads_should_stay_within_the_concurrency_limit_too() throws Exception {
        int maxInFlight = fetchOnThreads(8, (provider, mine, out) -> mine.forEach(a -> provider.imageFor(a, out)));
        assertThat(maxInFlight).isBetween(1, 3);
    }

    /** What one thread fetches of its share of the crowd. */
    private interface Fetch {
        void run(RemoteImageProvider provider, List<Attendee> mine, Path out);
    }

    /**
     * 24 attendees shared out among {@code threads} threads that fetch at once through one provider
     * limited to 3 downloads at a time (each taking 40 ms); every attendee gets a photo. Returns the
     * most downloads the CDN saw at once.
     */
    private int fetchOnThreads(int threads, Fetch fetch) throws InterruptedException {
        fake.cdnLatencyMillis = 40;
        Path out = temp.resolve("threads-" + threads);
        List<Attendee> attendees = crowd(24);
        int share = attendees.size() / threads;
        try (RemoteImageProvider provider = fastBuilder().maxConcurrency(3).build()) {
            Thread[] running = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                List<Attendee> mine = attendees.subList(t * share, t * share + share);
                running[t] = new Thread(() -> fetch.run(provider, mine, out));
                running[t].start();
            }
            for (Thread t : running) {
                t.join();
            }
            assertThat(count(provider.report(), origin())).isEqualTo(24);
        }
        return fake.cdnMaxInFlight.get();
    }

    @Test
    void should_not_download_again_on_a_rerun_into_the_same_folder() throws IOException {
        Path out = temp.resolve("rerun");
        List<Attendee> attendees = crowd(6);
        try (RemoteImageProvider first = fastBuilder().build()) {
            first.imagesFor(attendees, out);
        }
        int downloads = fake.cdnRequests.size();
        try (RemoteImageProvider second = fastBuilder().build()) {
            List<String> paths = second.imagesFor(attendees, out);

            assertThat(count(second.report(), origin())).isEqualTo(6);
            assertThat(notes(second.report())).contains("0 photos downloaded, 6 from the cache");
            assertThat(Files.readAllBytes(out.resolve(paths.get(0)))).isEqualTo(fake.jpeg(1));
        }
        assertThat(downloads).isEqualTo(6);
        assertThat(fake.cdnRequests).hasSize(6);
    }

    @Test
    void should_credit_every_photo_used_in_the_attribution_file() throws IOException {
        Path out = temp.resolve("credits");
        List<Attendee> attendees = crowd(5);
        fake.cdnFault = r -> FakePhotoApi.isPhoto(r, 5) ? new MockResponse.Builder().code(404).build() : null;
        try (RemoteImageProvider provider = fastBuilder().build()) {
            provider.imagesFor(attendees, out);
            assertThat(notes(provider.report())).contains("credits for 4 " + origin() + " photos in "
                    + out.toAbsolutePath().resolve("images/ATTRIBUTION.csv"));
        }

        List<String> lines = Files.readAllLines(out.resolve("images/ATTRIBUTION.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("image_path,source,photo_id,author,author_url,photo_url,license,license_url");
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("images/" + attendees.get(0).id() + ".jpg," + origin() + ",");
        assertThat(String.join("\n", lines)).doesNotContain("images/" + attendees.get(4).id() + ".");
    }

    @Test
    void should_never_show_the_key_in_reports_files_or_requests_elsewhere() throws IOException {
        fake.apiFault = FakePhotoApi.first(1, new MockResponse.Builder().code(502).build());
        fake.cdnFault = r -> FakePhotoApi.isPhoto(r, 2) ? new MockResponse.Builder().code(500).build() : null;
        Path out = temp.resolve("secret");
        String report;
        try (RemoteImageProvider provider = fastBuilder().build()) {
            provider.imagesFor(crowd(4), out);
            report = provider.report().toString();
        }

        assertThat(report).doesNotContain(KEY);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
            }
        }
        assertThat(fake.cdnRequests).allMatch(r -> r.getHeaders().get("Authorization") == null);
        assertThat(fake.apiRequests).allMatch(r -> !r.getUrl().toString().contains(KEY));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 429, 500})
    void a_service_that_quotes_the_key_back_in_an_error_should_not_get_it_into_the_report(int status) throws IOException {
        fake.apiFault = FakePhotoApi.echoingError(status);
        String report;
        try (RemoteImageProvider provider = fastBuilder().maxRateLimitWait(Duration.ZERO).build()) {
            provider.imagesFor(crowd(3), temp.resolve("refused"));
            report = provider.report().toString();
        }

        assertThat(report).contains("3 attendees got avatars").contains(status == 429 ? "rate limit reached" : "HTTP " + status);
        assertNoKey("the report", report);
    }

    @Test
    void a_service_that_quotes_the_key_back_in_its_pages_should_not_get_it_into_the_credits() throws IOException {
        fake.echoKey = true;
        Path out = temp.resolve("echoed");
        String report;
        try (RemoteImageProvider provider = fastBuilder().build()) {
            provider.imagesFor(crowd(3), out);
            report = provider.report().toString();
        }

        String credits = Files.readString(out.resolve("images/ATTRIBUTION.csv"), StandardCharsets.UTF_8);
        if (sendsKey()) {
            assertThat(credits).as("the service's echo, masked").contains("***");
        }
        assertNoKey("the credits", credits);
        assertNoKey("the report", report);
    }

    /** Whether the service gets a key (randomuser.me has none to quote back). */
    boolean sendsKey() {
        return environment("http://localhost/").containsValue(KEY);
    }

    /** Fails when {@code text} holds the key or any run of eight of its characters. */
    static void assertNoKey(String what, String text) {
        for (int i = 0; i + 8 <= KEY.length(); i++) {
            assertThat(text).as("%s holds '%s' of the key", what, KEY.substring(i, i + 8)).doesNotContain(KEY.substring(i, i + 8));
        }
    }
}
