package dev.attendees.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine without fonts (fontconfig finds nothing, the JDK's font cache and font path are empty):
 * the JDK's font system fails with an InternalError there, and avatars are drawn anyway, without
 * letters.
 */
class NoFontsTest {

    @Test
    void should_draw_avatars_without_initials_on_a_machine_without_fonts(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("fonts.conf"),
                "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig></fontconfig>");
        Path out = dir.resolve("out");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir.resolve("home"), "-Dsun.java2d.fontpath=" + dir.resolve("no-fonts"),
                "-cp", System.getProperty("java.class.path"), NoFontsMain.class.getName(), out.toString());
        builder.environment().put("FONTCONFIG_FILE", config.toString());
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        List<Path> files;
        try (Stream<Path> list = Files.list(out.resolve("images"))) {
            files = list.toList();
        }
        assertThat(files).hasSize(20);
        for (Path f : files) {
            assertThat(ImageIO.read(f.toFile()).getWidth()).isEqualTo(AvatarImageProvider.DEFAULT_SIZE);
        }
        assumeTrue(output.contains("fonts=false"), "this JDK found fonts anyway: " + output);
        assertThat(output).contains("no fonts installed: avatars without initials (install fonts-dejavu-core)");
    }

}
