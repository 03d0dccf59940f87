package dev.attendees.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.attendees.AttendeeException;
import dev.attendees.ConfigurationException;
import dev.attendees.InputException;
import dev.attendees.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code attendees}: realistic fake event attendees from the command line. Exit status 0 on
 * success, 2 for bad input (one line on stderr naming the option, or the file and line), 1 for
 * anything else. What it prints of a failure (the line, and with {@code --verbose} the stack trace)
 * is masked ({@link Secrets#mask}), as the log is ({@link MaskingPatternLayout}).
 */
@Command(
        name = "attendees",
        mixinStandardHelpOptions = true,
        versionProvider = AttendeesCommand.Version.class,
        description = "Realistic, correlated, reproducible fake event attendees.",
        subcommands = {
            GenerateCommand.class,
            ImportCommand.class,
            QueryCommand.class,
            ReportCommand.class,
            LaterCommands.Search.class,
            LaterCommands.Similar.class,
            LaterCommands.Serve.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Run 'attendees generate --help' for the generator's options and examples."})
public final class AttendeesCommand implements Runnable {

    /** Exit status for bad input. */
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every command shares. */
    static final class Common {
        @Option(names = {"-v", "--verbose"}, description = "Log details and show stack traces of failures.")
        boolean verbose;
    }

    public static void main(String[] args) {
        Interrupts.install();
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit status (used by tests, without System.exit). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AttendeesCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, arguments) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(Secrets.mask("attendees: " + ex.getMessage().lines().findFirst().orElse("bad option")
                    + " (see --help)"));
            err.flush();
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (Interrupts.stopped()) {
                return 130; // the stop has said what happened; this failure is its echo
            }
            PrintWriter err = commandLine.getErr();
            boolean verbose = parseResult.subcommand() != null
                    ? parseResult.subcommand().hasMatchedOption("--verbose") : parseResult.hasMatchedOption("--verbose");
            printFailure(err, ex, verbose);
            return ex instanceof ConfigurationException || ex instanceof InputException ? EXIT_BAD_INPUT : 1;
        });
        return cl;
    }

    /**
     * A failure on {@code err}: one line, and with {@code verbose} the stack trace, masked. A cause's
     * message may quote a server's answer, and the answer the key.
     */
    static void printFailure(PrintWriter err, Throwable ex, boolean verbose) {
        err.println(Secrets.mask("attendees: " + oneLine(ex)));
        if (verbose) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(Secrets.mask(trace.toString()));
        }
        err.flush();
    }

    static String oneLine(Throwable ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank() || !(ex instanceof AttendeeException)) {
            message = ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
        return StoreOptions.requestedNames(message).replace('\n', ' ').replace('\r', ' ');
    }

    static void configureLogging(boolean verbose) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(verbose ? Level.DEBUG : Level.WARN);
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = AttendeesCommand.class.getPackage().getImplementationVersion();
            return new String[] {"attendees " + (v == null ? "(development)" : v)
                    + ", data version " + dev.attendees.AttendeeGenerator.DATA_VERSION};
        }
    }
}
