package dev.attendees.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CLI as a real process: this JVM's java, on this test's class path. */
final class CliProcess {
    private CliProcess() {}

    /** A process builder for {@code attendees ARGS...}, not started. */
    static ProcessBuilder of(List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AttendeesCommand.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command);
    }

    static ProcessBuilder of(String... args) {
        return of(List.of(args));
    }
}
