package dev.attendees.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attendees.Attendee;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.llm.LlmProvider;
import dev.attendees.llm.testing.FakeLlmServer;
import dev.attendees.llm.testing.Fault;
import dev.attendees.llm.testing.FaultPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real CLI process in record mode, killed (SIGKILL) mid-run against the fake server, then run
 * again: the same final count, no duplicates, and only the unfinished batches asked for again. The
 * key, given only in the environment, appears in no log, output or checkpoint, even with -v.
 */
class LlmResumeTest {
    private static final String KEY = "sk-resume-SECRET-7d1e0c55aa";
    private static final int COUNT = 400;
    private static final int BATCHES = COUNT / 20;

    @Test
    void a_killed_run_should_resume_without_asking_again_for_finished_batches(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("attendees.csv");
        Path checkpoint = dir.resolve("attendees.csv.llm-checkpoint");
        try (FakeLlmServer server = FakeLlmServer.builder().apiKey(KEY).latency(Duration.ofMillis(300))
                .retryAfter(Duration.ofMillis(50)).faults(FaultPlan.sequence(Fault.SERVER_ERROR)).start()) {
            List<String> args = List.of("generate", "--count", String.valueOf(COUNT), "--llm", "openai",
                    "--llm-base-url", server.baseUrl(LlmProvider.OPENAI), "--llm-concurrency", "2", "--out", out.toString(), "-v");
            Path log1 = dir.resolve("run1.log");
            int finished;
            String checkpointText;
            try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
                Process first = start(args, log1);
                try {
                    // Wait, on file events, until the checkpoint holds five finished batches.
                    while (finishedBatches(checkpoint) < 5) {
                        WatchKey key = watcher.poll(60, TimeUnit.SECONDS);
                        assertThat(key).as("the run kept writing its checkpoint").isNotNull();
                        key.pollEvents();
                        key.reset();
                        assertThat(first.isAlive()).as("the run is still going").isTrue();
                    }
                } finally {
                    first.destroyForcibly();
                }
                assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(first.exitValue()).isNotZero();
                checkpointText = Files.readString(checkpoint, StandardCharsets.UTF_8);
                finished = finishedBatches(checkpoint);
            }
            assertThat(out).as("a killed run leaves no output").doesNotExist();
            assertThat(finished).isBetween(5, BATCHES - 1);

            int before = server.calls();
            Path log2 = dir.resolve("run2.log");
            Process second = start(args, log2);
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(second.exitValue()).as(Files.readString(log2)).isZero();
            assertThat(server.calls() - before).as("only unfinished batches are asked for: %s", Files.readString(log2)).isEqualTo(BATCHES - finished);

            List<Attendee> attendees = AttendeeFormat.readAll(out);
            assertThat(attendees).hasSize(COUNT);
            assertThat(attendees).extracting(Attendee::id).containsExactlyElementsOf(
                    java.util.stream.LongStream.rangeClosed(1, COUNT).boxed().toList());
            assertThat(attendees).extracting(Attendee::email).doesNotHaveDuplicates();
            assertThat(checkpoint).as("removed after the successful run").doesNotExist();
            assertThat(Files.readString(log2)).contains("resumed: " + finished * 20 + " records reused from the checkpoint");

            // The key went to the server and nowhere else.
            assertThat(server.log()).allSatisfy(c -> assertThat(c.headers().get("authorization")).isEqualTo("Bearer " + KEY));
            assertThat(Files.readString(log1)).contains("DEBUG").doesNotContain(KEY);
            assertThat(Files.readString(log2)).doesNotContain(KEY);
            assertThat(Files.readString(out)).doesNotContain(KEY);
            assertThat(checkpointText).doesNotContain(KEY);
        }
    }

    private static Process start(List<String> args, Path log) throws Exception {
        ProcessBuilder pb = CliProcess.of(args).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OPENAI_API_KEY", KEY);
        return pb.start();
    }

    /** Complete batch lines of the checkpoint (a line cut by the kill does not count). */
    private static int finishedBatches(Path checkpoint) throws Exception {
        if (!Files.exists(checkpoint)) {
            return 0;
        }
        String text = Files.readString(checkpoint, StandardCharsets.UTF_8);
        int lines = 0;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("{\"records\"") && line.endsWith("}")) {
                lines++;
            }
        }
        return text.endsWith("\n") ? lines : Math.max(0, lines - (text.substring(text.lastIndexOf('\n') + 1).endsWith("}") ? 1 : 0));
    }
}
