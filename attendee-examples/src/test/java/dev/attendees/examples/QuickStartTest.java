package dev.attendees.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickStartTest {
    @Test
    void the_readme_example_should_run_as_written(@TempDir Path dir) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        Path out = dir.resolve("attendees.csv");
        try {
            QuickStart.main(new String[] {out.toString()});
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).matches("(?s).+ <.+@.+>, .+ at .+\\n\\d+ of 5,000 work in healthcare\\n");
        try (var lines = Files.lines(out)) {
            assertThat(lines.count()).isEqualTo(100_001);
        }
    }
}
