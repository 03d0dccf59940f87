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
     * A sink that writes {@code generator}'s attendees into the database, as one transaction
     * recorded as one run; closing it closes the store, and removes a SQLite file that this run
     * created when the run did not commit. {@code null} without {@code --db}.
     *
     * @throws ConfigurationException naming the option that is wrong
     */
    AttendeeSink open(AttendeeGenerator generator, long count) {
        if (db == null) {
            return null;
        }
        NewDatabase created = new NewDatabase(db);
        SqlAttendeeStore store;
        AttendeeSink sink;
        try {
            store = open(db);
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        try {
            sink = store.sink(generator);
        } catch (RuntimeException e) {
            store.close();
            created.close();
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
                created.keep();
            }

            @Override
            public void close() {
                try {
                    sink.close();
                } finally {
                    store.close();
                    created.close();
                }
            }
        };
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
