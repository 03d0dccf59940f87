package dev.attendees.cli;

import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.spi.AttendeeSink;
import picocli.CommandLine.Option;

/** The database option of {@code attendees generate}: a SQLite file or a PostgreSQL URL to write into. */
final class StoreOptions {

    @Option(names = "--db", paramLabel = "FILE|URL", description = "Also write into a SQLite file or PostgreSQL URL (not available yet).")
    String db;

    /** Whether a database was asked for. */
    boolean enabled() {
        return db != null;
    }

    /**
     * A sink that writes {@code generator}'s attendees into the database, as one transaction;
     * {@code null} without {@code --db}.
     *
     * @throws ConfigurationException naming the option that is wrong
     */
    AttendeeSink open(AttendeeGenerator generator, long count) {
        if (db == null) {
            return null;
        }
        throw new ConfigurationException("--db is not available yet: the SQL store arrives with a later release");
    }
}
