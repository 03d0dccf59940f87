package dev.attendees.cli;

import dev.attendees.ConfigurationException;
import dev.attendees.export.AtomicFile;
import dev.attendees.query.ChartRenderer;
import dev.attendees.query.Report;
import dev.attendees.sql.SqlAttendeeStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code attendees report}: the demographics of a database as one self-contained HTML or Markdown file. */
@Command(
        name = "report",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = "Write a report on the attendees' demographics: industries, company sizes, companies, job titles,"
                + " interests, booths and arrivals, with tables, charts and an overview.",
        footer = {
            "",
            "Examples:",
            "  attendees report --db attendees.db --out report.html",
            "  attendees report --db attendees.db --out report.md",
            "",
            "HTML has its charts inline as SVG, Markdown as PNG data: one file, no network needed.",
            "The file is written whole or not at all.",
        })
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE|URL",
            description = "A SQLite file or a postgresql://user:pass@host:port/db URL holding attendees.")
    String db;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The report file: .html or .md.")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "No summary line.")
    boolean quiet;

    @Mixin
    AttendeesCommand.Common common = new AttendeesCommand.Common();

    @Override
    public Integer call() {
        AttendeesCommand.configureLogging(common.verbose);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean html = name.endsWith(".html") || name.endsWith(".htm");
        if (!html && !name.endsWith(".md")) {
            throw new ConfigurationException("--out " + out + ": the file name must end in .html or .md");
        }
        long start = System.nanoTime();
        Report report;
        try (SqlAttendeeStore store = StoreOptions.openExisting(db)) {
            report = Report.of(store);
        }
        ChartRenderer renderer = new ChartRenderer();
        try {
            AtomicFile.writeString(out, html ? report.html(renderer) : report.markdown(renderer));
        } catch (IOException e) {
            throw new UncheckedIOException("--out " + out + ": cannot write: " + e.getMessage(), e);
        }
        if (!quiet) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf(Locale.ROOT, "Wrote a report on %,d attendees to %s in %.2f s%n", report.attendees(), out,
                    (System.nanoTime() - start) / 1e9);
            err.flush();
        }
        return 0;
    }
}
