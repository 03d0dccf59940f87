package dev.attendees.cli;

import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.sql.AttendeeStores;
import dev.attendees.sql.SqlAttendeeStore;
import dev.attendees.spi.AttendeeSink;
import java.util.List;
import picocli.CommandLine.Option;

/** The database option of {@code attendees generate}: a SQLite file or a PostgreSQL URL to write into. */
final class StoreOptions {

    @Option(names = "--db", paramLabel = "FILE|URL",
            description = "Also write into a SQLite file (created if missing) or a postgresql://user:pass@host:port/db URL, in one transaction.")
    String db;

    /** Whether a database was asked for. */
    boolean enabled() {
        return db != null;
    }

    /** The database for messages: a URL's password masked. */
    String display() {
        return AttendeeStores.mask(db);
    }

    /**
     * A sink that writes {@code generator}'s attendees into the database, as one transaction
     * recorded as one run; closing it closes the store. {@code null} without {@code --db}.
     *
     * @throws ConfigurationException naming the option that is wrong
     */
    AttendeeSink open(AttendeeGenerator generator, long count) {
        if (db == null) {
            return null;
        }
        SqlAttendeeStore store = open(db);
        AttendeeSink sink;
        try {
            sink = store.sink(generator);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new AttendeeSink() {
            @Override
            public void write(List<dev.attendees.Attendee> batch) {
                sink.write(batch);
            }

            @Override
            public void commit() {
                sink.commit();
            }

            @Override
            public void close() {
                try {
                    sink.close();
                } finally {
                    store.close();
                }
            }
        };
    }

    /** Opens the store {@code --db} names; a bad name's message names the option. */
    static SqlAttendeeStore open(String db) {
        try {
            return AttendeeStores.open(db);
        } catch (ConfigurationException e) {
            String message = e.getMessage();
            throw message.startsWith("--db") ? e : new ConfigurationException("--db: " + message, e);
        }
    }
}
