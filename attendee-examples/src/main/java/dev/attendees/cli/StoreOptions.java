package dev.attendees.cli;

import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.sql.AttendeeStores;
import dev.attendees.sql.SqlAttendeeStore;
import dev.attendees.spi.AttendeeSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
     * Opens (creating and migrating, for a new SQLite file) the database {@code --db} names, before
     * anything costly runs: a wrong URL or an unwritable file then costs no model call and no
     * generation. {@code null} without {@code --db}. Closing it closes the store, and removes a
     * SQLite file that this run created when the run did not commit.
     *
     * @throws ConfigurationException naming the option that is wrong
     */
    Opened connect() {
        if (db == null) {
            return null;
        }
        NewDatabase created = new NewDatabase(db);
        try {
            return new Opened(open(db), created);
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
    }

    /** The database of one run: {@link #sink} writes into it. */
    static final class Opened implements AutoCloseable {
        private final SqlAttendeeStore store;
        private final NewDatabase created;

        private Opened(SqlAttendeeStore store, NewDatabase created) {
            this.store = store;
            this.created = created;
        }

        /** A sink that writes {@code generator}'s attendees as one transaction, recorded as one run. */
        AttendeeSink sink(AttendeeGenerator generator) {
            AttendeeSink sink = store.sink(generator);
            return new AttendeeSink() {
                @Override
                public void write(List<dev.attendees.Attendee> batch) {
                    sink.write(batch);
                }

                @Override
                public void commit() {
                    sink.commit();
                    created.keep();
                }

                @Override
                public void close() {
                    sink.close();
                }
            };
        }

        @Override
        public void close() {
            try {
                store.close();
            } finally {
                created.close();
            }
        }
    }

    /**
     * A SQLite file that this run creates: unless {@link #keep()} is called before {@link #close()},
     * it is removed again, also when the JVM is stopped (Ctrl-C, SIGTERM) before that. Nothing for
     * a file that already exists or a PostgreSQL URL.
     */
    static final class NewDatabase implements AutoCloseable {
        private final Path file;
        private final Thread hook;
        private boolean kept;

        NewDatabase(String db) {
            this.file = newFile(db);
            this.hook = file == null ? null : new Thread(() -> deleteDatabase(file), "attendees-db-cleanup");
            if (hook != null) {
                Runtime.getRuntime().addShutdownHook(hook);
            }
        }

        /** The run committed: the file stays. */
        void keep() {
            kept = true;
        }

        @Override
        public void close() {
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // The hook runs anyway.
                }
            }
            if (!kept) {
                deleteDatabase(file);
            }
        }
    }

    /** The SQLite file {@code db} names when it does not exist yet (a failed run removes it again), else {@code null}. */
    static Path newFile(String db) {
        if (AttendeeStores.isPostgres(db)) {
            return null;
        }
        Path file = Path.of(db.regionMatches(true, 0, "jdbc:sqlite:", 0, 12) ? db.substring(12) : db);
        return Files.exists(file) ? null : file;
    }

    /** Removes a SQLite file this run created, with its WAL and shared-memory files; nothing for {@code null}. */
    static void deleteDatabase(Path created) {
        if (created == null) {
            return;
        }
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            try {
                Files.deleteIfExists(created.resolveSibling(created.getFileName() + suffix));
            } catch (IOException ignored) {
                // Best effort: the database is empty anyway.
            }
        }
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
