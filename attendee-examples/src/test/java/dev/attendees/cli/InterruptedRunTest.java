package dev.attendees.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real CLI process stopped mid-run (SIGTERM, as Ctrl-C does) leaves no file behind. */
class InterruptedRunTest {

    @Test
    void a_killed_run_should_leave_nothing_under_the_requested_name(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("attendees.csv");
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            Process process = CliProcess.of("generate", "--count", "50000000", "--out", out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                // The run has begun writing once its temporary file appears.
                WatchKey key = watcher.poll(60, TimeUnit.SECONDS);
                assertThat(key).as("the CLI created its temporary file").isNotNull();
                assertThat(key.pollEvents()).anySatisfy(e -> assertThat(e.context().toString()).startsWith(".attendees.csv."));
            } finally {
                process.destroy();
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isNotZero();
        }
        assertThat(out).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("temporary files left behind").isEmpty();
        }
    }

    @Test
    void a_killed_run_into_a_new_database_should_leave_no_database(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("attendees.db");
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            Process process = CliProcess.of("generate", "--count", "50000000", "--db", db.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                // The run has begun once its temporary database file appears (the name comes on success only).
                WatchKey key = watcher.poll(60, TimeUnit.SECONDS);
                assertThat(key).as("the CLI created the database").isNotNull();
                assertThat(key.pollEvents()).anySatisfy(e -> assertThat(e.context().toString()).startsWith(".attendees.db.attendees-"));
            } finally {
                process.destroy();
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isNotZero();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("database files left behind").isEmpty();
        }
    }
}
