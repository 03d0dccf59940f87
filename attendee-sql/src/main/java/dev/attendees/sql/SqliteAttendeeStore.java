package dev.attendees.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.attendees.AttendeeException;
import dev.attendees.ConfigurationException;
import dev.attendees.sql.internal.Database;
import dev.attendees.sql.internal.guard.SqliteLimits;
import dev.attendees.sql.internal.sqlite.SqliteDialect;
import dev.attendees.sql.internal.sqlite.SqliteJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The attendee store in one SQLite file: no server, created on first use. The database runs in
 * WAL mode (readers never wait for the writer), with {@code synchronous=NORMAL} (a committed
 * transaction survives a crash of the program; a power cut may lose the last ones, never
 * corrupt the file), a 64 MiB page cache and memory-mapped reads; a file the store creates has
 * 16 KiB pages. Bulk writes go through one
 * transaction and fill the normalized tables and the FTS5 index set-based at the end. A file the
 * store creates gets its first bulk write in rollback-journal mode (written once instead of
 * twice; readers of the new file wait for it) and is in WAL mode from then on.
 *
 * <pre>{@code
 * try (SqliteAttendeeStore store = SqliteAttendeeStore.open(Path.of("attendees.db"))) {
 *     store.generate(AttendeeGenerator.builder().seed(42).build(), 1_000_000);   // a few seconds
 *     store.countBy(Facet.INDUSTRY, AttendeeFilter.ALL, 5);
 * }
 * SqliteAttendeeStore tuned = SqliteAttendeeStore.builder(Path.of("a.db")).busyTimeout(Duration.ofSeconds(30)).build();
 * }</pre>
 */
public final class SqliteAttendeeStore extends SqlAttendeeStore {

    /** Pooled connections when none is given: {@value} (one writes at a time; the others read). */
    public static final int DEFAULT_POOL_SIZE = 4;

    /** How long a write waits for another process's write to finish when none is given: 10 seconds. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);

    private final Path file;

    private SqliteAttendeeStore(Database database, Path file) {
        super(database);
        this.file = file;
    }

    /**
     * Opens (or creates) the database file, creating missing folders, and migrates its schema.
     *
     * @throws ConfigurationException when the path is a folder, or the file is not a SQLite
     *     database of attendees
     */
    public static SqliteAttendeeStore open(Path file) {
        return builder(file).build();
    }

    /** A builder for the database file. */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** Configures a {@link SqliteAttendeeStore}. */
    public static final class Builder {
        private final Path file;
        private int poolSize = DEFAULT_POOL_SIZE;
        private Duration busyTimeout = DEFAULT_BUSY_TIMEOUT;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /** Pooled connections, at least 2 (a writer and a reader). */
        public Builder poolSize(int size) {
            if (size < 2) {
                throw new ConfigurationException("pool size must be at least 2, was " + size);
            }
            this.poolSize = size;
            return this;
        }

        /** How long a write waits for another process's write before it fails. */
        public Builder busyTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative()) {
                throw new ConfigurationException("busy timeout must not be negative, was " + timeout);
            }
            this.busyTimeout = timeout;
            return this;
        }

        /**
         * Opens the store.
         *
         * @throws ConfigurationException when the path is a folder or not a SQLite database
         */
        public SqliteAttendeeStore build() {
            Path path = file.toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                throw new ConfigurationException("--db " + file + " is a folder, not a database file");
            }
            boolean created;
            try {
                Files.createDirectories(path.getParent());
                created = !Files.exists(path) || Files.size(path) == 0;
            } catch (IOException e) {
                throw new AttendeeException("cannot create the folder of " + file + ": " + e.getMessage(), e);
            }
            String url = "jdbc:sqlite:" + path;
            int busy = (int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis());

            // No journal mode here: the store turns the file to WAL itself (SqliteJournal), at once for a
            // file that exists, after the first bulk write for one it creates.
            SQLiteConfig config = new SQLiteConfig();
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(busy);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            // Temporary storage stays SQLite's default, files: with temp_store=MEMORY the sorter of CREATE INDEX
            // keeps its sorted runs in in-memory journals, which made a bulk write's index builds about twice as slow
            // (measured in docs/sql-design.md). Sorts and temporary b-trees stay in memory until they outgrow the
            // page cache; the files go to SQLite's temporary folder (SQLITE_TMPDIR, TMPDIR, /var/tmp, /tmp).
            config.setPageSize(SqliteDialect.PAGE_SIZE); // for a new file only: an existing one keeps its own
            config.setCacheSize(SqliteDialect.CACHE_KIB);
            config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(256L << 20));
            SQLiteDataSource writable = new SQLiteDataSource(config);
            writable.setUrl(url);

            HikariConfig hikari = new HikariConfig();
            hikari.setDataSource(writable);
            hikari.setPoolName("attendees-sqlite");
            hikari.setMaximumPoolSize(poolSize);
            hikari.setMinimumIdle(1);
            HikariDataSource pool;
            try {
                pool = new HikariDataSource(hikari);
            } catch (RuntimeException e) {
                throw notADatabase(file, e);
            }

            SQLiteConfig readOnlyConfig = new SQLiteConfig();
            readOnlyConfig.setReadOnly(true);
            readOnlyConfig.setBusyTimeout(busy);
            readOnlyConfig.setTransactionMode(SQLiteConfig.TransactionMode.DEFERRED);
            SQLiteDataSource readOnly = new SQLiteDataSource(readOnlyConfig);
            readOnly.setUrl(url);
            Database.ReadOnlySource reader = () -> {
                Connection c = readOnly.getConnection();
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA query_only = 1");
                    SqliteLimits.applyTo(c);
                } catch (SQLException e) {
                    c.close();
                    throw e;
                }
                return c;
            };
            SqliteJournal journal = new SqliteJournal();
            SqliteAttendeeStore store;
            try {
                store = new SqliteAttendeeStore(Database.open(pool, pool, reader, SqliteDialect.create(journal), file.toString()), file);
            } catch (RuntimeException e) {
                throw notADatabase(file, e);
            }
            if (!created) {
                journal.openedExisting(pool);
            }
            return store;
        }

        private static RuntimeException notADatabase(Path file, RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = String.valueOf(t.getMessage());
                if (m.contains("SQLITE_NOTADB") || m.contains("file is not a database")) {
                    return new ConfigurationException(file + " is not a SQLite database", e);
                }
            }
            return e;
        }
    }
}
