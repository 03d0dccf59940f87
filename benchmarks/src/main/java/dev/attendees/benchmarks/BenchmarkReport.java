package dev.attendees.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns JMH's JSON results into {@code docs/benchmarks.md} and the chart {@code docs/benchmarks.png}.
 * Runs on its own on an existing result file:
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.attendees.benchmarks.BenchmarkReport \
 *     benchmarks/target/jmh-results.json docs/benchmarks.md
 * </pre>
 *
 * <p>Without arguments it reads {@code benchmarks/target/jmh-results.json} and writes {@code
 * docs/benchmarks.md} under the project root (the folder holding {@code attendee-core}, found by
 * walking up from the working directory). {@code machine.json} and {@code cli-timings.json} beside
 * the results are used when present. The chart goes beside the Markdown file, named like it with
 * {@code .png}.
 */
public final class BenchmarkReport {

    static final String PACKAGE = "dev.attendees.benchmarks.";
    static final double TARGET_RATE = 500_000;
    static final double TARGET_CSV_SECONDS = 5;
    static final double TARGET_SPEEDUP = 2;
    static final long TARGET_UNIQUE = 10_000_000;
    static final int COMPARE_AT = 5_000;
    /** The benchmark classes the chart shows: the engine's attendees per second. */
    static final List<String> CHARTED = List.of("GenerationBenchmark", "DatafakerBaselineBenchmark", "CsvExportBenchmark",
            "UniqueEmailsBenchmark");
    static final double TARGET_JUNIT_MS = 20;
    /** The first {@code @FakeAttendees} injection of a JVM, milliseconds. */
    static final double TARGET_FIRST_INJECTION_MS = 100;
    /** {@code generate --count 1000} over {@code --version}, whole processes, seconds. */
    static final double TARGET_OVER_VERSION_SECONDS = 0.15;
    /** 200,000 attendees to CSV as a share of the plain Datafaker loop's time, whole processes. */
    static final double TARGET_DATAFAKER_SHARE = 0.5;
    static final double TARGET_SQL_GENERATE_SECONDS = 10;
    static final double TARGET_IMPORT_RATIO = 3;
    static final double TARGET_QUERY_MS = 50;
    static final double TARGET_AVATARS_SECONDS = 10;
    /** LLM record mode: count → target seconds; profile mode 5,000 under 20 s; within 10% of the ideal. */
    static final Map<Long, Double> TARGET_LLM_RECORD_SECONDS = Map.of(1_000L, 60.0, 5_000L, 240.0);
    static final double TARGET_LLM_PROFILE_SECONDS = 20;
    static final double TARGET_LLM_OVER_IDEAL = 0.10;

    /** Other processes' CPU share above which a result is flagged as disturbed. */
    static final double DISTURBED = 0.10;

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private BenchmarkReport() {}

    /**
     * One result row.
     *
     * @param benchmark the short name, {@code Class.method} without the package
     * @param count the {@code count} parameter, or 0 when there is none
     * @param secondsPerOp the score as seconds per operation
     */
    record Row(String benchmark, Map<String, String> params, String mode, int threads, int forks, double score,
            double error, String unit, long count, double secondsPerOp) {

        /** Attendees per second: {@code count} attendees per operation. */
        double perSecond() {
            return count > 0 ? count / secondsPerOp : Double.NaN;
        }

        String group() {
            return benchmark.substring(0, benchmark.indexOf('.'));
        }

        String method() {
            return benchmark.substring(benchmark.indexOf('.') + 1);
        }
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path root = args.length >= 2 ? null : projectRoot();
        Path json = args.length >= 1 ? Path.of(args[0]) : root.resolve("benchmarks/target/jmh-results.json");
        Path md = args.length >= 2 ? Path.of(args[1]) : root.resolve("docs/benchmarks.md");
        write(json, md);
    }

