package dev.attendees.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.Attendee;
import dev.attendees.AttendeeException;
import dev.attendees.AttendeeGenerator;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ImageProvider} promises, for providers' own tests to extend: paths relative to
 * the output folder and under {@code images/}, files that exist and decode, one file per attendee,
 * nothing written outside the output folder, no exception for odd attendees, {@code imagesFor}
 * agreeing with {@code imageFor}, safety under concurrent batches, a report that counts every
 * image, and a run's lifecycle: {@code discard()} leaves the output folder as it was before the run
 * (new files removed, earlier ones put back, even while batches are being written), is idempotent
 * and harmless with nothing written, and {@code commit()} keeps everything.
 *
 * <pre>{@code
 * class AvatarImageProviderTest extends AbstractImageProviderContractTest {
 *     @Override
 *     protected ImageProvider provider() {
 *         return AvatarImageProvider.create();
 *     }
 * }
 * }</pre>
 */
public abstract class AbstractImageProviderContractTest {

    @TempDir
    protected Path temp;

    /** A fresh provider for one test; the test closes it. */
    protected abstract ImageProvider provider();

    /** Attendees to give images to: {@code count} of a fixed seed, international names. */
    protected List<Attendee> attendees(int count) {
        return AttendeeGenerator.builder().seed(2026).locale("international").build().generate(count);
    }

    private Path outputDir() throws IOException {
        return Files.createDirectories(temp.resolve("out"));
    }

    @Test
    void should_store_each_image_under_images_and_return_its_relative_path() throws IOException {
        Path out = outputDir();
        List<Attendee> attendees = attendees(12);
        try (ImageProvider provider = provider()) {
            assertImages(out, provider.imagesFor(attendees, out), attendees.size());
        }
    }

    @Test
    void should_give_the_same_path_one_at_a_time_as_in_a_batch() throws IOException {
        Path out = outputDir();
        List<Attendee> attendees = attendees(5);
        try (ImageProvider provider = provider()) {
            List<String> batch = provider.imagesFor(attendees, out);
            List<String> single = new ArrayList<>();
            for (Attendee a : attendees) {
                single.add(provider.imageFor(a, out));
            }

            assertThat(single).isEqualTo(batch);
        }
    }

    @Test
    void should_not_throw_for_unusual_attendees() throws IOException {
        Path out = outputDir();
        Attendee base = attendees(1).get(0);
        List<Attendee> odd = List.of(
                base.withId(0),
                base.withId(Long.MAX_VALUE),
                new Attendee(-7, "", "", null, "Event", null, null, null, null, List.of(), List.of(), "", null),
                new Attendee(8, "  ", "@", null, "Event", null, null, null, null, List.of(), List.of(), "", null),
                new Attendee(9, "\u202Eevil\u202C ../../etc/passwd", "x/../../y@example.com", "A\u0000B", "E", null,
                        null, null, null, List.of(), List.of(), "", null),
                new Attendee(10, "\uD83D\uDE00 Zoë O'Brien-Ñúñez", "zoe@example.com", "Ü", "Événement", null, null,
                        null, null, List.of(), List.of(), "", null));
        try (ImageProvider provider = provider()) {
            assertImages(out, provider.imagesFor(odd, out), odd.size());
        }
    }

    @Test
    void should_write_nothing_outside_the_output_folder() throws IOException {
        Path out = outputDir();
        try (ImageProvider provider = provider()) {
            provider.imagesFor(attendees(6), out);
        }

        try (Stream<Path> top = Files.list(temp)) {
            assertThat(top).containsExactly(out);
        }
        try (Stream<Path> inside = Files.list(out)) {
            assertThat(inside.map(p -> p.getFileName().toString())).containsOnly("images");
        }
    }

