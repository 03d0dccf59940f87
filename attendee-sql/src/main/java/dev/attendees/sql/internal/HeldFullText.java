package dev.attendees.sql.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The full-text columns (name, company, job title) of the attendees that a SQLite bulk write adds,
 * held as UTF-8 so that another thread can build their FTS5 index in a scratch database while the
 * store's connection builds the other indexes ({@link SideFill}). About 70 bytes an attendee; past
 * {@link #CAPACITY} bytes the text is given up ({@link #usable} turns false) and the store's
 * connection indexes the rows itself, as it does without this. Not thread-safe: one thread adds,
 * and another reads only after the adding is over.
 */
final class HeldFullText {

    /** UTF-8 held at most: {@value} bytes (96 MiB), about 1.6 million attendees. */
    static final long CAPACITY = 96L << 20;

    /** Rows per {@code INSERT} into the scratch full-text table: {@value}. */
    private static final int ROWS_PER_STATEMENT = 64;

    /** Statements per JDBC batch: {@value}. */
    private static final int BATCH = 16;

    private static final int CHUNK = 1 << 20;

    private final long capacity;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] chunk;
    private int used;
    private long bytes;
    private long[] ids = new long[1024];
    /** Three lengths a row (name, company, job title); -1 for {@code null}. */
    private int[] lengths = new int[3 * 1024];
    private int rows;
    private boolean givenUp;
    private volatile boolean cancelled;

    HeldFullText() {
        this(CAPACITY);
    }

    /** Holds up to {@code capacity} bytes (tests use small ones). */
    HeldFullText(long capacity) {
        this.capacity = capacity;
    }

    /** Notes an attendee's full-text columns, unless the text was given up. */
    void add(long id, String name, String company, String jobTitle) {
        if (givenUp) {
            return;
        }
        byte[] n = utf8(name);
        byte[] c = utf8(company);
        byte[] t = utf8(jobTitle);
        int size = length(n) + length(c) + length(t);
        bytes += size;
        if (bytes > capacity) {
            giveUp();
            return;
        }
        if (chunk == null || used + size > chunk.length) {
            chunk = new byte[Math.max(CHUNK, size)];
            chunks.add(chunk);
            used = 0;
        }
        if (rows == ids.length) {
            ids = Arrays.copyOf(ids, rows * 2);
            lengths = Arrays.copyOf(lengths, rows * 6);
        }
        ids[rows] = id;
        lengths[3 * rows] = put(n);
        lengths[3 * rows + 1] = put(c);
        lengths[3 * rows + 2] = put(t);
        rows++;
    }

    /** Drops what is held; from now on {@link #usable} is false. */
    void giveUp() {
        givenUp = true;
        chunks.clear();
        chunk = null;
        ids = new long[0];
        lengths = new int[0];
        rows = 0;
    }

    /** Whether every row added is held. */
    boolean usable() {
        return !givenUp;
    }

    /** Rows held. */
    int rows() {
        return rows;
    }

    /**
     * Inserts the rows held into {@code connection}'s full-text table {@code table} (the scratch
     * database's: the store's own is filled from {@code attendees} instead). The rows go first into
     * a plain table there, then into the full-text table in one statement: FTS5 writes its pending
     * terms out as a new segment at the end of every statement, so one statement per few rows
     * would leave thousands of small segments to merge (5.3 s against 1.5 s for 1,000,000).
     */
    void insertInto(Connection connection, String table) throws SQLException {
        String staging = table + "_held";
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE " + staging + " (id INTEGER PRIMARY KEY, name TEXT, company TEXT, job_title TEXT)");
            String one = "(?, ?, ?, ?)";
            String head = "INSERT INTO " + staging + " (id, name, company, job_title) VALUES ";
            try (PreparedStatement many = connection.prepareStatement(head + String.join(", ",
                    Collections.nCopies(ROWS_PER_STATEMENT, one))); PreparedStatement single = connection.prepareStatement(head + one)) {
                Cursor cursor = new Cursor();
                Batches.send(rows, many, ROWS_PER_STATEMENT, BATCH, single, (ps, slot, r) -> cursor.bind(ps, 4 * slot, r),
                        () -> cancelled);
            }
            s.execute("INSERT INTO " + table + " (rowid, name, company, job_title) SELECT id, name, company, job_title FROM "
                    + staging);
            s.execute("DROP TABLE " + staging);
        }
    }

    /** Makes an {@link #insertInto} under way (on another thread) stop soon, with an exception. */
    void cancel() {
        cancelled = true;
    }

    /** Walks the chunks as {@link #add} filled them. */
    private final class Cursor {
        private int chunkIndex = -1;
        private int offset;

        void bind(PreparedStatement ps, int at, int row) throws SQLException {
            int size = 0;
            for (int f = 0; f < 3; f++) {
                size += Math.max(0, lengths[3 * row + f]);
            }
            if (chunkIndex < 0 || offset + size > chunks.get(chunkIndex).length) {
                chunkIndex++;
                offset = 0;
            }
            byte[] data = chunks.get(chunkIndex);
            ps.setLong(at + 1, ids[row]);
            for (int f = 0; f < 3; f++) {
                int length = lengths[3 * row + f];
                ps.setString(at + 2 + f, length < 0 ? null : new String(data, offset, length, StandardCharsets.UTF_8));
                offset += Math.max(0, length);
            }
        }
    }

    private int put(byte[] value) {
        if (value == null) {
            return -1;
        }
        System.arraycopy(value, 0, chunk, used, value.length);
        used += value.length;
        return value.length;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }
}
