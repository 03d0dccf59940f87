package dev.attendees.cli;

import dev.attendees.ConfigurationException;
import dev.attendees.sql.AttendeeStores;
import dev.attendees.store.DuplicatePolicy;
import dev.attendees.store.ImportOptions;
import dev.attendees.store.ImportResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code attendees import}: reads CSV, JSON or NDJSON files into a database in one transaction. A
 * bad row anywhere stops it with exit status 2 and a line naming the file, line and field, and
 * nothing of the import is kept.
 */
@Command(
        name = "import",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = "Import CSV, JSON or NDJSON files into a SQLite file or PostgreSQL database, all in one transaction.",
        footer = {
            "",
            "Examples:",
            "  attendees import --db attendees.db attendees.csv",
            "  attendees import --db attendees.db day1.csv day2.ndjson --on-duplicate skip",
            "  attendees import --db postgresql://app:secret@localhost/events a.json",
            "  gunzip -c big.csv.gz | attendees import --db attendees.db -",
            "",
            "The format comes from each file's content ([ or { first: JSON, NDJSON),",
            "else from its name; - reads standard input (CSV unless it starts with [ or {).",
            "Every row is checked against the data contract:",
            "required fields, e-mail syntax, the industry and company size lists,",
            "timestamps YYYY-MM-DD HH:MM:SS. Into an empty database rows keep their",
            "ids; otherwise they are numbered after the largest id there.",
            "Exit status: 0 success; 2 bad input (one line on stderr naming file,",
            "line and field; nothing is kept); 1 other failure."
        })
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE|URL",
            description = "A SQLite file (created if missing) or a postgresql://user:pass@host:port/db URL.")
    String db;

    @Option(names = "--on-duplicate", paramLabel = "fail|skip|replace|rename", defaultValue = "fail",
            description = "A row whose e-mail address is already there: fail the import (default), skip the row,"
                    + " replace the attendee (keeping its id), or rename: import it with the next free address"
                    + " of its family (a middle initial, then digits).")
    String onDuplicate;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "CSV, JSON or NDJSON files; - for standard input.")
    List<Path> inputs;

    @Option(names = {"-q", "--quiet"}, description = "No summary line.")
    boolean quiet;

    @Mixin
    AttendeesCommand.Common common = new AttendeesCommand.Common();

    @Override
    public Integer call() {
        AttendeesCommand.configureLogging(common.verbose);
        DuplicatePolicy policy;
        try {
            policy = DuplicatePolicy.fromName(onDuplicate);
        } catch (ConfigurationException e) {
            throw new ConfigurationException("--on-duplicate: " + e.getMessage(), e);
        }
        ImportResult result;
        List<Path> files = withStandardInput(inputs);
        // A new SQLite file is written under a temporary name and gets its own on success; a failed or stopped
        // import leaves no file, and never removes one that another run made meanwhile.
        try (Interrupts.Watch watch = Interrupts.during(() -> "nothing was imported into " + AttendeeStores.mask(db));
                StoreOptions.Opened database = StoreOptions.connect(db)) {
            result = database.store().importFiles(files, ImportOptions.builder().onDuplicate(policy).build());
            database.committed();
        }
        if (!quiet) {
            PrintWriter err = spec.commandLine().getErr();
            String ids = result.inserted() == 0 ? "no new ids"
                    : String.format(Locale.ROOT, "ids %d..%d", result.run().firstId(), result.run().lastId());
            String renamed = result.renamed() == 0 ? "" : String.format(Locale.ROOT, ", %,d renamed", result.renamed());
            err.printf(Locale.ROOT, "Imported %,d attendees into %s in %.2f s (%,.0f rows/s): %,d read, %,d skipped, %,d replaced%s;"
                            + " %s (run %d)%n",
                    result.inserted(), AttendeeStores.mask(db), result.elapsed().toNanos() / 1e9, result.rate(), result.read(),
                    result.skipped(), result.replaced(), renamed, ids, result.run().id());
            err.flush();
        }
        return 0;
    }

    /** The system's file for standard input, where it has one (Linux, macOS and other Unix systems). */
    private static final Path STANDARD_INPUT = Path.of("/dev/stdin");

    /**
     * The inputs with {@code -} as the file of standard input (read like any other input, its
     * format from its content). It can be read once, so {@code -} may appear once.
     */
    static List<Path> withStandardInput(List<Path> inputs) {
        Path dash = Path.of("-");
        long dashes = inputs.stream().filter(dash::equals).count();
        if (dashes == 0) {
            return inputs;
        }
        if (dashes > 1) {
            throw new ConfigurationException("INPUT: - (standard input) can be given once, was given " + dashes + " times");
        }
        if (!Files.isReadable(STANDARD_INPUT)) {
            throw new ConfigurationException("INPUT -: this system has no " + STANDARD_INPUT + " to read standard input from;"
                    + " give a file");
        }
        return inputs.stream().map(p -> p.equals(dash) ? STANDARD_INPUT : p).toList();
    }
}
