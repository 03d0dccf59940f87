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

/**
 * A real CLI process stopped mid-run leaves no file behind and says so in one line: Ctrl-C (SIGINT,
 * exit 130), SIGTERM (143); a reader of its standard output that goes away stops it quietly (141).
 */
class InterruptedRunTest {

    /** Sends a signal as a terminal's Ctrl-C or a supervisor would. */
    private static void signal(Process process, String name) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor()).isZero();
    }

    private static String stderr(Process process) throws Exception {
        return new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void ctrl_c_should_say_in_one_line_that_nothing_was_written_and_exit_130(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("attendees.csv");
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            Process process = CliProcess.of("generate", "--count", "50000000", "--out", out.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                WatchKey key = watcher.poll(60, TimeUnit.SECONDS);
                assertThat(key).as("the CLI created its temporary file").isNotNull();
                signal(process, "INT");
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isEqualTo(130);
                assertThat(stderr(process)).isEqualTo("attendees: interrupted: nothing was written to " + out + System.lineSeparator());
            } finally {
                process.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("files left behind").isEmpty();
        }
    }

    @Test
    void sigterm_should_say_the_database_got_nothing_and_exit_143(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("attendees.db");
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            Process process = CliProcess.of("generate", "--count", "50000000", "--db", db.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                assertThat(watcher.poll(60, TimeUnit.SECONDS)).as("the CLI created its temporary database").isNotNull();
                signal(process, "TERM");
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isEqualTo(143);
                assertThat(stderr(process)).isEqualTo("attendees: interrupted: nothing was written to " + db + System.lineSeparator());
            } finally {
                process.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("database files left behind").isEmpty();
        }
    }

    @Test
    void a_reader_that_goes_away_should_stop_the_run_quietly_with_141() throws Exception {
        Process process = CliProcess.of("generate", "--count", "50000000").start();
        try {
            java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(lines.readLine()).startsWith("id,name,email");
            assertThat(lines.readLine()).startsWith("1,");
            lines.close(); // as `| head -2` does
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the run stopped").isTrue();
            assertThat(process.exitValue()).isEqualTo(141);
            assertThat(stderr(process)).isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

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
