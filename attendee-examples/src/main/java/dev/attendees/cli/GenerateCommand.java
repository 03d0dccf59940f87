package dev.attendees.cli;

import dev.attendees.AttendeeGenerator;
import dev.attendees.AttendeeException;
import dev.attendees.ConfigurationException;
import dev.attendees.GenerationSummary;
import dev.attendees.Secrets;
import dev.attendees.export.AttendeeFileSink;
import dev.attendees.export.AttendeeFormat;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.spi.ImageProvider;
import dev.attendees.spi.RecordSource;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code attendees generate}: makes attendees and writes them to a file or standard output. */
@Command(
        name = "generate",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = "Generate realistic, correlated event attendees (offline, deterministic by seed).",
        footer = {
            "",
            "Examples:",
            "  attendees generate --count 1000 --out attendees.csv",
            "  attendees generate --count 5000 --event \"RSA Conference 2026\" \\",
            "      --seed 7 --out rsa.json",
            "  attendees generate --count 200 --event-type fintech \\",
            "      --corporate-ratio 0.9 --format ndjson",
            "  attendees generate --count 1000 --locale international \\",
            "      --from 2026-06-02 --to 2026-06-04 --out intl.csv",
            "  attendees generate --count 50 --interests Kubernetes,Observability \\",
            "      --booths \"Grafana Labs,Docker\"",
            "",
            "Event types: cloud-native (default), security, ai-ml, data-analytics,",
            "fintech, healthcare-it; inferred from --event when not given",
            "(\"KubeCon\" -> cloud-native, \"NeurIPS\" -> ai-ml).",
            "Locales: en-US (default), en-GB, de-DE, fr-FR, es-ES, pt-BR, ja-JP, ru-RU,",
            "a mix such as en-US:3,de-DE,ja-JP, or 'international'.",
            "Exit status: 0 success, 2 bad input (one line on stderr), 1 other failure."
        })
