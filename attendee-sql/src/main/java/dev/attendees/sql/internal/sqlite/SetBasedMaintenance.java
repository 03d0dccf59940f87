package dev.attendees.sql.internal.sqlite;

import static org.jooq.impl.DSL.select;

import dev.attendees.sql.internal.Scripts;
import dev.attendees.sql.internal.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Keeps SQLite's full-text index and normalized tables in step set-based while the row triggers
 * are off: one statement for many attendees (one pass over the rows in C) where a trigger call a
 * row would split both lists in SQL and update the full-text index row by row. Used by bulk
 * writes, regenerations and deletes. The statements are resource files beside the migrations
 * ({@code maintenance/sqlite/*.sql}), read once.
 */
final class SetBasedMaintenance {

    private static final String FOLDER = "maintenance/sqlite/";

    /** Fills {@code attendee_interests} for the attendees with ids {@code ?1..?2} from their lists. */
    static final String ADD_INTERESTS = statement("add_interests.sql");

    /** Fills {@code booth_visits} for the attendees with ids {@code ?1..?2} from their lists. */
    static final String ADD_BOOTHS = statement("add_booths.sql");

    private static final List<String> ADD_WORDS = statements("add_words.sql");
    private static final List<String> REMOVE_WORDS_OF_ONE = statements("remove_words_of_one.sql");
    private static final List<String> REMOVE_ITEMS_OF_ONE = statements("remove_items_of_one.sql");
    private static final List<String> REMOVE_LISTED = statements("remove_listed.sql");
    private static final List<String> ADD_LISTED = statements("add_listed.sql");
    private static final List<String> CHOOSE = statements("choose.sql");
    private static final List<String> DELETE_CHOSEN = statements("delete_chosen.sql");
    private static final List<String> FORGET_CHOSEN = statements("forget_chosen.sql");
    private static final List<String> DELETE_RANGE = statements("delete_range.sql");
    private static final List<String> DELETE_EVERYONE = statements("delete_everyone.sql");

    /** The ids a delete chose, in a temporary table of the store's connection for the transaction's length ({@code choose.sql}). */
    private static final String CHOSEN = "temp.attendees_doomed";

    static {
        if (!CHOOSE.get(CHOOSE.size() - 1).contains("CREATE TABLE " + CHOSEN + " ")) {
            throw new IllegalStateException("choose.sql no longer creates " + CHOSEN + ": " + CHOOSE);
        }
    }

    private SetBasedMaintenance() {}

    /** Adds the attendees with ids {@code first..last} to the full-text index. */
    static void addWords(Connection connection, long first, long last) throws SQLException {
        run(connection, ADD_WORDS, first, last);
    }

    /** Fills the normalized tables for the attendees with ids {@code first..last} from their lists. */
    static void addItems(Connection connection, long first, long last) throws SQLException {
        run(connection, List.of(ADD_INTERESTS, ADD_BOOTHS), first, last);
    }

    /** Removes attendee {@code id} from the full-text index (which needs its current values). */
    static void removeWordsOf(Connection connection, long id) throws SQLException {
        run(connection, REMOVE_WORDS_OF_ONE, id, id);
    }

    /** Removes the rows of attendee {@code id} from the normalized tables, found from its current lists. */
    static void removeItemsOf(Connection connection, long id) throws SQLException {
        run(connection, REMOVE_ITEMS_OF_ONE, id, id);
    }

    /** Before the attendees with these ids are overwritten: their words and list items go. */
    static void removeListed(Connection connection, long[] ids) throws SQLException {
        runForIds(connection, REMOVE_LISTED, ids);
    }

    /** After the attendees with these ids were overwritten: their new words and list items go in. */
    static void addListed(Connection connection, long[] ids) throws SQLException {
        runForIds(connection, ADD_LISTED, ids);
    }

    /**
     * Deletes the attendees that {@code where} selects with their words and list items, the row
     * triggers dropped meanwhile; returns how many. The chosen ids go into a temporary table first
     * (the condition may search the full-text index, which the next statements change), then their
     * words, list items and rows go with one statement each, or, when every attendee goes, with
     * FTS5's {@code delete-all} and unconditional deletes, which SQLite empties a table with at once.
     */
    static long delete(Connection connection, DSLContext ctx, Condition where) throws SQLException {
        run(connection, CHOOSE, 0, 0);
        long chosen = ctx.execute("INSERT INTO " + CHOSEN + " (id) {0}", select(Tables.ID).from(Tables.ATTENDEES).where(where));
        deleteWithoutTriggers(connection, chosen, DELETE_CHOSEN, 0, 0);
        run(connection, FORGET_CHOSEN, 0, 0);
        return chosen;
    }

    /**
     * Deletes the attendees with ids {@code first..last} (a run) as {@link #delete} does, by ranges:
     * an id range is one key range of each item in the normalized tables, so their rows go item by
     * item without reading the lists.
     */
    static long deleteRange(Connection connection, long first, long last) throws SQLException {
        long chosen;
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM attendees WHERE id BETWEEN ?1 AND ?2")) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                chosen = rs.next() ? rs.getLong(1) : 0;
            }
        }
        deleteWithoutTriggers(connection, chosen, DELETE_RANGE, first, last);
        return chosen;
    }

    /**
     * Runs {@code statements} (their {@code ?1} and {@code ?2} bound to {@code first} and
     * {@code last} where they have them) with the row triggers dropped, or {@link #DELETE_EVERYONE}
     * when the {@code chosen} attendees are all there are.
     */
    private static void deleteWithoutTriggers(Connection connection, long chosen, List<String> statements, long first, long last)
            throws SQLException {
        if (chosen == 0) {
            return;
        }
        long all;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM attendees")) {
            all = rs.next() ? rs.getLong(1) : -1;
        }
        RowTriggers.drop(connection);
        run(connection, chosen == all ? DELETE_EVERYONE : statements, first, last);
        RowTriggers.create(connection);
    }

    /** Runs {@code statements}, their {@code ?1} and {@code ?2} (where they have them) bound to {@code first} and {@code last}. */
    private static void run(Connection connection, List<String> statements, long first, long last) throws SQLException {
        for (String sql : statements) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                if (sql.contains("?1")) {
                    ps.setLong(1, first);
                }
                if (sql.contains("?2")) {
                    ps.setLong(2, last);
                }
                ps.executeUpdate();
            }
        }
    }

    /** Runs {@code statements} with their {@code ?1} bound to the ids as a JSON array. */
    private static void runForIds(Connection connection, List<String> statements, long[] ids) throws SQLException {
        StringBuilder array = new StringBuilder(ids.length * 8).append('[');
        for (int i = 0; i < ids.length; i++) {
            array.append(i == 0 ? "" : ",").append(ids[i]);
        }
        String json = array.append(']').toString();
        for (String sql : statements) {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, json);
                ps.executeUpdate();
            }
        }
    }

    /** The statements of a maintenance script. */
    private static List<String> statements(String script) {
        String text = Scripts.read(FOLDER + script);
        if (text == null) {
            throw new IllegalStateException("missing resource dev/attendees/sql/" + FOLDER + script);
        }
        return List.copyOf(Scripts.statements(text));
    }

    /** The one statement of a maintenance script. */
    private static String statement(String script) {
        List<String> statements = statements(script);
        if (statements.size() != 1) {
            throw new IllegalStateException(FOLDER + script + " must hold one statement, has " + statements.size());
        }
        return statements.get(0);
    }
}
