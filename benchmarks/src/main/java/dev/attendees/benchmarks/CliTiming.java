package dev.attendees.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times whole processes, JVM start included: the {@code ./attendees} launcher's {@code --version}
 * (the JVM, the class-data archive and the command line, nothing generated), {@code generate} of 1,
 * 1,000, 5,000, 200,000 and 1,000,000 attendees into CSV files, and beside the 200,000 a plain
 * Datafaker loop of 200,000 as a process of its own ({@link DatafakerAttendees}, started with the
 * launcher's default JVM options). Commands compared with each other run in turn, run after run, so
 * that a change in the machine's load falls on each alike; each command once untimed first (so the
 * launcher builds the CLI jar if it must), then {@value #RUNS} times ({@value #SHORT_RUNS} for the
 * start-up commands); the median is what the report shows.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.attendees.benchmarks.CliTiming [out.json]
 * </pre>
 */
public final class CliTiming {

    static final int RUNS = 5;
    /** Runs of the commands that take well under a second, whose spread is larger. */
    static final int SHORT_RUNS = 11;
    /** The Datafaker loop's JVM options: the launcher's defaults. */
    static final List<String> LAUNCHER_JVM_OPTIONS =
            List.of("-XX:+UseParallelGC", "-Xss2m", "-Xmn256m", "-XX:MaxTenuringThreshold=0");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a timed command is, for the report's comparisons. */
    public enum Kind {
        /** {@code ./attendees --version}. */
        VERSION,
        /** {@code ./attendees generate --count N --out FILE}. */
        GENERATE,
        /** The plain Datafaker loop writing N attendees to a CSV file. */
        DATAFAKER
    }

    /**
     * One timed command: wall seconds of each run and their median.
     *
     * @param kind null in timings written before kinds were recorded: {@link Kind#GENERATE}
     * @param targetSeconds the command's own target, or 0 for none (its target compares it with another)
     */
    public record Timing(Kind kind, String command, long count, double targetSeconds, List<Double> seconds, double median) {
        public Timing {
            kind = kind == null ? Kind.GENERATE : kind;
        }
    }

    private record Command(Kind kind, List<String> args, long count, double target) {}

    private CliTiming() {}

    public static void main(String[] args) throws Exception {
        Path root = BenchmarkReport.projectRoot();
        Path out = args.length > 0 ? Path.of(args[0]) : root.resolve("benchmarks/target/cli-timings.json");
        run(root, out);
    }

    /** Times every command and writes {@code out}. */
    public static List<Timing> run(Path root, Path out) throws IOException, InterruptedException {
        Path launcher = root.resolve("attendees");
        if (!Files.isExecutable(launcher)) {
            System.err.println("CliTiming: no executable " + launcher + "; CLI not timed");
            return List.of();
        }
        String tmp = System.getProperty("java.io.tmpdir");
        List<Timing> timings = new ArrayList<>();
        // Start-up: the same JVM and archive with nothing generated, then a small run.
        timings.addAll(time(root, SHORT_RUNS, List.of(
                new Command(Kind.VERSION, List.of("./attendees", "--version"), 0, 0),
                generate(1, tmp + "/b1.csv", 0),
                generate(1_000, tmp + "/b1000.csv", 0))));
        timings.addAll(time(root, RUNS, List.of(generate(5_000, tmp + "/b5000.csv", 2.0))));
        // 200,000 to CSV beside the plain Datafaker loop, both whole processes.
        List<String> datafaker = new ArrayList<>();
        datafaker.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        datafaker.addAll(LAUNCHER_JVM_OPTIONS);
        datafaker.addAll(List.of("-cp", System.getProperty("java.class.path"), DatafakerAttendees.class.getName(),
                "200000", tmp + "/bdatafaker200k.csv"));
        timings.addAll(time(root, RUNS, List.of(generate(200_000, tmp + "/b200k.csv", 0),
                new Command(Kind.DATAFAKER, datafaker, 200_000, 0))));
        timings.addAll(time(root, RUNS, List.of(generate(1_000_000, tmp + "/b1m.csv", 5.0))));
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writeValue(out.toFile(), timings);
        return timings;
    }

    private static Command generate(long count, String file, double target) {
        return new Command(Kind.GENERATE, List.of("./attendees", "generate", "--count", Long.toString(count), "--out", file),
                count, target);
    }

    /** Each command once untimed, then {@code runs} rounds of each command in turn. */
    private static List<Timing> time(Path root, int runs, List<Command> commands) throws IOException, InterruptedException {
        for (Command c : commands) {
            runOnce(root, c.args()); // builds the CLI when needed; not timed
        }
        double[][] seconds = new double[commands.size()][runs];
        for (int i = 0, rebuilds = 0; i < runs; ) {
            double[] round = new double[commands.size()];
            boolean fair = true;
            for (int c = 0; c < commands.size(); c++) {
                round[c] = runOnce(root, commands.get(c).args());
                fair &= !Double.isNaN(round[c]);
            }
            if (!fair && ++rebuilds <= 3) {
                continue; // the sources changed and the launcher rebuilt the CLI: not a fair round, redo it
            }
            for (int c = 0; c < commands.size(); c++) {
                seconds[c][i] = round[c];
            }
            i++;
        }
        List<Timing> timings = new ArrayList<>();
        for (int c = 0; c < commands.size(); c++) {
            Command command = commands.get(c);
            List<Double> list = Arrays.stream(seconds[c]).boxed().toList();
            double[] sorted = seconds[c].clone();
            Arrays.sort(sorted);
            double median = sorted[runs / 2];
            String text = String.join(" ", command.kind() == Kind.DATAFAKER ? shown(command.args()) : command.args());
            System.out.printf("CLI %s: median %.2f s of %s%n", text, median, list);
            timings.add(new Timing(command.kind(), text, command.count(), command.target(), list, median));
        }
        return timings;
    }

    /** The Datafaker command as the report shows it: the jar's path relative, the JVM's options kept. */
    private static List<String> shown(List<String> args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (i == 0) {
                out.add("java");
            } else if (args.get(i - 1).equals("-cp")) {
                out.add(a.contains(File.pathSeparator) ? "benchmarks/target/classes:..." : "benchmarks/target/benchmarks.jar");
            } else {
                out.add(a);
            }
        }
        return out;
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
