package dev.attendees.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.export.AttendeeFormat;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code attendees generate --images ...}: files beside the output, paths relative to it, keys from the environment. */
class ImageOptionsTest {
    private static final String KEY = "sk-cli-SECRET-777";

    @TempDir
    Path dir;

    @AfterEach
    void restoreEnvironment() {
        ImageOptions.environment = System::getenv;
    }

    @Test
    void should_give_every_attendee_a_distinct_valid_avatar_beside_the_file() throws Exception {
        Path csv = dir.resolve("run/attendees.csv");
        Files.createDirectories(csv.getParent());
        GenerateCommandTest.Result r = GenerateCommandTest.run("generate", "--count", "300", "--seed", "11", "--locale",
                "international", "--images", "avatar", "--out", csv.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        List<Attendee> attendees = AttendeeFormat.readAll(csv);
        assertThat(attendees).hasSize(300);
        Set<String> digests = new java.util.HashSet<>();
        for (Attendee a : attendees) {
            assertThat(a.imagePath()).isEqualTo("images/" + a.id() + ".png");
            Path file = csv.getParent().resolve(a.imagePath());
            BufferedImage image = ImageIO.read(file.toFile());
            assertThat(image.getWidth()).isEqualTo(128);
            digests.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        }
        assertThat(digests).hasSize(300);
        assertThat(r.err()).contains("  images: 300 from avatar").contains("images in " + csv.getParent().resolve("images"));
    }

    @Test
    void should_draw_the_size_asked_for() throws IOException {
        Path csv = dir.resolve("small.csv");
        GenerateCommandTest.Result r = GenerateCommandTest.run("generate", "--count", "3", "--images", "avatar",
                "--image-size", "64", "--out", csv.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(ImageIO.read(dir.resolve("images/1.png").toFile()).getHeight()).isEqualTo(64);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--images unsplash|--images unsplash: UNSPLASH_ACCESS_KEY is not set: create an app at https://unsplash.com/oauth/applications",
        "--images generated-photos|--images generated-photos: GENERATED_PHOTOS_API_KEY is not set",
        "--images avatar --image-size 8|--image-size: image size must be between 32 and 1024 pixels, was 8",
        "--images unsplash --image-pool 0|--image-pool: pool size must be between 1 and 100000 photos, was 0",
        "--images avatar --image-pool 5|--image-pool needs a photo service",
        "--image-size 64|--image-size needs --images",
        "--images Gravatar|--images must be one of none, avatar, unsplash, generated-photos, randomuser, was 'Gravatar'"
    })
    void bad_image_options_should_exit_2_naming_the_option_and_write_nothing(String args, String message) throws IOException {
        ImageOptions.environment = Map.of("UNSPLASH_ACCESS_KEY", KEY)::get;
        if (!args.contains("--image-pool 0")) {
            ImageOptions.environment = Map.<String, String>of()::get;
        }
        List<String> argv = new java.util.ArrayList<>(List.of("generate", "--count", "5", "--out", dir.resolve("x.csv").toString()));
        argv.addAll(List.of(args.split(" ")));
        GenerateCommandTest.Result r = GenerateCommandTest.run(argv.toArray(new String[0]));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("attendees: ").contains(message).doesNotContain(KEY);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void should_use_unsplash_through_its_api_and_never_print_the_key_even_in_debug_logs() throws Exception {
        try (MockWebServer server = unsplashFake()) {
            Path csv = dir.resolve("team.csv");
            ProcessBuilder builder = CliProcess.of("generate", "--count", "5", "--images", "unsplash", "--image-pool", "2",
                    "--out", csv.toString(), "--verbose");
            builder.environment().put("UNSPLASH_ACCESS_KEY", KEY);
            builder.environment().put("UNSPLASH_API_URL", server.url("/").toString());
            Process process = builder.redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(process.exitValue()).as(output).isZero();
            assertThat(AttendeeFormat.readAll(csv)).extracting(Attendee::imagePath)
                    .containsExactly("images/1.jpg", "images/2.jpg", "images/3.jpg", "images/4.jpg", "images/5.jpg");
            assertThat(output).contains("DEBUG").contains("  images: 5 from unsplash").contains("credits for 2 unsplash photos in")
                    .doesNotContain(KEY);
            assertThat(Files.readString(dir.resolve("images/ATTRIBUTION.csv"))).contains("Unsplash License").doesNotContain(KEY);
            assertThat(server.getRequestCount()).as("1 search, 2 download reports, 2 images").isEqualTo(5);
        }
    }

    @Test
    void should_finish_with_avatars_when_the_photo_service_is_down() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ImageOptions.environment = Map.of("RANDOMUSER_API_URL", "http://127.0.0.1:" + port)::get;
        Path csv = dir.resolve("down.csv");
        GenerateCommandTest.Result r = GenerateCommandTest.run("generate", "--count", "20", "--images", "randomuser",
                "--out", csv.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(AttendeeFormat.readAll(csv)).allSatisfy(a -> assertThat(a.imagePath()).isEqualTo("images/" + a.id() + ".png"));
        assertThat(r.err()).contains("  images: 20 from avatar").contains("cannot connect at 127.0.0.1:" + port);
    }

    @Test
    void without_out_should_put_images_in_the_working_directory_and_say_so() throws Exception {
        Process process = CliProcess.of("generate", "--count", "4", "--images", "avatar", "--seed", "3").directory(dir.toFile()).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(stderr).isZero();
        assertThat(stdout.lines().skip(1).map(line -> line.split(",")[11]).collect(Collectors.toList()))
                .containsExactly("images/1.png", "images/2.png", "images/3.png", "images/4.png");
        assertThat(dir.resolve("images/4.png")).isRegularFile();
        assertThat(stderr).contains("images in " + dir.toRealPath().resolve("images"));
    }

    /** A fake Unsplash: one search page of two photos, their download tracking, and their images. */
    private static MockWebServer unsplashFake() throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                boolean authorized = ("Client-ID " + KEY).equals(request.getHeaders().get("Authorization"));
                if (path.equals("/search/photos") && authorized) {
                    String base = request.getUrl().newBuilder().encodedPath("/").query(null).build().toString();
                    StringBuilder results = new StringBuilder();
                    for (int n = 1; n <= 2; n++) {
                        results.append(n == 1 ? "" : ",").append("{\"id\":\"p").append(n).append("\",\"urls\":{\"raw\":\"")
                                .append(base).append("img/").append(n).append("\"},\"links\":{\"html\":\"https://unsplash.com/photos/p")
                                .append(n).append("\",\"download_location\":\"").append(base).append("photos/p").append(n)
                                .append("/download\"},\"user\":{\"name\":\"Photographer ").append(n)
                                .append("\",\"links\":{\"html\":\"https://unsplash.com/@ph").append(n).append("\"}}}");
                    }
                    return new MockResponse.Builder().setHeader("Content-Type", "application/json")
                            .setHeader("X-Ratelimit-Limit", "50").setHeader("X-Ratelimit-Remaining", "49")
                            .body("{\"total\":2,\"results\":[" + results + "]}").build();
                }
                if (path.matches("/photos/p\\d/download") && authorized) {
                    return new MockResponse.Builder().body("{}").build();
                }
                if (path.startsWith("/img/")) {
                    return new MockResponse.Builder().setHeader("Content-Type", "image/jpeg").body(new Buffer().write(jpeg())).build();
                }
                return new MockResponse.Builder().code(401).build();
            }
        });
        server.start();
        return server;
    }

    private static byte[] jpeg() {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, Color.RED.getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
