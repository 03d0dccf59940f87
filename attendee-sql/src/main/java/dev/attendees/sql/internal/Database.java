package dev.attendees.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * One store's database: its pooled connections and {@link Dialect}, and work on them, in autocommit
 * mode ({@link #read}) or in one transaction rolled back when the work throws ({@link #write}), with
 * failures mapped to the project's exceptions ({@link Errors}). Opening it applies the schema
 * migrations the database needs. The store's parts (queries, bulk operations, runs, the query log,
 * read-only SQL, sinks and imports) all work through one. Thread-safe.
 *
 * <pre>{@code
 * Database database = Database.open(pool, pool, readOnly, SqliteDialect.create(journal), "attendees.db");
 * long n = database.read("count attendees", c -> database.dsl(c).fetchCount(Tables.ATTENDEES));
 * }</pre>
 */
public final class Database implements AutoCloseable {

    static {
        // jOOQ prints a banner and tips on first use unless told not to; a library should be quiet.
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    /** Opens a connection that cannot write, for read-only SQL ({@link ReadOnlySql}). */
    @FunctionalInterface
    public interface ReadOnlySource {
        Connection open() throws SQLException;
    }

    /** Work on a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource pool;
    private final AutoCloseable closer;
    private final ReadOnlySource readOnly;
    private final Dialect dialect;
    private final String location;
    private final Settings settings = new Settings().withExecuteLogging(false).withRenderFormatted(false);
    private final int versionFound;

    private Database(DataSource pool, AutoCloseable closer, ReadOnlySource readOnly, Dialect dialect, String location) {
        this.pool = pool;
        this.closer = closer;
        this.readOnly = readOnly;
        this.dialect = dialect;
        this.location = location;
        try {
            this.versionFound = transaction("open the database", c -> Migrations.migrate(c, dialect, location));
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    /**
     * Opens the database behind {@code pool} and migrates its schema.
     *
     * @param closer closes the pool when the store closes
     * @param readOnly connections that cannot write
     * @param location the file or masked URL, for messages
     */
    public static Database open(DataSource pool, AutoCloseable closer, ReadOnlySource readOnly, Dialect dialect,
            String location) {
        return new Database(pool, closer, readOnly, dialect, location);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The file or masked URL, for messages. */
    public String location() {
        return location;
    }

    /** The pooled connections, for users' own SQL. */
    public DataSource dataSource() {
        dialect.lifecycle().beforeUse(pool);
        return pool;
    }

    /** The schema version the database had when the store opened it (0 for a new database). */
    public int versionFound() {
        return versionFound;
    }

    /** A jOOQ context over the pool. */
    public DSLContext dsl() {
        dialect.lifecycle().beforeUse(pool);
        return DSL.using(pool, dialect.sql().jooq(), settings);
    }

    /** A jOOQ context over {@code connection}. */
    public DSLContext dsl(Connection connection) {
        return DSL.using(connection, dialect.sql().jooq(), settings);
    }

    /** Runs {@code work} on a pooled connection in autocommit mode. */
    public <T> T read(String doing, Work<T> work) {
        dialect.lifecycle().beforeUse(pool);
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException | RuntimeException e) {
            throw Errors.of(e, doing, location);
        }
    }

    /** Runs {@code work} in one transaction, rolled back when it throws. */
    public <T> T write(String doing, Work<T> work) {
        dialect.lifecycle().beforeUse(pool);
        return transaction(doing, work);
    }

    private <T> T transaction(String doing, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            throw Errors.of(e, doing, location);
        }
    }

    /** Rolls back, keeping quiet about a failure to: the failure that led here matters more. */
    public static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The original failure matters more.
        }
    }

    /** The pool's next connection, for sinks and imports that manage their own transaction. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** A connection that cannot write (see {@link ReadOnlySource}), after the hook before use. */
    Connection readOnlyConnection() throws SQLException {
        dialect.lifecycle().beforeUse(pool);
        return readOnly.open();
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            closer.close();
        } catch (Exception ignored) {
            // Closing is best effort.
        }
    }
}
