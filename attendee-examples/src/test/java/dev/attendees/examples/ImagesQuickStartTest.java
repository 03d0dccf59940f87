package dev.attendees.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesQuickStartTest {
    @Test
    void the_images_guide_example_should_run_as_written(@TempDir Path dir) throws Exception {
        assumeTrue(System.getenv("UNSPLASH_ACCESS_KEY") == null, "tests never call the real Unsplash");
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            ImagesQuickStart.main(new String[] {dir.toString()});
        } finally {
            System.setOut(original);
        }

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("{avatar=100}\nimages/1.png\ntrue\navatar gives images/1.png\n");
        assertThat(ImageIO.read(dir.resolve("images/100.png").toFile()).getWidth()).isEqualTo(256);
    }
}
