package dev.attendees.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The machine the benchmarks ran on, saved beside the JMH results for the report. */
public record MachineInfo(
        int cores, String cpu, long memoryMiB, String os, String jvm, String date, String commit) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** This machine, now. */
    public static MachineInfo capture() {
        String cpu = "unknown";
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            cpu = lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException | RuntimeException e) {
            cpu = System.getProperty("os.arch");
        }
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() / (1024 * 1024);
        }
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")";
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")";
        return new MachineInfo(Runtime.getRuntime().availableProcessors(), cpu, memory, os, jvm,
                OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString(), gitCommit());
    }

    /** The project's git commit, with {@code -dirty} when the work tree has changes; "unknown" without git. */
    private static String gitCommit() {
        String given = System.getProperty("attendees.commit");
        if (given != null && !given.isBlank()) {
            return given.strip(); // for runs from a source snapshot without .git
        }
        try {
            Path root = BenchmarkReport.projectRoot();
            String head = git(root, "rev-parse", "--short", "HEAD");
            if (head.isEmpty()) {
                return "unknown";
            }
            String changed = git(root, "status", "--porcelain", "--untracked-files=no", "--", ".",
                    ":(exclude)benchmarks", ":(exclude)docs");
            return changed.isEmpty() ? head : head + "-dirty";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        return p.waitFor() == 0 ? out : "";
    }

    /** Reads a saved description, or describes this machine when {@code file} is missing. */
    public static MachineInfo readOrCapture(Path file) throws IOException {
        return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), MachineInfo.class) : capture();
    }

    public void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }
}
