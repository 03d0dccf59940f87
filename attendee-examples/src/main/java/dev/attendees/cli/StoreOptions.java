package dev.attendees.cli;

import dev.attendees.AttendeeException;
import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.sql.AttendeeStores;
import dev.attendees.sql.SqlAttendeeStore;
import dev.attendees.spi.AttendeeSink;
import dev.attendees.store.GenerationRun;
import dev.attendees.store.RunKind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** {@link #connect(String)} for {@code --db}; {@code null} without it. */
    Opened connect() {
        return db == null ? null : connect(db);
    }

    /**
     * Opens (creating and migrating, for a new SQLite file) the database {@code db} names, before
     * anything costly runs: a wrong URL or an unwritable file then costs no model call and no
     * generation.
     *
     * <p>A SQLite file that does not exist yet is not written under its name: the run writes a new
     * temporary file in the same folder ({@link NewDatabase}), and {@link Opened#committed()}
     * gives it the requested name only if that name is still free. A failed run removes only its
     * own temporary file (and the folders it created), never a file another run committed or is
     * writing under the requested name.
     *
     * @throws ConfigurationException naming the option that is wrong
     */
    static Opened connect(String db) {
        NewDatabase created = NewDatabase.prepare(db);
        try {
            return new Opened(created == null ? open(db) : created.open(), created, db);
        } catch (RuntimeException e) {
            if (created != null) {
                created.close();
            }
            throw e;
        }
    }

    /** The SQLite file {@code db} names, or {@code null} for a PostgreSQL URL. */
    static Path sqliteFile(String db) {
        if (AttendeeStores.isPostgres(db)) {
            return null;
        }
        String text = db.trim();
        return Path.of(text.regionMatches(true, 0, "jdbc:sqlite:", 0, 12) ? text.substring(12) : text);
    }

    /** The database of one run: {@link #sink} writes into it, {@link #store()} is the store. */
    static final class Opened implements AutoCloseable {
        private final SqlAttendeeStore store;
        private final NewDatabase created;
        private final String db;
        private long renamed;

        private Opened(SqlAttendeeStore store, NewDatabase created, String db) {
            this.store = store;
            this.created = created;
            this.db = db;
        }

        /** The store (for a new SQLite file, the temporary file's until {@link #committed()}). */
        SqlAttendeeStore store() {
            return store;
        }

        /**
         * Refuses a generation whose seed the database already holds: the same seed gives the same
         * people again, whatever the count, the event or its type (with e-mail addresses moved to
         * free ones, since the store holds theirs).
         *
         * @throws ConfigurationException naming {@code --seed} and the earlier run
         */
        void refuseRepeat(AttendeeGenerator generator) {
            refuseRepeat(generator.options().seed());
        }

        /** As {@link #refuseRepeat(AttendeeGenerator)}, for a seed given by {@code --seed}: before anything costly. */
        void refuseRepeat(long seed) {
            if (created != null) {
                return;
            }
            for (GenerationRun run : store.runs()) {
                if (run.kind() == RunKind.GENERATE && run.inserted() > 0 && run.seed() != null && run.seed() == seed) {
                    throw new ConfigurationException(String.format(Locale.ROOT,
                            "--seed %d: %s already holds the attendees of this seed (run %d, ids %d..%d);"
                                    + " the same people again would be stored twice: give another --seed",
                            seed, AttendeeStores.mask(db), run.id(), run.firstId(), run.lastId()));
                }
            }
        }

        /**
         * A sink that writes {@code generator}'s attendees as one transaction, recorded as one run.
         * After its commit, {@link #renamed()} tells how many attendees got another e-mail address
         * because the database held theirs.
         */
        AttendeeSink sink(AttendeeGenerator generator) {
            AttendeeSink sink = store.sink(generator);
            return new AttendeeSink() {
                @Override
                public List<dev.attendees.Attendee> admit(List<dev.attendees.Attendee> batch) {
                    return sink.admit(batch);
                }

                @Override
                public void write(List<dev.attendees.Attendee> batch) {
                    sink.write(batch);
                }

                @Override
                public void commit() {
                    sink.commit();
                    sink.close();
                    if (created == null) { // a new file held no addresses before
                        List<GenerationRun> runs = store.runs();
                        renamed = runs.isEmpty() ? 0 : runs.get(runs.size() - 1).renamed();
                    }
                    // Before any file output commits: if the name was taken meanwhile, no file is written either.
                    committed();
                }

                @Override
                public void close() {
                    sink.close();
                }
            };
        }

        /** Attendees of the committed run written with another e-mail address than they came with. */
        long renamed() {
            return renamed;
        }

        /**
         * The run committed. For a new SQLite file: closes the store and gives the file its
         * requested name, unless another run took that name meanwhile (then it fails, saying where
         * the data is kept).
         */
        void committed() {
            if (created != null) {
                store.close();
                created.publish();
            }
        }

        @Override
        public void close() {
            try {
                store.close();
            } finally {
                if (created != null) {
                    created.close();
                }
            }
        }
    }

    /** Temporary database files (as messages name them) and the names they were asked for. */
    private static final Map<String, String> REQUESTED = new ConcurrentHashMap<>();

    /** {@code message} with the temporary files of new databases named by the names asked for. */
    static String requestedNames(String message) {
        for (Map.Entry<String, String> e : REQUESTED.entrySet()) {
            message = message.replace(e.getKey(), e.getValue());
        }
        return message;
    }

    /**
     * A SQLite file that does not exist yet, written under a temporary name in its folder
     * ({@code .NAME.attendees-XXXX.db}) and given its name by {@link #publish()} with a hard link,
     * which fails if the name exists by then. Unless published (or kept because the name was
     * taken), {@link #close()} removes the temporary file with its journal, WAL and shared-memory
     * files, and the folders it created if they are empty; so does a stop of the JVM (Ctrl-C,
     * SIGTERM) before that.
     */
    static final class NewDatabase implements AutoCloseable {
        private static final SecureRandom RANDOM = new SecureRandom();
        private static final List<String> SIDECARS = List.of("-journal", "-wal", "-shm");

        private final String db;
        private final Path target;
        private final Path temporary;
        private final List<Path> folders;
        private final Thread hook;
        private boolean done;

        private NewDatabase(String db, Path target, Path temporary, List<Path> folders) {
            this.db = db;
            this.target = target;
            this.temporary = temporary;
            this.folders = folders;
            this.hook = new Thread(this::close, "attendees-db-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        /**
         * Checks the file {@code db} names and, when it does not exist yet, creates its folders and
         * an empty temporary file beside it. {@code null} for a PostgreSQL URL or a file that exists.
         *
         * @throws ConfigurationException when the path is a folder, a pipe or a device, or a
         *     symbolic link to nothing
         * @throws AttendeeException when the file system refuses the folders or the file
         */
        static NewDatabase prepare(String db) {
            String text = db.trim();
            if (text.isEmpty() || AttendeeStores.isPostgres(text) || !text.regionMatches(true, 0, "jdbc:sqlite:", 0, 12)
                    && (text.regionMatches(true, 0, "jdbc:", 0, 5) || text.matches("(?i)^[a-z][a-z0-9+.-]*://.*"))) {
                return null; // No SQLite file: a PostgreSQL URL, or a name that AttendeeStores refuses.
            }
            Path file = sqliteFile(db);
            if (file.getFileName() == null) {
                throw new ConfigurationException("--db must name a file, was '" + db + "'");
            }
            if (Files.isDirectory(file)) {
                throw new ConfigurationException("--db " + db + " is a folder, not a database file");
            }
            if (Files.exists(file)) {
                if (!Files.isRegularFile(file)) {
                    throw new ConfigurationException("--db " + db + " is not a regular file (a pipe or a device),"
                            + " not a database file");
                }
                return null;
            }
            if (Files.isSymbolicLink(file)) {
                throw new ConfigurationException("--db " + db + " is a symbolic link to a file that does not exist");
            }
            // Files the CLI names itself are relative to the same folder as the one asked for, as messages show it.
            for (int attempt = 1; ; attempt++) {
                List<Path> folders = new ArrayList<>();
                Path temporary = file.resolveSibling("." + file.getFileName() + ".attendees-"
                        + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".db");
                try {
                    folders = createFolders(file.toAbsolutePath().getParent());
                    // The clean-up hook first: a stop from here on (Ctrl-C, SIGTERM) removes the file and folders.
                    NewDatabase created = new NewDatabase(db, file, temporary, folders);
                    synchronized (created) {
                        if (created.done) {
                            throw new AttendeeException("--db " + db + ": stopped before the database was created");
                        }
                        try {
                            Files.createFile(temporary);
                        } catch (IOException e) {
                            created.done = true; // Not ours to remove: nothing was made.
                            created.forget();
                            throw e;
                        }
                    }
                    REQUESTED.put(temporary.toString(), db);
                    return created;
                } catch (NoSuchFileException e) {
                    // Another run removed an empty folder it had created just now: make it again.
                    removeFolders(folders);
                    if (attempt == 3) {
                        throw cannotCreate(db, temporary, e);
                    }
                } catch (IOException e) {
                    removeFolders(folders);
                    throw cannotCreate(db, temporary, e);
                }
            }
        }

        private static AttendeeException cannotCreate(String db, Path temporary, IOException e) {
            // The temporary file is no name the user knows: its folder instead.
            String where = e instanceof FileSystemException fse && temporary.toString().equals(fse.getFile())
                    ? "(in " + temporary.toAbsolutePath().getParent() + ")" : e.getMessage();
            String reason = e instanceof NotDirectoryException || e instanceof FileAlreadyExistsException
                    ? "a file is in the way of the folder: " + where
                    : e instanceof AccessDeniedException ? "permission denied " + where
                    : e instanceof NoSuchFileException ? "no such file or folder " + where
                    : e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() + " " + where
                    : String.valueOf(e.getMessage());
            return new AttendeeException("--db " + db + ": cannot create the database: " + reason, e);
        }

        /** Creates the missing folders of {@code folder}; returns those it created, deepest first. */
        private static List<Path> createFolders(Path folder) throws IOException {
            List<Path> missing = new ArrayList<>();
            Path p = folder;
            for (; p != null && !Files.exists(p); p = p.getParent()) {
                missing.add(p);
            }
            if (p != null && !Files.isDirectory(p)) {
                throw new NotDirectoryException(p.toString());
            }
            List<Path> created = new ArrayList<>();
            try {
                for (int i = missing.size() - 1; i >= 0; i--) {
                    Path m = missing.get(i);
                    try {
                        Files.createDirectory(m);
                        created.add(0, m);
                    } catch (FileAlreadyExistsException e) {
                        if (!Files.isDirectory(m)) {
                            throw e;
                        }
                        // Another run made it: not ours to remove.
                    }
                }
                if (!Files.isDirectory(folder)) {
                    throw new NotDirectoryException(folder.toString());
                }
            } catch (IOException e) {
                removeFolders(created);
                throw e;
            }
            return created;
        }

        /** Removes the folders given (deepest first) as long as they are empty. */
        private static void removeFolders(List<Path> folders) {
            for (Path folder : folders) {
                try {
                    Files.deleteIfExists(folder);
                } catch (DirectoryNotEmptyException e) {
                    return; // Someone else's files are in it: it stays, and so do the folders above it.
                } catch (IOException e) {
                    return;
                }
            }
        }

        /** Opens the store in the temporary file; its failures name the file asked for. */
        SqlAttendeeStore open() {
            return StoreOptions.open(temporary.toString(), db);
        }

        /**
         * Gives the temporary file, its store closed, the requested name if that is still free.
         *
         * @throws AttendeeException when the name was taken meanwhile or the file cannot be
         *     renamed; the message says where the data is kept
         */
        synchronized void publish() {
            if (done) {
                // The run was stopped (the clean-up hook removed the file): no success to report.
                throw new AttendeeException("--db " + db + ": the run was stopped before the database got its name");
            }
            try {
                settle();
                try {
                    // A hard link is made only if the name is free, atomically: no other run's file is replaced.
                    Files.createLink(target, temporary);
                } catch (FileAlreadyExistsException e) {
                    throw e;
                } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                    // A file system without hard links (FAT, some network shares): a rename that refuses an existing
                    // name (checked just before the rename, so not atomic) has to do.
                    Files.move(temporary, target);
                }
                done = true;
                forget();
                removeTemporary();
            } catch (FileAlreadyExistsException e) {
                keep();
                throw new AttendeeException("--db " + db + " was created by another run meanwhile: it is left as it is,"
                        + " and this run's data is kept in " + temporary, e);
            } catch (IOException | RuntimeException e) {
                keep();
                throw new AttendeeException("--db " + db + ": cannot give the new database its name ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                        + "); this run's data is kept in " + temporary, e);
            }
        }

        /** The run's data stays in the temporary file, whose name messages then show as it is. */
        private void keep() {
            done = true;
            forget();
            REQUESTED.remove(temporary.toString());
        }

        /**
         * Makes sure the closed store left nothing beside the file: a WAL not yet written back
         * into it is checkpointed (the file alone then holds every committed row).
         */
        private void settle() throws IOException {
            boolean any = false;
            for (String suffix : SIDECARS) {
                any |= Files.exists(sidecar(temporary, suffix));
            }
            if (!any) {
                return;
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + temporary.toAbsolutePath());
                    Statement s = c.createStatement()) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (SQLException e) {
                throw new IOException("cannot write the WAL back into the file: " + e.getMessage(), e);
            }
            for (String suffix : SIDECARS) {
                Path side = sidecar(temporary, suffix);
                if (Files.exists(side) && Files.size(side) > 0 && !suffix.equals("-shm")) {
                    throw new IOException(side + " is still there");
                }
                Files.deleteIfExists(side);
            }
        }

        private void forget() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException shuttingDownOrRunning) {
                // The hook runs anyway, and finds the run done.
            }
        }

        private void removeTemporary() {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // Best effort: the data is under the requested name as well.
            }
        }

        /** Unless published or kept: removes the temporary file, its journal, WAL and shared memory, and the folders made for it. */
        @Override
        public synchronized void close() {
            if (done) {
                return;
            }
            done = true;
            if (Thread.currentThread() != hook) {
                forget();
            }
            // The name stays in REQUESTED: the message of the failure that closes the run is made after this.
            for (String suffix : SIDECARS) {
                try {
                    Files.deleteIfExists(sidecar(temporary, suffix));
                } catch (IOException ignored) {
                    // Best effort.
                }
            }
            removeTemporary();
            removeFolders(folders);
        }

        private static Path sidecar(Path file, String suffix) {
            return file.resolveSibling(file.getFileName() + suffix);
        }
    }

    /**
     * Opens a store that must already exist (for questions and reports, which never create a
     * database): a SQLite file that is not there is bad input naming {@code --db}.
     */
    static SqlAttendeeStore openExisting(String db) {
        Path file = sqliteFile(db);
        if (file != null && !java.nio.file.Files.isRegularFile(file)) {
            throw new ConfigurationException("--db " + file + ": no such database; make one with 'attendees generate --db "
                    + file + "' or 'attendees import --db " + file + " FILE'");
        }
        return open(db);
    }

    /** Opens the store {@code --db} names; a bad name's message names the option. */
    static SqlAttendeeStore open(String db) {
        return open(db, db);
    }

    /** Opens the store at {@code location}, which {@code --db db} asked for; failures name {@code db}. */
    private static SqlAttendeeStore open(String location, String db) {
        try {
            return AttendeeStores.open(location);
        } catch (ConfigurationException e) {
            String message = requestedNames(e.getMessage());
            throw message.startsWith("--db") ? e : new ConfigurationException("--db: " + message, e);
        } catch (AttendeeException e) {
            throw e;
        } catch (RuntimeException e) {
            // The driver's or the pool's own exception (a file SQLite cannot open or read): the reason, and the file.
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new AttendeeException("--db " + AttendeeStores.mask(db) + ": cannot open the database: "
                    + requestedNames(reason).replace('\n', ' '), e);
        }
    }
}
