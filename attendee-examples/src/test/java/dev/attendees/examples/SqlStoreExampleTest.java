package dev.attendees.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlStoreExampleTest {
    @Test
    void the_docs_example_should_run_as_written(@TempDir Path dir) {
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            SqlStoreExample.main(new String[] {dir.resolve("attendees.db").toString()});
        } finally {
            System.setOut(original);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).matches("(?s)Technology: \\d+\\n.+: \\d+\\n.+: \\d+\\n"
                + "top interests: \\[ValueCount\\[value=Kubernetes, count=\\d+].+\\n"
                + "\\d+ match; first: .+ at 2026-11-10T09:.+\\n\\d+ platform engineers\\n\\[booth, visits] \\[\\[.+, \\d+], \\[.+, \\d+]]\\n");
    }
}
