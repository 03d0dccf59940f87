package dev.attendees.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the benchmarks, then writes the report.
 *
 * <pre>
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar                        # everything (about 25 minutes on 2 cores)
 * java -jar benchmarks/target/benchmarks.jar 'Generation|Datafaker' # only benchmarks matching the regex(es)
 * java -jar benchmarks/target/benchmarks.jar --merge CsvExport      # re-run some, keeping the other results
 * java -jar benchmarks/target/benchmarks.jar Csv -i 1 -wi 1         # any JMH option works too
 * java -jar benchmarks/target/benchmarks.jar --no-cli               # skip timing the ./attendees CLI
 * java -jar benchmarks/target/benchmarks.jar --wait-quiet=120       # on a shared machine: before each benchmark,
 *                                                                   # wait up to 120 s for other load to drop below 10%
 * </pre>
 *
 * <p>Results go to {@code benchmarks/target/jmh-results.json} (under the project root, found by
 * walking up from the working directory), with the machine's description ({@code machine.json}),
 * other processes' CPU load per benchmark ({@code interference.json}) and CLI timings ({@code
 * cli-timings.json}) beside it; then the report is written to {@code docs/benchmarks.md} and
 * {@code docs/benchmarks.png}. Without {@code --merge}, a run restricted by a regex replaces the
 * results, and the report covers only those.
 */
public final class BenchmarkMain {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        boolean cli = true;
        boolean merge = false;
        int waitQuiet = 0;
        List<String> jmhArgs = new ArrayList<>();
        for (String a : args) {
            switch (a) {
                case "--no-cli" -> cli = false;
                case "--merge" -> merge = true;
                default -> {
                    if (a.startsWith("--wait-quiet=")) {
                        waitQuiet = Integer.parseInt(a.substring("--wait-quiet=".length()));
                    } else {
                        jmhArgs.add(a);
                    }
                }
            }
        }
        CommandLineOptions given = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        if (given.shouldHelp() || given.shouldList() || given.shouldListWithParams() || given.shouldListProfilers()
                || given.shouldListResultFormats()) {
            // Let JMH print its help or the lists; run nothing.
            org.openjdk.jmh.Main.main(jmhArgs.toArray(String[]::new));
            return;
        }

        Path root = BenchmarkReport.projectRoot();
        Path target = root.resolve("benchmarks/target");
        Files.createDirectories(target);
        Path json = target.resolve("jmh-results.json");
        Path interferenceFile = target.resolve("interference.json");
        Path runJson = merge && Files.isRegularFile(json) ? target.resolve("jmh-results.partial.json") : json;

        MachineInfo machine = MachineInfo.capture(); // before the run: its date and commit
        Options options = new OptionsBuilder()
                .parent(given)
                .resultFormat(ResultFormatType.JSON)
                .result(runJson.toString())
                .build();
        PrintStream console = options.getOutput().hasValue()
                ? new PrintStream(options.getOutput().get(), "UTF-8") : System.out;
        Interference interference = new Interference(
                OutputFormatFactory.createFormatInstance(console, options.verbosity().orElse(VerboseMode.NORMAL)), waitQuiet);
        Collection<RunResult> results = new Runner(options, interference).run();
        if (results.isEmpty()) {
            System.err.println("No benchmark ran (nothing matched " + given.getIncludes() + "); no report written.");
            System.exit(1);
        }
        machine.write(target.resolve("machine.json"));
        if (runJson.equals(json)) {
            Interference.write(interferenceFile, interference.entries());
        } else {
            mergeResults(json, runJson);
            Files.delete(runJson);
            List<Interference.Entry> all = new ArrayList<>(Interference.read(interferenceFile));
            for (Interference.Entry e : interference.entries()) {
                all.removeIf(old -> old.benchmark().equals(e.benchmark()) && old.params().equals(e.params()));
                all.add(e);
            }
            Interference.write(interferenceFile, all);
        }

        if (cli) {
            CliTiming.run(root, target.resolve("cli-timings.json"));
        }
        BenchmarkReport.write(json, root.resolve("docs/benchmarks.md"));
    }

    /** Replaces results in {@code into} by those of {@code from} with the same benchmark and params; adds new ones. */
    static void mergeResults(Path into, Path from) throws IOException {
        ArrayNode merged = (ArrayNode) JSON.readTree(into.toFile());
        for (JsonNode fresh : JSON.readTree(from.toFile())) {
            int at = -1;
            for (int i = 0; i < merged.size(); i++) {
                if (key(merged.get(i)).equals(key(fresh))) {
                    at = i;
                    break;
                }
            }
            if (at >= 0) {
                merged.set(at, fresh);
            } else {
                merged.add(fresh);
            }
        }
        JSON.writeValue(into.toFile(), merged);
    }

    private static String key(JsonNode result) {
        Map<String, String> params = new TreeMap<>();
        JsonNode p = result.get("params");
        if (p != null) {
            p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        }
        return Objects.toString(result.get("benchmark").asText()) + params;
    }
}
