package dev.attendees.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attendees.Attendee;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.images.testing.FakePhotoApi;
import dev.attendees.images.testing.PhotoProtocols;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real CLI process that does not complete takes back the images it made, and an earlier run's
 * images stay as they were: stopped with Ctrl-C or SIGTERM mid-run, failing (the reader of its
 * {@code --out} pipe goes away, and the next write fails), or stopped by a reader of its standard
 * output that goes away. Each waits for the run's images to appear (a watched folder, or the rows
 * that refer to them), never for a time.
 */
class ImageRunTest {
    private static final String UNSPLASH_KEY = "unsplash-image-run-test-key";

    @TempDir
    Path dir;

    @Test
    void ctrl_c_should_remove_the_run_s_images_and_put_back_the_earlier_ones_it_redrew() throws Exception {
        Path csv = dir.resolve("team.csv");
        Map<String, String> earlier = earlierRun(csv);
        byte[] earlierCsv = Files.readAllBytes(csv);
        Path images = dir.resolve("images");

        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            images.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            // Another size: ids 1..10 get new bytes, so a put-back original can be told from a redrawn one.
            Process process = CliProcess.of("generate", "--count", "50000000", "--images", "avatar", "--image-size", "96",
                    "--out", csv.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                // Both kinds of change are under way: an earlier image set aside to be redrawn, and a new one drawn.
                List<String> seen = awaitCreated(watcher, images,
                        List.of(name -> name.matches("\\.\\d+\\.png\\..+\\.orig"), ImageRunTest::isNewImage));
                assertThat(seen).as("the run set an earlier image aside and drew a new one").hasSize(2);
                InterruptedRunTest.signal(process, "INT");
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isEqualTo(130);
                assertThat(InterruptedRunTest.stderr(process)).isEqualTo("attendees: interrupted: nothing was written to " + csv
                        + " or " + images + System.lineSeparator());
            } finally {
                process.destroyForcibly();
            }
        }
        assertThat(contents(images)).as("the earlier run's images, byte for byte, and nothing else").isEqualTo(earlier);
        assertThat(Files.readAllBytes(csv)).isEqualTo(earlierCsv);
        assertThat(names(dir)).containsExactlyInAnyOrder("team.csv", "images");
    }

    @Test
    void sigterm_should_leave_no_images_folder_where_the_run_made_it() throws Exception {
        Path csv = dir.resolve("team.csv");
        Path images = dir.resolve("images");
        Process process = CliProcess.of("generate", "--count", "50000000", "--images", "avatar", "--out", csv.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            await(dir, "images"::equals);
            await(images, ImageRunTest::isNewImage);
            InterruptedRunTest.signal(process, "TERM");
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(InterruptedRunTest.stderr(process)).isEqualTo("attendees: interrupted: nothing was written to " + csv
                    + " or " + images + System.lineSeparator());
        } finally {
            process.destroyForcibly();
        }
        assertThat(names(dir)).as("files left behind").isEmpty();
    }

    @Test
    void a_failed_run_should_remove_its_avatars_and_put_back_the_earlier_ones() throws Exception {
        Map<String, String> earlier = earlierRun(dir.resolve("team.csv"));
        Path images = dir.resolve("images");
        Path pipe = fifo("feed.csv");

        Process process = CliProcess.of("generate", "--count", "1000", "--images", "avatar", "--image-size", "32",
                "--out", pipe.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            try (BufferedReader rows = reader(pipe)) {
                assertThat(rows.readLine()).startsWith("id,name,email");
                // A row is written after its image: the avatars are on disk, earlier ones redrawn (another size).
                assertThat(imagePath(rows.readLine())).isEqualTo("images/1.png");
                assertThat(sha256(Files.readAllBytes(images.resolve("1.png")))).isNotEqualTo(earlier.get("1.png"));
                assertThat(dir.resolve(imagePath(line(rows, 20)))).isRegularFile();
            } // the reader goes away: the run's next write fails
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(InterruptedRunTest.stderr(process)).isEqualTo("attendees: cannot write output: Broken pipe" + System.lineSeparator());
        } finally {
            process.destroyForcibly();
        }
        assertThat(contents(images)).as("the earlier run's images, byte for byte, and nothing else").isEqualTo(earlier);
    }

    @Test
    void a_failed_run_should_remove_its_photos_and_downloads_and_put_back_the_avatars_they_replaced() throws Exception {
        Map<String, String> earlier = earlierRun(dir.resolve("team.csv"));
        Path images = dir.resolve("images");
        Path pipe = fifo("feed.csv");

        try (FakePhotoApi unsplash = new FakePhotoApi(PhotoProtocols.unsplash())) {
            ProcessBuilder builder = CliProcess.of("generate", "--count", "1000", "--images", "unsplash", "--image-pool", "3",
                    "--out", pipe.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            builder.environment().put("UNSPLASH_ACCESS_KEY", UNSPLASH_KEY);
            builder.environment().put("UNSPLASH_API_URL", unsplash.api.url("/").toString());
            Process process = builder.start();
            try {
                try (BufferedReader rows = reader(pipe)) {
                    assertThat(rows.readLine()).startsWith("id,name,email");
                    // Photo 1.jpg took the place of the earlier 1.png; the downloads are in the cache.
                    assertThat(imagePath(rows.readLine())).isEqualTo("images/1.jpg");
                    assertThat(images.resolve("1.jpg")).isRegularFile();
                    assertThat(images.resolve("1.png")).doesNotExist();
                    assertThat(images.resolve(".cache")).isNotEmptyDirectory();
                    assertThat(dir.resolve(imagePath(line(rows, 20)))).isRegularFile();
                }
                assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isEqualTo(1);
                assertThat(InterruptedRunTest.stderr(process)).isEqualTo("attendees: cannot write output: Broken pipe"
                        + System.lineSeparator());
            } finally {
                process.destroyForcibly();
            }
            assertThat(unsplash.cdnRequests).as("photos downloaded").isNotEmpty();
        }
        assertThat(contents(images)).as("the earlier avatars, byte for byte; no photo, cache or credits").isEqualTo(earlier);
    }

    @Test
    void a_reader_of_standard_output_that_goes_away_should_take_the_images_with_it() throws Exception {
        Process process = CliProcess.of("generate", "--count", "1000", "--images", "avatar", "--image-size", "32")
                .directory(dir.toFile()).start();
        try {
            try (BufferedReader rows = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(rows.readLine()).startsWith("id,name,email");
                assertThat(dir.resolve(imagePath(rows.readLine()))).isRegularFile();
            } // as `| head -2` does
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(141);
            assertThat(InterruptedRunTest.stderr(process)).isEmpty();
        } finally {
            process.destroyForcibly();
        }
        assertThat(names(dir)).as("files left behind").isEmpty();
    }

    /**
     * A successful run of ten avatars to {@code csv}: its images are kept, each referred to by the
     * file, with nothing set aside beside them. Returns the images folder's files and their hashes.
     */
    private Map<String, String> earlierRun(Path csv) throws Exception {
        Process process = CliProcess.of("generate", "--count", "10", "--images", "avatar", "--image-size", "64", "--seed", "5",
                "--out", csv.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String stderr = InterruptedRunTest.stderr(process);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(stderr).isZero();
        Map<String, String> files = contents(csv.resolveSibling("images"));
        Set<String> referred = AttendeeFormat.readAll(csv).stream().map(Attendee::imagePath).collect(Collectors.toSet());
        assertThat(files.keySet().stream().map(name -> "images/" + name)).as("every file referred to, and only files")
                .containsExactlyInAnyOrderElementsOf(referred).hasSize(10);
        return files;
    }

    /** A named pipe at {@code name} in the test's folder. */
    private Path fifo(String name) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/mkfifo")) || Files.isExecutable(Path.of("/bin/mkfifo")), "needs mkfifo");
        Path path = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return path;
    }

    /** Opens {@code pipe} for reading: returns once the run at its other end has opened it. */
    private static BufferedReader reader(Path pipe) throws Exception {
        InputStream in = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.newInputStream(pipe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(120, TimeUnit.SECONDS);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The {@code n}th line from here on. */
    private static String line(BufferedReader rows, int n) throws IOException {
        String line = null;
        for (int i = 0; i < n; i++) {
            line = rows.readLine();
            assertThat(line).isNotNull();
        }
        return line;
    }

    /** The {@code image_path} of a CSV row: the one field that names a file under {@code images/}. */
    private static String imagePath(String row) {
        assertThat(row).isNotNull();
        java.util.regex.Matcher path = java.util.regex.Pattern.compile(",(images/\\d+\\.(?:png|jpg)),").matcher(row);
        assertThat(path.find()).as("an image path in %s", row).isTrue();
        return path.group(1);
    }

    /** An image of an attendee the earlier run (ids 1 to 10) did not have. */
    private static boolean isNewImage(String name) {
        return name.matches("\\d+\\.(png|jpg)") && Long.parseLong(name.substring(0, name.indexOf('.'))) > 10;
    }

    /**
     * Waits until something named as each of {@code wanted} asks was created in {@code folder},
     * which {@code watcher} watches; returns the first name found for each (fewer when the wait
     * runs out). Events lost to an overflow are made up for by a look at the folder.
     */
    private static List<String> awaitCreated(WatchService watcher, Path folder, List<Predicate<String>> wanted)
            throws Exception {
        List<Predicate<String>> missing = new ArrayList<>(wanted);
        List<String> found = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!missing.isEmpty()) {
            WatchKey key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (key == null) {
                break;
            }
            List<String> names = new ArrayList<>();
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                    names.addAll(names(folder));
                } else {
                    names.add(event.context().toString());
                }
            }
            key.reset();
            for (String name : names) {
                for (Predicate<String> p : List.copyOf(missing)) {
                    if (p.test(name)) {
                        missing.remove(p);
                        found.add(name);
                    }
                }
            }
        }
        return found;
    }

    /** Waits until {@code folder} holds an entry whose name {@code matches}: the listing after a watch begins, then events. */
    private static void await(Path folder, Predicate<String> matches) throws Exception {
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            if (names(folder).stream().anyMatch(matches)) {
                return;
            }
            assertThat(awaitCreated(watcher, folder, List.of(matches))).as("an entry in %s", folder).hasSize(1);
        }
    }

    /** Every file in {@code folder}, hidden ones included, with the SHA-256 of its bytes. */
    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), Files.isRegularFile(f) ? sha256(Files.readAllBytes(f)) : "(folder)");
            }
        }
        return files;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
