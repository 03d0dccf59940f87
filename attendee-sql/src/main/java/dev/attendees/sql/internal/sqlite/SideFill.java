package dev.attendees.sql.internal.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Builds the normalized tables of a large bulk write in a temporary database of their own, on a
 * second thread, while the store's connection builds the indexes of {@code attendees}; then copies
 * them in. SQLite lets one connection write a database file at a time, but two connections may
 * write two files at once, and {@code INSERT INTO t SELECT * FROM other.t} into an empty table of
 * the same definition copies rows in key order without decoding them (the "transfer
 * optimization"), in well under half the time that building them takes (docs/sql-design.md). Only
 * worth it on more than one core, into empty tables.
 *
 * <p>The full-text index was once built aside too, from the attendees' text held in memory, and its
 * FTS5 shadow tables copied in: binding that text into the scratch database cost more than FTS5
 * filling the store's index from the {@code attendees} table (docs/sql-design.md).
 */
final class SideFill {

    /** The normalized tables, in the order they are copied. */
    private static final List<String> DERIVED_TABLES = List.of("attendee_interests", "booth_visits");

    private static final String ALIAS = "attendees_derived_build";

    private final Path file;
    private final DerivedRows rows;
    private final FutureTask<Void> task;
    private Connection attachedTo;

    private SideFill(Path file, DerivedRows rows, List<String> ddl) {
        this.file = file;
        this.rows = rows;
        this.task = new FutureTask<>(() -> {
            build(ddl);
            return null;
        });
    }

    /**
     * Starts building aside the normalized tables from {@code rows}, with the tables' definitions
     * read from {@code store}. The caller must {@link #close} it after its transaction, whatever
     * happened.
     */
    static SideFill start(Connection store, DerivedRows rows) throws SQLException {
        List<String> ddl = new ArrayList<>();
        try (PreparedStatement ps = store.prepareStatement("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?")) {
            for (String table : DERIVED_TABLES) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("no table " + table);
                    }
                    ddl.add(rs.getString(1));
                }
            }
        }
        Path file;
        try {
            file = Files.createTempFile("attendees-derived-", ".db");
        } catch (IOException e) {
            throw new SQLException("cannot create a temporary database: " + e.getMessage(), e);
        }
        file.toFile().deleteOnExit(); // also when the program is stopped (SIGINT, SIGTERM) midway

        SideFill fill = new SideFill(file, rows, ddl);
        Thread thread = new Thread(fill.task, "attendees-derived-tables");
        thread.setDaemon(true);
        thread.start();
        return fill;
    }

    private void build(List<String> ddl) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // A scratch file: no journal, no syncs; it is thrown away whatever happens.
            s.execute("PRAGMA page_size = " + SqliteDialect.PAGE_SIZE);
            s.execute("PRAGMA journal_mode = OFF");
            s.execute("PRAGMA synchronous = OFF");
            s.execute("PRAGMA cache_size = " + SqliteDialect.CACHE_KIB);
            c.setAutoCommit(false);
            for (String sql : ddl) {
                s.execute(sql);
            }
            rows.flushEncoded(c);
            c.commit();
        }
    }

    /** Waits for the tables and copies them into the store's (empty) tables, in its open transaction. */
    void copyInto(Connection store) throws SQLException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the normalized tables were built", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause());
        }
        try (Statement s = store.createStatement()) {
            s.execute("ATTACH DATABASE '" + file.toString().replace("'", "''") + "' AS " + ALIAS);
            attachedTo = store;
            for (String table : DERIVED_TABLES) {
                s.execute("INSERT INTO main." + table + " SELECT * FROM " + ALIAS + "." + table);
            }
        }
    }

    /**
     * After the store's transaction ended: detaches and deletes the temporary database, stopping
     * the build first if it still runs. Never throws.
     */
    void close() {
        rows.cancel();
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // The build failed or was cancelled; the store's transaction has ended either way.
        }
        if (attachedTo != null) {
            try (Statement s = attachedTo.createStatement()) {
                s.execute("DETACH DATABASE " + ALIAS);
            } catch (SQLException ignored) {
                // The connection goes back to the pool; a pool reset closes it at worst.
            }
        }
        for (String suffix : List.of("", "-journal")) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException ignored) {
                // A temporary file: the system's cleanup will take it.
            }
        }
    }
}