    /** The project root: the nearest folder at or above the working directory holding {@code attendee-core}. */
    public static Path projectRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("attendee-core"))) {
                return p;
            }
        }
        throw new IllegalStateException("no folder holding attendee-core at or above " + start
                + "; run from inside the project or pass the paths");
    }

    /** Writes the Markdown report {@code md} and its chart beside it from JMH results {@code json}. */
    public static void write(Path json, Path md) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Row> rows = read(json);
        if (rows.isEmpty()) {
            throw new IllegalStateException(json + " holds no results");
        }
        JsonNode first = JSON.readTree(json.toFile()).get(0);
        MachineInfo machine = MachineInfo.readOrCapture(json.resolveSibling("machine.json"));
        Path cliFile = json.resolveSibling("cli-timings.json");
        List<CliTiming.Timing> cli = Files.isRegularFile(cliFile)
                ? JSON.readValue(cliFile.toFile(), new TypeReference<List<CliTiming.Timing>>() {})
                : List.of();

        Path absMd = md.toAbsolutePath();
        String pngName = absMd.getFileName().toString().replaceFirst("\\.md$", "") + ".png";
        Path png = absMd.resolveSibling(pngName);
        Files.createDirectories(absMd.getParent());
        BenchmarkChart.draw(rows.stream().filter(r -> CHARTED.contains(r.group())).toList(), png, machine.cores() + " cores, " + machine.cpu() + ", "
                + text(first, "vmName") + " " + text(first, "vmVersion"));
        List<Interference.Entry> interference = Interference.read(json.resolveSibling("interference.json"));
        Files.writeString(absMd, markdown(rows, first, machine, cli, interference, pngName));
        System.out.println("Wrote " + absMd + " and " + png);
    }

    /** The rows of a JMH JSON result file, in file order. */
    static List<Row> read(Path json) throws IOException {
        JsonNode root = JSON.readTree(json.toFile());
        List<Row> rows = new ArrayList<>();
        for (JsonNode b : root) {
            String name = b.get("benchmark").asText();
            String shortName = name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name;
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode p = b.get("params");
            if (p != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    params.put(e.getKey(), e.getValue().asText());
                }
            }
            JsonNode m = b.get("primaryMetric");
            double score = number(m.get("score"));
            String unit = m.get("scoreUnit").asText();
            long count = params.containsKey("count") ? Long.parseLong(params.get("count")) : 0;
            rows.add(new Row(shortName, params, b.get("mode").asText(), b.path("threads").asInt(1),
                    b.path("forks").asInt(1), score, number(m.get("scoreError")), unit, count,
                    secondsPerOp(score, unit)));
        }
        return rows;
    }

    private static double number(JsonNode n) {
        if (n == null || n.isNull()) {
            return Double.NaN;
        }
        return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asText()); // JMH writes "NaN" as text
    }

    /** A JMH score in {@code unit} ({@code us/op}, {@code ops/s}, ...) as seconds per operation. */
    static double secondsPerOp(double score, String unit) {
        if (unit.endsWith("/op")) {
            return score * seconds(unit.substring(0, unit.length() - 3));
        }
        if (unit.startsWith("ops/")) {
            return seconds(unit.substring(4)) / score;
        }
        throw new IllegalArgumentException("unknown score unit " + unit);
    }

    private static double seconds(String unit) {
        return switch (unit) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "s" -> 1;
            case "min" -> 60;
            case "hr" -> 3600;
            case "day" -> 86400;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }

    /** Other processes' share of the CPU while {@code r} ran, or NaN when not recorded. */
    private static double otherLoad(Row r, List<Interference.Entry> interference) {
        return interference.stream().filter(e -> e.benchmark().equals(r.benchmark()) && e.params().equals(r.params()))
                .mapToDouble(Interference.Entry::otherCpuShare).findFirst().orElse(Double.NaN);
    }

    private static String markdown(List<Row> rows, JsonNode first, MachineInfo machine, List<CliTiming.Timing> cli,
            List<Interference.Entry> interference, String pngName) {
        StringBuilder s = new StringBuilder();
        s.append("# Benchmarks\n\n");
        s.append("<!-- Generated by dev.attendees.benchmarks.BenchmarkReport from benchmarks/target/jmh-results.json. "
                + "Re-run the benchmarks (or the report) instead of editing by hand. -->\n\n");
        s.append("Throughput of the offline, correlated engine on one thread and on all cores, export to files, "
                + "e-mail uniqueness at 10,000,000 and a plain Datafaker loop as the baseline; the cost of the JUnit "
                + "extension per test; the SQLite store (generation into it, import beside the sqlite3 shell, common "
                + "queries, bulk operations); LLM generation against a fake server that answers in 5 s; and local avatars. Measured "
                + "with JMH " + text(first, "jmhVersion") + " on the machine below. Every run uses a fixed seed (42).\n\n");

        s.append("## How to run\n\n```bash\n"
                + "./mvnw -B -q -pl benchmarks -am package -DskipTests\n"
                + "java -jar benchmarks/target/benchmarks.jar                      # all benchmarks, then the CLI timings and this report\n"
                + "java -jar benchmarks/target/benchmarks.jar 'Generation|Datafaker' # only benchmarks whose name matches the regex(es)\n"
                + "java -jar benchmarks/target/benchmarks.jar --merge CsvExport     # re-run some benchmarks, keeping the other results\n"
                + "java -jar benchmarks/target/benchmarks.jar CsvExport -i 1 -wi 1  # any JMH option (-i, -wi, -f, -p count=5000 ...) works too\n"
                + "java -jar benchmarks/target/benchmarks.jar --no-cli              # skip timing ./attendees\n"
                + "java -jar benchmarks/target/benchmarks.jar --wait-quiet=120      # shared machine: before each benchmark wait up to 120 s for other load < 10%\n"
                + "# rewrite this report from existing results:\n"
                + "java -cp benchmarks/target/benchmarks.jar dev.attendees.benchmarks.BenchmarkReport benchmarks/target/jmh-results.json docs/benchmarks.md\n"
                + "```\n\n");
        s.append("Results land in `benchmarks/target/jmh-results.json`; the report covers whatever that file holds, so "
                + "a run restricted by a regex gives a partial report unless `--merge` is given. The whole set takes about 25 minutes on 2 cores (the LLM runs wait for the fake server: about 3 minutes; the SQLite and PostgreSQL runs build million-row databases: about 9 minutes). "
                + "CI compiles the benchmarks but does not run them.\n\n");

        s.append("## Machine\n\n| | |\n|---|---|\n");
        s.append("| Date (last run) | ").append(machine.date()).append(" |\n");
        if (machine.commit() != null) {
            s.append("| Commit | ").append(machine.commit()).append(" |\n");
        }
        s.append("| Cores | ").append(machine.cores()).append(" (").append(machine.cpu()).append(") |\n");
        if (machine.memoryMiB() > 0) {
            s.append("| Memory | ").append(String.format(Locale.ROOT, "%.1f GiB", machine.memoryMiB() / 1024.0))
                    .append(" |\n");
        }
        s.append("| OS | ").append(machine.os()).append(" |\n");
        s.append("| JVM | ").append(text(first, "vmName")).append(' ').append(text(first, "vmVersion"))
                .append(" (JDK ").append(text(first, "jdkVersion")).append(") |\n");
        s.append("| JMH | ").append(text(first, "jmhVersion")).append(", 1 fork per benchmark |\n\n");

        // Targets.
        Optional<Row> allCores1m = find(rows, r -> r.benchmark().equals("GenerationBenchmark.allCores") && r.count() == 1_000_000);
        Optional<Row> stream1m = find(rows, r -> r.benchmark().equals("GenerationBenchmark.allCoresStream") && r.count() == 1_000_000);
        Optional<Row> single5k = find(rows, r -> r.benchmark().equals("GenerationBenchmark.singleThread") && r.count() == COMPARE_AT);
        Optional<Row> faker5k = find(rows, r -> r.benchmark().equals("DatafakerBaselineBenchmark.singleThread") && r.count() == COMPARE_AT);
        Optional<Row> csv = find(rows, r -> r.benchmark().equals("CsvExportBenchmark.csv"));
        Optional<Row> unique = find(rows, r -> r.benchmark().startsWith("UniqueEmailsBenchmark."));

        s.append("## Targets\n\n| Target | Measured | Status |\n|---|---|---|\n");
        s.append("| ≥ 500,000 attendees/s on all cores | ");
        if (allCores1m.isPresent()) {
            s.append("`generate(1,000,000)`: ").append(rate(allCores1m.get().perSecond())).append(" attendees/s");
            stream1m.ifPresent(r -> s.append("; parallel `stream(1,000,000)`: ").append(rate(r.perSecond()))
                    .append(" attendees/s"));
            s.append(" | ").append(status(allCores1m.get().perSecond() >= TARGET_RATE)).append(" |\n");
        } else {
            s.append("not run | — |\n");
        }
        s.append("| 1,000,000 attendees to CSV in under 5 s | ");
        if (csv.isPresent()) {
            double secs = csv.get().secondsPerOp() * 1_000_000 / csv.get().count();
            s.append("`writeTo(CSV file, 1,000,000)`: ").append(secs(secs)).append(" s (")
                    .append(rate(csv.get().perSecond())).append(" attendees/s)");
            s.append(" | ").append(status(secs < TARGET_CSV_SECONDS)).append(" |\n");
        } else {
            s.append("not run | — |\n");
        }
        s.append("| ≥ 2× faster than a plain Datafaker loop | ");
        if (single5k.isPresent() && faker5k.isPresent()) {
            double speedup = single5k.get().perSecond() / faker5k.get().perSecond();
            s.append(String.format(Locale.ROOT, "%.1f× at 5,000, one thread each (%s vs %s attendees/s)", speedup,
                    rate(single5k.get().perSecond()), rate(faker5k.get().perSecond())));
            s.append(" | ").append(status(speedup >= TARGET_SPEEDUP)).append(" |\n");
        } else {
            s.append("not run | — |\n");
        }
        s.append("| 10,000,000 unique e-mail addresses | ");
        if (unique.isPresent() && unique.get().count() >= TARGET_UNIQUE) {
            s.append(String.format(Locale.ROOT, "%,d distinct of %,d, streamed on all cores in %s s (%s attendees/s "
                    + "including the concurrent set)", unique.get().count(), unique.get().count(),
                    secs(unique.get().secondsPerOp()), rate(unique.get().perSecond())));
            s.append(" | ").append(status(true)).append(" |\n");
        } else {
            s.append("not run, or failed (the benchmark throws when an address repeats, and a failed benchmark "
                    + "leaves no result) | **not shown** |\n");
        }
        s.append(cliTargets(cli));
        s.append(ProviderTargets.rows(rows));
        s.append('\n');

        if (single5k.isPresent() && faker5k.isPresent()) {
            s.append(String.format(Locale.ROOT, "**correlated engine vs plain Datafaker loop: %.1f× faster at 5,000** "
                    + "(one thread each: %s vs %s attendees/s).\n\n",
                    single5k.get().perSecond() / faker5k.get().perSecond(),
                    rate(single5k.get().perSecond()), rate(faker5k.get().perSecond())));
        }

        // Side by side per count.
        List<Row> engine = rows.stream().filter(r -> r.benchmark().equals("GenerationBenchmark.singleThread")).toList();
        if (!engine.isEmpty()) {
            s.append("### Side by side, one thread\n\n| Count | Correlated engine (attendees/s) | "
                    + "Plain Datafaker loop (attendees/s) | Engine speed-up |\n|---:|---:|---:|---:|\n");
            for (Row e : engine) {
                Optional<Row> f = find(rows, r -> r.benchmark().equals("DatafakerBaselineBenchmark.singleThread")
                        && r.count() == e.count());
                s.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s |\n", e.count(), rate(e.perSecond()),
                        f.map(r -> rate(r.perSecond())).orElse("not run"),
                        f.map(r -> String.format(Locale.ROOT, "%.1f×", e.perSecond() / r.perSecond())).orElse("—")));
            }
            s.append('\n');
        }

        s.append("## Results\n\n");
        s.append("Score is the time per operation, one operation making `count` attendees (or writing them, for the "
                + "export benchmarks); error is JMH's 99.9% confidence half-width (— for a single measurement); "
                + "attendees/s = count ÷ time per operation.\n\n");
        boolean loadKnown = !interference.isEmpty();
        s.append("| Benchmark | Params | Mode | Score | Error | Unit | Attendees/s |")
                .append(loadKnown ? " Other load |\n|---|---|---|---:|---:|---|---:|---:|\n" : "\n|---|---|---|---:|---:|---|---:|\n");
        List<String> disturbed = new ArrayList<>();
        for (Row r : rows) {
            s.append("| ").append(r.benchmark()).append(" | ").append(params(r.params())).append(" | ")
                    .append(mode(r.mode())).append(" | ").append(num(r.score())).append(" | ")
                    .append(Double.isNaN(r.error()) ? "—" : "± " + num(r.error())).append(" | ").append(r.unit())
                    .append(" | ").append(r.count() > 0 && !r.group().equals("SqlQueryBenchmark") && !r.group().equals("SqlBulkBenchmark")
                            ? rate(r.perSecond()) : "—").append(" |");
            if (loadKnown) {
                double load = otherLoad(r, interference);
                boolean high = load >= DISTURBED;
                s.append(' ').append(Double.isNaN(load) ? "—" : (high ? "**" : "")
                        + String.format(Locale.ROOT, "%.0f%%", load * 100) + (high ? "**" : "")).append(" |");
                if (high) {
                    disturbed.add(r.benchmark() + " (" + params(r.params()) + ")");
                }
            }
            s.append('\n');
        }
        s.append('\n');
        if (loadKnown) {
            s.append("Other load: the share of all cores that other processes on the machine used while the benchmark "
                    + "ran (from `/proc`), recorded in `benchmarks/target/interference.json`. ");
            if (disturbed.isEmpty()) {
                s.append("No benchmark ran beside more than " + Math.round(DISTURBED * 100) + "% other load.\n\n");
            } else {
                s.append("**Other processes used " + Math.round(DISTURBED * 100) + "% or more of the CPU during "
                        + String.join(", ", disturbed) + "**; those numbers understate the code and should be re-run "
                        + "on a quiet machine (`java -jar benchmarks/target/benchmarks.jar --merge <regex>`).\n\n");
            }
        }

        s.append("## CLI, wall time including JVM start\n\n");
        if (cli.isEmpty()) {
            s.append("Not measured in this run (run `java -cp benchmarks/target/benchmarks.jar "
                    + "dev.attendees.benchmarks.CliTiming`, then the report).\n\n");
        } else {
            s.append("`./attendees` from the project root with the CLI jar and its class-data archive already built, timed "
                    + "from process start to exit (JVM start, generation, writing and fsync of the file); `--version` starts "
                    + "the same JVM with the same archive and generates nothing. The plain Datafaker loop "
                    + "(`DatafakerAttendees`: the fields of `DatafakerBaselineBenchmark`, written to CSV through the same file "
                    + "sink, one thread) runs as a process of its own with the launcher's JVM options. Commands compared "
                    + "with each other run in turn, run after run; each command once untimed first.\n\n");
            s.append("| Command | Runs (s) | Median (s) | Target | Status |\n|---|---|---:|---:|---|\n");
            for (CliTiming.Timing t : cli) {
                s.append("| `").append(t.command()).append("` | ")
                        .append(String.join(", ", t.seconds().stream().map(BenchmarkReport::secs).toList()))
                        .append(" | ").append(secs(t.median())).append(" | ")
                        .append(t.targetSeconds() > 0 ? "< " + secs(t.targetSeconds()) + " s | " + status(t.median() < t.targetSeconds())
                                : "see Targets | —")
                        .append(" |\n");
            }
            s.append('\n');
        }

        s.append(ProviderTargets.sections(rows));

        s.append("## Chart\n\n![Attendees per second by benchmark and count, log scale](").append(pngName)
                .append(")\n\n");

        s.append(readingNotes(rows));

        s.append("## What is measured\n\n");
        s.append("- `GenerationBenchmark.singleThread`: `builder().seed(42).threads(1)`, `stream(count)` consumed "
                + "sequentially into a JMH Blackhole.\n");
        s.append("- `GenerationBenchmark.allCores`: `generate(count)` with the default threads, which returns a list and "
                + "goes parallel (batches of 4,096 on the common fork-join pool) only above 20,000 attendees, so 1, 1,000 "
                + "and 5,000 run on the calling thread.\n");
        s.append("- `GenerationBenchmark.allCoresStream`: `stream(count).parallel()` consumed into a Blackhole, no list.\n");
        s.append("- `DatafakerBaselineBenchmark.singleThread`: `new Faker(new Random(42))` filling the same `Attendee` "
                + "fields independently (`name().fullName()`, `internet().emailAddress()`, `company().name()`, "
                + "`job().title()`, a random industry and company size, 1–3 random interests and 0–4 random booths of "
                + "the cloud-native catalogue, random timestamps), one thread, into a Blackhole. No correlation and "
                + "no uniqueness, so it does less than the engine.\n");
        s.append("- `CsvExportBenchmark`: `writeTo(AttendeeFormat.X.open(file), count)` on all cores into a temporary "
                + "folder under `java.io.tmpdir` (local disk here); each operation writes, fsyncs and renames the whole file. "
                + "`readCsv`: `AttendeeFormat.read(file)` of 1,000,000 CSV rows written at set-up, every row checked "
                + "against the contract, on one thread.\n");
        s.append("- `UniqueEmailsBenchmark`: one shot; `stream(10,000,000).parallel()` into "
                + "`ConcurrentHashMap.newKeySet`, throwing unless every address is distinct.\n");
        s.append(ProviderTargets.measured());
        s.append("- Warm-up 2 and measurement 3 time-based iterations (2 s and 3 s; 1 s for the export), 1 fork; "
                + "operations longer than the iteration time run once per iteration. Heap: 4 GiB for generation, 2 GiB "
                + "for export, 8 GiB for the 10M uniqueness run.\n");
        return s.toString();
    }

    private static Optional<CliTiming.Timing> timing(List<CliTiming.Timing> cli, CliTiming.Kind kind, long count) {
        return cli.stream().filter(t -> t.kind() == kind && t.count() == count).findFirst();
    }

    /** The Targets rows of the whole-process timings: their own targets, then start-up and the Datafaker loop. */
    private static String cliTargets(List<CliTiming.Timing> cli) {
        StringBuilder s = new StringBuilder();
        for (CliTiming.Timing t : cli) {
            if (t.targetSeconds() > 0) {
                s.append(String.format(Locale.ROOT, "| `attendees generate --count %,d` under %s s, JVM start included | "
                        + "median %s s of %d runs | %s |\n", t.count(), secs(t.targetSeconds()), secs(t.median()),
                        t.seconds().size(), status(t.median() < t.targetSeconds())));
            }
        }
        Optional<CliTiming.Timing> version = timing(cli, CliTiming.Kind.VERSION, 0);
        Optional<CliTiming.Timing> small = timing(cli, CliTiming.Kind.GENERATE, 1_000);
        if (version.isPresent() && small.isPresent()) {
            double over = small.get().median() - version.get().median();
            s.append(String.format(Locale.ROOT, "| `attendees generate --count 1,000` within %s s of `attendees --version` "
                    + "(start-up tables), whole processes | medians %s s and %s s: %+.2f s | %s |\n",
                    secs(TARGET_OVER_VERSION_SECONDS), secs(small.get().median()), secs(version.get().median()), over,
                    status(over <= TARGET_OVER_VERSION_SECONDS)));
        }
        Optional<CliTiming.Timing> engine = timing(cli, CliTiming.Kind.GENERATE, 200_000);
        Optional<CliTiming.Timing> datafaker = timing(cli, CliTiming.Kind.DATAFAKER, 200_000);
        if (engine.isPresent() && datafaker.isPresent()) {
            double share = engine.get().median() / datafaker.get().median();
            s.append(String.format(Locale.ROOT, "| 200,000 attendees to CSV in under half the time of a plain Datafaker loop, "
                    + "whole processes | medians %s s and %s s: %.0f%% | %s |\n", secs(engine.get().median()),
                    secs(datafaker.get().median()), share * 100, status(share < TARGET_DATAFAKER_SHARE)));
        }
        return s.toString();
    }

    /** Observations that follow from the numbers themselves. */
    private static String readingNotes(List<Row> rows) {
        List<String> notes = new ArrayList<>();
        Optional<Row> single = find(rows, r -> r.benchmark().equals("GenerationBenchmark.singleThread") && r.count() == 1_000_000);
        Optional<Row> list = find(rows, r -> r.benchmark().equals("GenerationBenchmark.allCores") && r.count() == 1_000_000);
        Optional<Row> stream = find(rows, r -> r.benchmark().equals("GenerationBenchmark.allCoresStream") && r.count() == 1_000_000);
        if (single.isPresent() && stream.isPresent()) {
            notes.add(String.format(Locale.ROOT, "All cores scale the engine %.1f× over one thread at 1,000,000 when "
                    + "attendees are consumed as they are made (parallel stream, %s vs %s attendees/s).",
                    stream.get().perSecond() / single.get().perSecond(), rate(stream.get().perSecond()),
                    rate(single.get().perSecond())));
        }
        if (list.isPresent() && stream.isPresent() && list.get().perSecond() < 0.7 * stream.get().perSecond()) {
            notes.add(String.format(Locale.ROOT, "`generate(1,000,000)` reaches only %.0f%% of the parallel stream's "
                    + "rate (error ± %s %s): it keeps all 1,000,000 attendees alive in one list, so young collections "
                    + "must copy them and GC pauses take a large share of each operation. Large runs should stream or "
                    + "use `writeTo`, which keep memory flat.", 100 * list.get().perSecond() / stream.get().perSecond(),
                    num(list.get().error()), list.get().unit()));
        }
        find(rows, r -> r.benchmark().equals("DatafakerBaselineBenchmark.singleThread") && r.count() == COMPARE_AT)
                .ifPresent(f -> notes.add("The Datafaker loop does less work than the engine: its fields are "
                        + "independent (a Healthcare industry next to a software title, an address on a domain "
                        + "unrelated to the company) and nothing keeps its addresses unique."));
        find(rows, r -> r.benchmark().startsWith("UniqueEmailsBenchmark.")).ifPresent(u -> notes.add(
                "The 10,000,000-address check's time goes mostly to the concurrent set (10,000,000 strings kept "
                        + "alive, hashed and collected), not to generation. The engine needs no retry loop for "
                        + "uniqueness: names come from a permutation of the name space, so every address is distinct "
                        + "by construction and the check only confirms it."));
        if (notes.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("## Reading the numbers\n\n");
        notes.forEach(n -> s.append("- ").append(n).append('\n'));
        return s.append('\n').toString();
    }

    static Optional<Row> find(List<Row> rows, Predicate<Row> p) {
        return rows.stream().filter(p).findFirst();
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null ? "?" : n.asText();
    }

    static String status(boolean met) {
        return met ? "met" : "**not met**";
    }

    private static String mode(String mode) {
        return switch (mode) {
            case "avgt" -> "avg time";
            case "ss" -> "single shot";
            case "thrpt" -> "throughput";
            case "sample" -> "sample";
            default -> mode;
        };
    }

    static String params(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        params.forEach((k, v) -> out.add(k + "=" + (v.matches("\\d+") ? String.format(Locale.ROOT, "%,d", Long.parseLong(v)) : v)));
        return String.join(", ", out);
    }

    /** A score with about four significant digits. */
    static String num(double v) {
        double a = Math.abs(v);
        if (Double.isNaN(v)) {
            return "—";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f", perSecond);
    }

    static String secs(double seconds) {
        return String.format(Locale.ROOT, seconds < 10 ? "%.2f" : "%.1f", seconds);
    }
}