    @Test
    void should_stay_correct_when_batches_arrive_from_several_threads_at_once() throws Exception {
        Path out = outputDir();
        List<Attendee> attendees = attendees(64);
        int threads = 4;
        int per = attendees.size() / threads;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ImageProvider provider = provider()) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Attendee> batch = attendees.subList(t * per, (t + 1) * per);
                Callable<List<String>> call = () -> {
                    start.await();
                    return provider.imagesFor(batch, out);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            Set<String> all = new HashSet<>();
            for (int t = 0; t < threads; t++) {
                List<String> paths = futures.get(t).get();
                assertThat(paths).hasSize(per);
                for (int i = 0; i < per; i++) {
                    assertThat(paths.get(i)).startsWith("images/" + attendees.get(t * per + i).id() + ".");
                    assertImage(out, paths.get(i));
                }
                all.addAll(paths);
            }

            assertThat(all).hasSize(attendees.size());
            assertThat(provider.report().origins().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(attendees.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_report_every_image_it_gave_by_origin() throws IOException {
        Path out = outputDir();
        try (ImageProvider provider = provider()) {
            provider.imagesFor(attendees(7), out);
            provider.imageFor(attendees(8).get(7), out);

            assertThat(provider.report().origins()).isNotEmpty();
            assertThat(provider.report().origins().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(8);
            assertThat(provider.name()).isNotBlank();
        }
    }

    @Test
    void discard_should_leave_the_folder_as_an_earlier_run_left_it() throws IOException {
        Path out = outputDir();
        List<Attendee> attendees = attendees(8);
        List<String> earlierPaths;
        try (ImageProvider earlier = provider()) {
            earlierPaths = earlier.imagesFor(attendees.subList(0, 3), out);
            earlier.commit();
        }
        // Marked, so that a rewrite that is not put back shows.
        for (String path : earlierPaths) {
            Files.write(out.resolve(path), ("the earlier run's " + path).getBytes(StandardCharsets.UTF_8));
        }
        Map<String, String> before = snapshot(out);

        try (ImageProvider provider = provider()) {
            assertImages(out, provider.imagesFor(attendees, out), attendees.size());
            provider.discard();

            assertThat(snapshot(out)).as("after discard").isEqualTo(before);
            provider.discard();
            assertThat(snapshot(out)).as("after a second discard").isEqualTo(before);
            assertThatThrownBy(() -> provider.imagesFor(attendees.subList(3, 5), out))
                    .as("a write after discard").isInstanceOf(AttendeeException.class);
            assertThatThrownBy(() -> provider.imageFor(attendees.get(6), temp.resolve("elsewhere")))
                    .as("a write elsewhere after discard").isInstanceOf(AttendeeException.class);
        }
        assertThat(snapshot(out)).as("after close").isEqualTo(before);
        assertThat(temp.resolve("elsewhere")).doesNotExist();
    }

    @Test
    void discard_should_remove_the_images_folder_it_made_and_do_nothing_when_nothing_was_written() throws IOException {
        Path out = outputDir();
        try (ImageProvider idle = provider()) {
            idle.discard();
            idle.discard();
        }
        assertThat(out).isEmptyDirectory();

        try (ImageProvider provider = provider()) {
            provider.imagesFor(attendees(4), out);
            provider.discard();
        }
        assertThat(out).as("the images folder this run made, with everything in it").isEmptyDirectory();
    }

    @Test
    void commit_should_keep_every_image_and_a_later_discard_only_what_came_after() throws IOException {
        Path out = outputDir();
        List<Attendee> attendees = attendees(6);
        try (ImageProvider provider = provider()) {
            List<String> kept = provider.imagesFor(attendees.subList(0, 4), out);
            provider.commit();
            Map<String, String> committed = snapshot(out);
            List<String> later = provider.imagesFor(attendees.subList(4, 6), out);
            assertImages(out, later, 2);
            provider.discard();

            assertImages(out, kept, 4);
            for (String path : later) {
                assertThat(out.resolve(path)).doesNotExist();
            }
            assertThat(snapshot(out)).isEqualTo(committed);
        }
    }

    @Test
    void discard_while_batches_are_being_written_should_leave_nothing_of_them() throws Exception {
        Path out = outputDir();
        List<Attendee> attendees = attendees(64);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (ImageProvider provider = provider()) {
            CountDownLatch written = new CountDownLatch(1);
            List<Future<Throwable>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Attendee> batch = attendees.subList(t * 16, t * 16 + 16);
                Callable<Throwable> call = () -> {
                    try {
                        // Until the discard refuses a write; a provider that never does stops after a while.
                        for (int round = 0; round < 100; round++) {
                            provider.imagesFor(batch, out);
                            written.countDown();
                        }
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(call));
            }
            assertThat(written.await(60, TimeUnit.SECONDS)).as("a batch was written").isTrue();
            provider.discard();

            for (Future<Throwable> f : futures) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isInstanceOf(AttendeeException.class);
            }
            assertThat(out).as("nothing of the discarded run").isEmptyDirectory();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Every file and folder under {@code dir}, by relative path: a file's bytes in hex, a folder's
     * {@code "folder"}.
     */
    protected static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.filter(p -> !p.equals(dir)).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                entries.put(name, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "folder"
                        : HexFormat.of().formatHex(Files.readAllBytes(p)));
            }
        }
        return entries;
    }

    /** {@code count} different paths, each an image as {@link #assertImage} checks. */
    protected static void assertImages(Path outputDir, List<String> paths, int count) throws IOException {
        assertThat(paths).hasSize(count).doesNotHaveDuplicates();
        for (String path : paths) {
            assertImage(outputDir, path);
        }
    }

    /** The file behind {@code path}: relative, under {@code images/}, present, and an image. */
    protected static void assertImage(Path outputDir, String path) throws IOException {
        assertThat(path).startsWith("images/").doesNotContain("..").doesNotContain("\\");
        assertThat(Path.of(path).isAbsolute()).isFalse();
        Path file = outputDir.resolve(path).normalize();
        assertThat(file.startsWith(outputDir.resolve("images"))).isTrue();
        assertThat(file).isRegularFile();
        assertThat(Files.isSymbolicLink(file)).isFalse();
        if (path.endsWith(".webp")) {
            byte[] head = Files.readAllBytes(file);
            assertThat(new String(head, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
            return;
        }
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as("%s decodes as an image", path).isNotNull();
        assertThat(image.getWidth()).isPositive();
    }
}
