package dev.attendees.cli;

import dev.attendees.ConfigurationException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The contract's other commands. Their options are parsed as the contract gives them, and each
 * answers "not available yet" with exit status 2 until the issue that builds it lands.
 */
final class LaterCommands {
    private LaterCommands() {}

    private static Integer notYet(String command, String what) {
        throw new ConfigurationException("'attendees " + command + "' is not available yet: " + what + " arrives with a later release");
    }

    @Command(name = "search", description = "Semantic search over attendees (not available yet).")
    static final class Search implements Callable<Integer> {
        @Option(names = "--db", required = true, paramLabel = "FILE") String db;
        @Option(names = "--json") boolean json;
        @Option(names = "--k", defaultValue = "10") int k;
        @Parameters(arity = "1", paramLabel = "TEXT") String text;

        @Override
        public Integer call() {
            return notYet("search", "semantic search");
        }
    }

    @Command(name = "similar", description = "Attendees similar to one attendee (not available yet).")
    static final class Similar implements Callable<Integer> {
        @Option(names = "--db", required = true, paramLabel = "FILE") String db;
        @Option(names = "--json") boolean json;
        @Option(names = "--k", defaultValue = "10") int k;
        @Option(names = "--id", required = true) long id;

        @Override
        public Integer call() {
            return notYet("similar", "semantic search");
        }
    }

    @Command(name = "serve", description = "Run the web app (not available yet).")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--db", required = true, paramLabel = "FILE") String db;
        @Option(names = "--port", defaultValue = "8080") int port;

        @Override
        public Integer call() {
            return notYet("serve", "the web app");
        }
    }
}
