package dev.attendees.images.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.AttendeeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run changes in an images folder, and how {@code commit} and {@code discard} end it. */
class ImageFolderTest {
    @TempDir
    Path out;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Every file under the output folder with its text, hidden ones included. */
    private Map<String, String> files() throws IOException {
        Map<String, String> all = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                all.put(out.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return all;
    }

    /** An earlier run's images 1.png, 2.jpg and 3.png, committed. */
    private void earlierRun() {
        ImageFolder.Registry earlier = new ImageFolder.Registry();
        ImageFolder folder = earlier.of(out);
        folder.write(1, ImageType.PNG, bytes("earlier 1"));
        folder.write(2, ImageType.JPEG, bytes("earlier 2"));
        folder.write(3, ImageType.PNG, bytes("earlier 3"));
        earlier.commit();
    }

    @Test
    void discard_should_remove_new_files_and_put_back_rewritten_and_replaced_ones() throws IOException {
        earlierRun();
        Map<String, String> before = files();
        ImageFolder.Registry run = new ImageFolder.Registry();
        ImageFolder folder = run.of(out);

        folder.write(1, ImageType.PNG, bytes("new 1"));        // rewritten
        folder.write(2, ImageType.PNG, bytes("new 2"));        // 2.jpg gives way to 2.png
        folder.write(4, ImageType.JPEG, bytes("new 4"));       // new
        folder.write(4, ImageType.PNG, bytes("new 4 again"));  // new, and this run's 4.jpg goes
        folder.cache(folder.cacheDir().resolve("photo.jpg"), o -> o.write(bytes("download")));
        assertThat(files()).containsEntry("images/1.png", "new 1").containsEntry("images/2.png", "new 2")
                .doesNotContainKeys("images/2.jpg", "images/4.jpg").containsEntry("images/4.png", "new 4 again");

        run.discard();

        assertThat(files()).isEqualTo(before);
        assertThat(out.resolve("images/.cache")).as("the cache this run made").doesNotExist();
    }

    @Test
    void commit_should_keep_the_run_and_leave_no_kept_originals() throws IOException {
        earlierRun();
        ImageFolder.Registry run = new ImageFolder.Registry();
        ImageFolder folder = run.of(out);
        folder.write(1, ImageType.PNG, bytes("new 1"));
        folder.write(2, ImageType.PNG, bytes("new 2"));
        folder.write(5, ImageType.PNG, bytes("new 5"));

        run.commit();
        run.discard();

        assertThat(files()).isEqualTo(Map.of("images/1.png", "new 1", "images/2.png", "new 2",
                "images/3.png", "earlier 3", "images/5.png", "new 5"));
    }

    @Test
    void discard_should_be_idempotent_and_harmless_when_nothing_was_written() throws IOException {
        earlierRun();
        Map<String, String> before = files();
        ImageFolder.Registry idle = new ImageFolder.Registry();
        idle.discard();
        idle.discard();
        ImageFolder.Registry opened = new ImageFolder.Registry();
        opened.of(out);
        opened.discard();
        opened.discard();

        assertThat(files()).isEqualTo(before);
        assertThat(out.resolve("images")).isDirectory();
    }

    @Test
    void a_discarded_run_should_refuse_every_later_write_and_folder() {
        ImageFolder.Registry run = new ImageFolder.Registry();
        ImageFolder folder = run.of(out);
        folder.write(1, ImageType.PNG, bytes("1"));
        run.discard();

        assertThatThrownBy(() -> folder.write(2, ImageType.PNG, bytes("2"))).isInstanceOf(AttendeeException.class)
                .hasMessage("cannot write " + out.toAbsolutePath().resolve("images/2.png")
                        + ": the images of this run were discarded; a new run needs a new image provider");
        assertThatThrownBy(folder::cacheDir).isInstanceOf(AttendeeException.class);
        assertThatThrownBy(() -> run.of(out.resolve("other"))).isInstanceOf(AttendeeException.class);
        assertThat(out).isEmptyDirectory();
        assertThat(out.resolve("other")).doesNotExist();
    }

    @Test
    void a_later_run_of_the_same_provider_should_not_take_back_what_was_committed() throws IOException {
        ImageFolder.Registry run = new ImageFolder.Registry();
        ImageFolder folder = run.of(out);
        folder.write(1, ImageType.PNG, bytes("first run"));
        run.commit();
        folder.write(1, ImageType.PNG, bytes("second run"));
        folder.write(2, ImageType.PNG, bytes("second run"));

        run.discard();

        assertThat(files()).isEqualTo(Map.of("images/1.png", "first run"));
    }
}
