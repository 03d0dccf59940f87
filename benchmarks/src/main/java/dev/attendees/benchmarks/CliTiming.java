package dev.attendees.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the {@code ./attendees} launcher end to end, JVM start included: {@code generate --count
 * 5000} and {@code --count 1000000}, each once untimed (so the launcher builds the CLI jar if it
 * must) and then {@value #RUNS} times; the median is what the report shows.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.attendees.benchmarks.CliTiming [out.json]
 * </pre>
 */
public final class CliTiming {

    static final int RUNS = 5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One timed command: wall seconds of each run and their median. */
    public record Timing(String command, long count, double targetSeconds, List<Double> seconds, double median) {}

    private CliTiming() {}

    public static void main(String[] args) throws Exception {
        Path root = BenchmarkReport.projectRoot();
        Path out = args.length > 0 ? Path.of(args[0]) : root.resolve("benchmarks/target/cli-timings.json");
        run(root, out);
    }

    /** Times both commands and writes {@code out}. */
    public static List<Timing> run(Path root, Path out) throws IOException, InterruptedException {
        Path launcher = root.resolve("attendees");
        if (!Files.isExecutable(launcher)) {
            System.err.println("CliTiming: no executable " + launcher + "; CLI not timed");
            return List.of();
        }
        List<Timing> timings = new ArrayList<>();
        timings.add(time(root, 5_000, "/tmp/b5000.csv", 2.0));
        timings.add(time(root, 1_000_000, "/tmp/b1m.csv", 5.0));
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), timings);
        return timings;
    }

    private static Timing time(Path root, long count, String file, double target)
            throws IOException, InterruptedException {
        List<String> command = List.of("./attendees", "generate", "--count", Long.toString(count), "--out", file);
        runOnce(root, command); // builds the CLI when needed; not timed
        double[] seconds = new double[RUNS];
        for (int i = 0, rebuilds = 0; i < RUNS; ) {
            double s = runOnce(root, command);
            if (Double.isNaN(s) && ++rebuilds <= 3) {
                continue; // the sources changed and the launcher rebuilt the CLI: not a fair run, redo it
            }
            seconds[i++] = s;
        }
        List<Double> list = Arrays.stream(seconds).boxed().toList();
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double median = sorted[RUNS / 2];
        System.out.printf("CLI %s: median %.2f s of %s%n", String.join(" ", command), median, list);
        return new Timing(String.join(" ", command), count, target, list, median);
    }

    /** Wall seconds of one run, or NaN when the launcher had to build the CLI first. */
    private static double runOnce(Path root, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("attendees-cli-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            long start = System.nanoTime();
            int exit = pb.start().waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            String output = Files.readString(log);
            if (exit != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + exit + ":\n" + output);
            }
            return output.contains("building the CLI") ? Double.NaN : seconds;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
