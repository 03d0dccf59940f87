package dev.attendees.sql.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** What the store does with a database when it opens it (the migrations) and before each use. */
public interface Lifecycle {

    /** Serialises migrations between processes, in the open transaction, and checks that the database can hold the store. */
    void lockForMigration(Connection connection) throws SQLException;

    /** Called after the migrations, in their transaction. */
    default void afterMigrations(Connection connection) throws SQLException {}

    /** Called before the store's other work (queries, small writes, handing out connections). */
    default void beforeUse(DataSource pool) {}
}
