package dev.attendees.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The secondary indexes that a script of {@code CREATE INDEX IF NOT EXISTS name ...} statements
 * creates ({@code indexes.sql}), which a bulk write that grows a table a lot drops inside its
 * transaction and builds again from sorted data before it commits (a rollback brings them back).
 */
public final class SecondaryIndexes {

    /** A bulk write may drop the secondary indexes after this many rows at least: {@value}. */
    public static final long DROP_AFTER = 50_000;

    /** The index of {@code attendees(email)}, which imports that look for duplicates keep. */
    private static final String EMAIL_INDEX = "attendees_email";

    private final String script;
    private final List<String> names;

    /** The indexes that the resource script {@code script} (under {@code dev/attendees/sql/}) creates. */
    public SecondaryIndexes(String script) {
        this.script = script;
        this.names = Scripts.statements(Scripts.read(script)).stream()
                .map(sql -> sql.replaceFirst("(?s)^CREATE INDEX IF NOT EXISTS (\\w+).*", "$1")).toList();
    }

    /** The names of the indexes, in the script's order. */
    public List<String> names() {
        return names;
    }

    /** Drops the indexes, all but the e-mail index when {@code keepEmailIndex}; {@link #build} brings them back. */
    public void drop(Connection connection, boolean keepEmailIndex) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String index : names) {
                if (!(keepEmailIndex && index.equals(EMAIL_INDEX))) {
                    s.execute("DROP INDEX IF EXISTS " + index);
                }
            }
        }
    }

    /** Creates the indexes that are missing (all of them after {@link #drop}). */
    public void build(Connection connection) throws SQLException {
        Scripts.run(connection, script);
    }
}
