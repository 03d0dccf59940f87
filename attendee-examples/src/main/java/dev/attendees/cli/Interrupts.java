package dev.attendees.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Stops from outside: Ctrl-C (SIGINT) or SIGTERM during a run prints one line on standard error
 * saying what was stopped and what was kept ({@code attendees: interrupted: nothing was written to
 * out.csv}), then shuts the JVM down as usual (the outputs' clean-up hooks run) with exit status 130
 * (143 for SIGTERM); failures that the stop causes in the running command print nothing. A closed
 * standard output (the reader of a pipe went away, as {@code head} does) stops a run quietly with
 * 141, as coreutils' tools do.
 */
final class Interrupts {
    /** Exit status after a closed pipe: 128 + SIGPIPE. */
    static final int EXIT_BROKEN_PIPE = 141;

    private static final AtomicBoolean INSTALLED = new AtomicBoolean();
    private static volatile Supplier<String> running;
    private static volatile boolean stopped;

    private Interrupts() {}

    /**
     * Handles SIGINT and SIGTERM from now on; called by the real process's {@code main} only (tests
     * running the CLI inside their own JVM keep its handlers). Where the JVM offers no signal
     * handling, its default stays: the clean-up hooks still run, without the line.
     */
    static void install() {
        if (!INSTALLED.compareAndSet(false, true)) {
            return;
        }
        handle("INT", 130);
        handle("TERM", 143);
    }

    private static void handle(String signal, int status) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> stop(status));
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // The JVM's default handling stays.
        }
    }

    /**
     * A run begins: until the returned handle closes, a stop prints {@code interrupted: } and what
     * {@code kept} says then (for example "nothing was written to out.csv").
     */
    static Watch during(Supplier<String> kept) {
        running = kept;
        return () -> running = null;
    }

    /** A run being watched; closing it ends the watch. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** Whether the process is stopping because of a signal: the command's own failures then go unsaid. */
    static boolean stopped() {
        return stopped;
    }

    private static void stop(int status) {
        stopped = true;
        Supplier<String> kept = running;
        if (kept != null) {
            PrintStream err = System.err;
            err.println("attendees: interrupted: " + kept.get());
            err.flush();
        }
        System.exit(status);
    }

    /** Whether a failure comes from writing to a pipe whose reader has gone. */
    static boolean brokenPipe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null
                    && (t.getMessage().contains("Broken pipe") || t.getMessage().contains("pipe is being closed"))) {
                return true;
            }
        }
        return false;
    }
}
