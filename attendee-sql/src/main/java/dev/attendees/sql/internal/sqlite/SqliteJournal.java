package dev.attendees.sql.internal.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * The journal mode of one store's database file. The store runs it in WAL mode (readers never wait
 * for the writer), with one exception: a file that the store creates stays in rollback-journal
 * mode until its first bulk write has ended, so that write puts its pages straight into the file
 * instead of into the WAL and once more at the checkpoint. Any other first use, and the end of that
 * write, turn the file to WAL for good; a file that existed is turned to WAL when opened. The
 * switch is best effort: when another connection holds a lock, the next use tries again, and
 * rollback-journal mode is correct meanwhile, only less concurrent. Thread-safe.
 */
public final class SqliteJournal {

    /** Whether the database may still be in rollback-journal mode. */
    private final AtomicBoolean walPending = new AtomicBoolean(true);

    /** Bulk writes running: the journal mode must not change under them. */
    private final AtomicInteger bulkWrites = new AtomicInteger();

    /** Called before the store's other work (queries, small writes, handing out connections): switches to WAL if still pending. */
    public void beforeUse(DataSource pool) {
        if (walPending.get() && bulkWrites.get() == 0) {
            try (Connection c = pool.getConnection()) {
                switchToWal(c, false);
            } catch (SQLException e) {
                // Tried again next time; rollback-journal mode is correct meanwhile, only less concurrent.
            }
        }
    }

    /**
     * Puts a database file that existed before the store opened it in WAL mode, waiting (up to the
     * busy timeout) for other processes' locks. Best effort, like {@link #beforeUse}, which tries
     * again.
     */
    public void openedExisting(DataSource pool) {
        try (Connection c = pool.getConnection()) {
            switchToWal(c, true);
        } catch (SQLException e) {
            // beforeUse tries again.
        }
    }

    /** A bulk write starts: the mode stays as it is until {@link #bulkWriteEnded} or {@link #bulkWriteNotStarted}. */
    void bulkWriteStarting() {
        bulkWrites.incrementAndGet();
    }

    /** The bulk write announced by {@link #bulkWriteStarting} failed to start. */
    void bulkWriteNotStarted() {
        bulkWrites.decrementAndGet();
    }

    /**
     * A bulk write's transaction has ended on {@code connection} (in autocommit mode again): the
     * file turns to WAL now unless another bulk write still runs.
     */
    void bulkWriteEnded(Connection connection) {
        bulkWrites.decrementAndGet();
        switchToWal(connection, false);
    }

    /**
     * Puts the database in WAL mode (which the file keeps) unless it is already, or a bulk write is
     * running; {@code connection} must not be in a transaction. When the mode cannot change now
     * (another connection holds a lock; {@code wait}: after the busy timeout), the next call tries
     * again.
     */
    private void switchToWal(Connection connection, boolean wait) {
        if (!walPending.get() || bulkWrites.get() > 0) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            int busyTimeout;
            try (ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
                busyTimeout = rs.next() ? rs.getInt(1) : 0;
            }
            if (!wait) {
                s.execute("PRAGMA busy_timeout = 0");
            }
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                if (rs.next() && "wal".equalsIgnoreCase(rs.getString(1))) {
                    walPending.set(false);
                }
            } finally {
                s.execute("PRAGMA busy_timeout = " + busyTimeout);
            }
        } catch (SQLException e) {
            // Tried again next time.
        }
    }
}
