package dev.attendees.sql.internal.sqlite;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of {@code attendee_interests} and {@code booth_visits} that a SQLite bulk write owes,
 * gathered item by item and written in the tables' key order, {@code (item, attendee_id,
 * position)}. Into tables that were empty, every row is then an append at the end of the b-tree
 * (SQLite's cheapest insert); into tables that held rows, each item's new rows go in as one run
 * after the item's old ones. Either is several times cheaper than splitting the lists in SQL and
 * keeping an index by item (measured in docs/sql-design.md).
 *
 * <p>A row takes 8 to 16 bytes here ({@code attendee_id << 16 | position} in a growing array);
 * after {@link #CAPACITY} rows the writer flushes, so memory stays bounded (128 MiB at most).
 * Rows whose id or position does not fit that encoding are filled from the {@code attendees}
 * table instead, by id. Not thread-safe: one thread adds, and flushes when nothing is added.
 */
final class DerivedRows {

    /** Rows held before a flush: {@value} (64 MiB), a little more than 1,000,000 generated attendees owe. */
    static final int CAPACITY = 8 << 20;

    /** Encoded rows per statement: {@value}; an item's last few go one a statement. */
    private static final int ROWS_PER_STATEMENT = 128;

    /** Statements per JDBC batch: {@value}. */
    private static final int BATCH = 64;

    private static final int POSITION_BITS = 16;
    private static final long MAX_ID = (1L << (63 - POSITION_BITS)) - 1;

    /** SQLite's BINARY collation: the order of the UTF-8 bytes. */
    private static final Comparator<String> BINARY =
            Comparator.comparing((String item) -> item.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    /**
     * One derived table: its name and item column, how to fill one attendee by id, and the rows
     * held by item (a hash map: sorted once, when written).
     */
    private record Target(String table, String itemColumn, String fillById, Map<String, Rows> items) {

        /**
         * Appends {@code rows} encoded rows of one item: the item is {@code ?1}, shared by all of
         * them, and each row is one bound number, {@code attendee_id << 16 | position}, split in
         * SQL. One JNI call a row, without text: about twice as fast as JSON arrays through
         * {@code json_each} (docs/sql-design.md).
         */
        String insert(int rows) {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (attendee_id, position, ")
                    .append(itemColumn).append(") VALUES ");
            for (int i = 0; i < rows; i++) {
                int p = i + 2;
                sql.append(i == 0 ? "" : ", ").append("(?").append(p).append(" >> 16, ?").append(p).append(" & 65535, ?1)");
            }
            return sql.toString();
        }
    }

    private final List<Target> targets = List.of(
            new Target("attendee_interests", "interest", SetBasedMaintenance.ADD_INTERESTS, new HashMap<>()),
            new Target("booth_visits", "booth", SetBasedMaintenance.ADD_BOOTHS, new HashMap<>()));
    private final List<Long> byId = new ArrayList<>();
    private final int capacity;
    private int held;
    private volatile boolean cancelled;

    /**
     * Notes the derived rows of one attendee, as the triggers would split its stored lists
     * ({@code ;}-joined {@code interests} and {@code booths}): on every {@code ;}, nothing for
     * empty text. The lists' items are used as they are when none holds a {@code ;} (the same
     * split, without making new strings).
     */
    void add(long id, List<String> interestItems, String interests, List<String> boothItems, String booths) {
        if (id < 0 || id > MAX_ID || !encodable(interests) || !encodable(booths)) {
            byId.add(id);
            return;
        }
        add(targets.get(0).items(), id, interestItems, interests);
        add(targets.get(1).items(), id, boothItems, booths);
    }

    private static boolean encodable(String list) {
        return list == null || list.length() < (1 << POSITION_BITS);
    }

    private void add(Map<String, Rows> items, long id, List<String> list, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (String item : list) {
            if (item.indexOf(';') >= 0) {
                add(items, id, text);
                return;
            }
        }
        int position = 0;
        for (String item : list) {
            items.computeIfAbsent(item, k -> new Rows()).add(id << POSITION_BITS | position++);
        }
        held += position;
    }

    private void add(Map<String, Rows> items, long id, String text) {
        int position = 0;
        int start = 0;
        while (true) {
            int end = text.indexOf(';', start);
            String item = text.substring(start, end < 0 ? text.length() : end);
            items.computeIfAbsent(item, k -> new Rows()).add(id << POSITION_BITS | position++);
            held++;
            if (end < 0) {
                return;
            }
            start = end + 1;
        }
    }

    /** Holds up to {@link #CAPACITY} rows. */
    DerivedRows() {
        this(CAPACITY);
    }

    /** Holds up to {@code capacity} rows (tests use small ones). */
    DerivedRows(int capacity) {
        this.capacity = capacity;
    }

    /** Whether the writer should {@link #flush} now. */
    boolean full() {
        return held >= capacity || byId.size() >= Math.max(1, capacity / 64);
    }

    /** Rows held in the compact encoding. */
    int held() {
        return held;
    }

    /**
     * Writes what is held, item by item in key order, and forgets it. The attendees noted as
     * filled by id must be in the {@code attendees} table by now.
     */
    void flush(Connection connection) throws SQLException {
        flushEncoded(connection);
        fillById(connection);
    }

    /**
     * Writes the rows held in the compact encoding into {@code connection}'s tables (which need
     * not be the store's: see {@link SideFill}), item by item in key order, and forgets them.
     */
    void flushEncoded(Connection connection) throws SQLException {
        for (Target t : targets) {
            if (t.items().isEmpty()) {
                continue;
            }
            Map<String, Rows> sorted = new TreeMap<>(BINARY);
            sorted.putAll(t.items());
            try (PreparedStatement many = connection.prepareStatement(t.insert(ROWS_PER_STATEMENT));
                    PreparedStatement one = connection.prepareStatement(t.insert(1))) {
                for (Map.Entry<String, Rows> e : sorted.entrySet()) {
                    String item = e.getKey();
                    Rows rows = e.getValue();
                    Batches.send(rows.size, many, ROWS_PER_STATEMENT, BATCH, one, (ps, slot, i) -> {
                        if (slot == 0) {
                            ps.setString(1, item);
                        }
                        ps.setLong(slot + 2, rows.get(i));
                    }, () -> cancelled);
                }
            }
            t.items().clear();
        }
        held = 0;
    }

    /** Fills the derived rows of the attendees that did not fit the encoding, from the {@code attendees} table. */
    void fillById(Connection connection) throws SQLException {
        if (byId.isEmpty()) {
            return;
        }
        for (Target t : targets) {
            try (PreparedStatement ps = connection.prepareStatement(t.fillById())) {
                for (long id : byId) {
                    ps.setLong(1, id);
                    ps.setLong(2, id);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        byId.clear();
    }

    /** Makes a {@link #flushEncoded} under way (on another thread) stop soon, with an exception. */
    void cancel() {
        cancelled = true;
    }

    /** A growable list of encoded rows. */
    private static final class Rows {
        private long[] rows = new long[8];
        private int size;

        void add(long row) {
            if (size == rows.length) {
                rows = Arrays.copyOf(rows, size * 2);
            }
            rows[size++] = row;
        }

        long get(int i) {
            return rows[i];
        }
    }
}