final class GenerateCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);
    private static final long PROGRESS_THRESHOLD = 100_000;

    /** Where data goes without --out; tests put a buffer here. */
    static java.util.function.Supplier<java.io.OutputStream> stdout = () -> new FileOutputStream(FileDescriptor.out);

    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many attendees.")
    long count;

    @Option(names = "--event", paramLabel = "NAME", description = "The event's name (default: the event type's).")
    String event;

    @Option(names = "--event-type", paramLabel = "TYPE", description = "cloud-native, security, ai-ml, data-analytics, fintech or healthcare-it.")
    String eventType;

    @Option(names = "--profile", paramLabel = "FILE", description = "An event profile file of your own, JSON or YAML (docs/profiles.md).")
    Path profile;

    @Option(names = "--seed", paramLabel = "S", description = "Seed; the same seed and options give the same file (default: random, printed).")
    Long seed;

    @Option(names = "--corporate-ratio", paramLabel = "R", description = "Share of corporate e-mail addresses, 0..1 (default: ${DEFAULT-VALUE}).",
            defaultValue = "0.7")
    double corporateRatio;

    @Option(names = "--interests", paramLabel = "A,B,...", description = "Only these interest categories.")
    String interests;

    @Option(names = "--booths", paramLabel = "A,B,...", description = "These booths (the event's or your own).")
    String booths;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "The event's first day.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "The event's last day.")
    String to;

    @Option(names = "--hours", paramLabel = "HH:MM-HH:MM", description = "Daily opening hours (default: the event type's).")
    String hours;

    @Option(names = "--locale", paramLabel = "TAG", description = "Locale, a weighted mix, or 'international' (default: en-US).")
    String locale;

    @Option(names = "--undeliverable-emails", description = "Only reserved domains (.test, example.com): nothing can be e-mailed.")
    boolean undeliverable;

    @Option(names = "--format", paramLabel = "csv|json|ndjson", description = "Output format (default: from --out's extension, else csv).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Output file, written atomically (default: standard output).")
    Path out;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    ImageOptions imageOptions = new ImageOptions();

    @Mixin
    LlmOptions llmOptions = new LlmOptions();

    @Option(names = "--threads", paramLabel = "N", description = "Threads for large runs (default: all cores).")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No summary line.")
    boolean quiet;

    @Mixin
    AttendeesCommand.Common common = new AttendeesCommand.Common();

    @Override
    public Integer call() {
        AttendeesCommand.configureLogging(common.verbose);
        if (out != null && (out.getFileName() == null || out.toString().isBlank())) {
            throw new ConfigurationException("--out must name a file, was '" + out + "'");
        }
        AttendeeFormat fmt = format != null ? option("--format", () -> AttendeeFormat.fromName(format))
                : out != null ? AttendeeFormat.fromFileName(out.getFileName().toString()) : AttendeeFormat.CSV;
        AttendeeGenerator.Builder builder = builder();
        refuseSameFile();
        llmOptions.configure(builder, out);
        // Image paths are relative to the output file's folder (the working directory without --out).
        Path outputDir = (out != null ? out.toAbsolutePath().getParent() : Path.of("")).toAbsolutePath();
        builder.outputDirectory(outputDir);
        PrintWriter err = spec.commandLine().getErr();
        try (Interrupts.Watch watch = Interrupts.during(this::kept);
                ImageProvider images = imageOptions.open(outputDir);
                StoreOptions.Opened database = store.connect()) {
            if (images != null) {
                builder.imageProvider(images);
            }
            if (database != null && seed != null) {
                database.refuseRepeat(seed); // before the model call of profile mode
            }
            // Last, once every other option is known to be good: profile mode calls the model here.
            llmOptions.designProfile();
            AttendeeGenerator generator = build(builder);
            LOG.debug("options: {}", generator.options());
            if (database != null && seed == null) {
                database.refuseRepeat(generator); // the random seed, known only now (a given --seed was checked above)
            }
            GenerationSummary summary;
            // Standard output as a plain stream: unlike System.out, it reports a full disk or a closed pipe.
            // With --db and no --out, the database is the only output.
            boolean toStandardOutput = out == null && database == null;
            try (RecordSource source = generator.source();
                    AttendeeSink db = database == null ? null : database.sink(generator);
                    AttendeeFileSink file = out != null ? fmt.open(out) : db == null ? fmt.open(stdout.get()) : null;
                    Progress progress = Progress.start(count, count >= PROGRESS_THRESHOLD)) {
                // The database first: it is likelier to fail at commit, and then no file is left.
                AttendeeSink sink = db == null ? file : file == null ? db : AttendeeSink.allOf(db, file);
                summary = generator.writeTo(sink, count, progress);
                llmOptions.completed();
            } catch (AttendeeException e) {
                if (toStandardOutput && Interrupts.brokenPipe(e)) {
                    return Interrupts.EXIT_BROKEN_PIPE; // the reader went away (| head): stop quietly
                }
                throw e;
            }
            if (!quiet) {
                printSummary(err, generator, summary, database == null ? 0 : database.renamed());
            }
        }
        return 0;
    }

    /** What a run stopped now keeps, in words: its outputs get nothing, or standard output stops early. */
    private String kept() {
        if (out == null && !store.enabled()) {
            return "standard output got the first attendees only";
        }
        List<String> untouched = new java.util.ArrayList<>();
        if (out != null) {
            untouched.add(out.toString());
        }
        if (store.enabled()) {
            untouched.add(store.display());
        }
        return "nothing was written to " + String.join(" or ", untouched);
    }

    /** {@code --out} and {@code --db} naming one file: the file output would overwrite the database. */
    private void refuseSameFile() {
        Path dbFile = store.enabled() ? StoreOptions.sqliteFile(store.db) : null;
        if (out == null || dbFile == null || !sameFile(out, dbFile)) {
            return;
        }
        throw new ConfigurationException("--out " + out + " and --db " + store.db
                + " name the same file: give the file output and the database different names");
    }

    /** Whether two paths name one file: the same real path (as far as it exists), or the same file if both exist. */
    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // Compare the names below.
        }
        return realPath(a).equals(realPath(b));
    }

    /** The path with its longest existing part resolved (symbolic links followed), the rest normalized. */
    private static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path rest = absolute.getFileSystem().getPath("");
        for (Path p = absolute; p != null; p = p.getParent()) {
            try {
                return p.toRealPath().resolve(rest).normalize();
            } catch (IOException missing) {
                if (p.getFileName() == null) {
                    break;
                }
                rest = p.getFileName().resolve(rest);
            }
        }
        return absolute;
    }

    /** The summary on {@code err}, masked ({@link Secrets#mask}): its notes quote providers, which may quote a key. */
    private void printSummary(PrintWriter err, AttendeeGenerator generator, GenerationSummary summary, long renamed) {
        StringWriter buffer = new StringWriter();
        PrintWriter lines = new PrintWriter(buffer);
        String where = out != null ? out + (store.enabled() ? " and " + store.display() : "")
                : store.enabled() ? store.display() : "standard output";
        lines.printf(Locale.ROOT, "Wrote %,d attendees to %s in %.2f s (%,.0f/s): event '%s' (%s), seed %d, data v%d%n",
                summary.count(), where, summary.elapsed().toNanos() / 1e9, summary.rate(),
                generator.options().eventName(), summary.eventType(), summary.seed(), summary.dataVersion());
        if (!summary.recordOrigins().isEmpty()) {
            lines.println("  records: " + origins(summary.recordOrigins()));
        }
        if (!summary.imageOrigins().isEmpty()) {
            lines.println("  images: " + origins(summary.imageOrigins()));
        }
        if (renamed > 0) {
            lines.printf(Locale.ROOT, "  e-mail: %,d attendees got the next free address of their family (the database held theirs)%n",
                    renamed);
        }
        summary.notes().forEach(note -> lines.println("  " + note));
        lines.flush();
        err.print(Secrets.mask(buffer.toString()));
        err.flush();
    }

    private static String origins(Map<String, Long> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((origin, n) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%,d from %s", n, origin)));
        return sb.toString();
    }

    private AttendeeGenerator.Builder builder() {
        if (count < 1) {
            throw new ConfigurationException("--count must be at least 1, was " + count);
        }
        if (count > AttendeeGenerator.MAX_COUNT) {
            throw new ConfigurationException("--count must be at most " + AttendeeGenerator.MAX_COUNT + ", was " + count);
        }
        AttendeeGenerator.Builder b = AttendeeGenerator.builder();
        if (event != null) {
            option("--event", () -> b.event(event));
        }
        if (eventType != null && profile != null) {
            throw new ConfigurationException("give either --event-type or --profile, not both");
        }
        if (eventType != null) {
            option("--event-type", () -> b.eventType(eventType));
        }
        if (profile != null) {
            option("--profile", () -> b.profile(profile));
        }
        if (seed != null) {
            b.seed(seed);
        }
        if (!(corporateRatio >= 0 && corporateRatio <= 1)) {
            throw new ConfigurationException("--corporate-ratio must be between 0 and 1, was " + corporateRatio);
        }
        b.corporateRatio(corporateRatio);
        if (interests != null) {
            option("--interests", () -> b.interests(items(interests)));
        }
        if (booths != null) {
            option("--booths", () -> b.booths(items(booths)));
        }
        LocalDate first = from == null ? null : date("--from", from);
        LocalDate last = to == null ? null : date("--to", to);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                throw new ConfigurationException("--from (" + first + ") is after --to (" + last + ")");
            }
            b.dates(first, last);
        } else if (first != null) {
            b.from(first);
        } else if (last != null) {
            b.to(last);
        }
        if (hours != null) {
            String[] parts = hours.split("-");
            if (parts.length != 2) {
                throw new ConfigurationException("--hours must look like 08:00-18:00, was '" + hours + "'");
            }
            option("--hours", () -> b.dailyHours(time("--hours", parts[0]), time("--hours", parts[1])));
        }
        if (locale != null) {
            option("--locale", () -> b.locale(locale));
        }
        b.undeliverableEmails(undeliverable);
        if (threads != null) {
            option("--threads", () -> b.threads(threads));
        }
        return b;
    }

    private static AttendeeGenerator build(AttendeeGenerator.Builder b) {
        try {
            return b.build();
        } catch (ConfigurationException e) {
            if (e.getMessage().startsWith("unknown interest")) {
                throw new ConfigurationException("--interests: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The comma-separated items of a list option, empty ones included (the builder refuses them). */
    static List<String> items(String list) {
        return List.of(list.split(",", -1));
    }

    /** Runs a builder step; a rejected value's message names the option it came from. */
    private static <T> T option(String name, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ConfigurationException e) {
            String message = e.getMessage();
            throw message.startsWith("--") ? e : new ConfigurationException(name + ": " + message, e);
        }
    }

    private static LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(option + " must be a date YYYY-MM-DD, was '" + text + "'");
        }
    }

    private static LocalTime time(String option, String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(option + " needs times HH:MM, was '" + text + "'");
        }
    }

    /** A progress bar on stderr for long runs, only when a person is watching a terminal. */
    static final class Progress implements LongConsumer, AutoCloseable {
        private final ProgressBar bar;

        private Progress(ProgressBar bar) {
            this.bar = bar;
        }

        static Progress start(long total, boolean wanted) {
            // The launcher says whether stderr is a terminal ([ -t 2 ]); without it, guess from the console.
            String stderrTty = System.getenv("ATTENDEES_STDERR_TTY");
            boolean terminal = (stderrTty != null ? stderrTty.equals("1") : System.console() != null)
                    && !"dumb".equals(System.getenv("TERM"));
            if (!wanted || !terminal) {
                return new Progress(null);
            }
            return new Progress(new ProgressBarBuilder()
                    .setTaskName("Generating")
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" attendees", 1)
                    .showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build());
        }

        @Override
        public void accept(long done) {
            if (bar != null) {
                bar.stepTo(done);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
