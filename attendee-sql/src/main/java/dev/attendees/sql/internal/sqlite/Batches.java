package dev.attendees.sql.internal.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * Sends rows through a multi-row {@code INSERT} in JDBC batches, and the last few through a
 * one-row one: the shape of the bulk paths that sqlite-jdbc makes fast (one native step for many
 * rows, one JNI call for many statements).
 */
final class Batches {
    private Batches() {}

    /** Binds row {@code index} into the row {@code slot} (from 0) of a statement. */
    @FunctionalInterface
    interface RowBinder {
        void bind(PreparedStatement statement, int slot, int index) throws SQLException;
    }

    /**
     * Sends rows {@code 0..count-1}: {@code perStatement} at a time through {@code many},
     * {@code statements} statements a batch, the rest one by one through {@code one}; stops with an
     * exception between statements once {@code cancelled} says so.
     */
    static void send(int count, PreparedStatement many, int perStatement, int statements, PreparedStatement one,
            RowBinder binder, BooleanSupplier cancelled) throws SQLException {
        int whole = count - count % perStatement;
        int pending = 0;
        for (int from = 0; from < whole; from += perStatement) {
            if (cancelled.getAsBoolean()) {
                throw new SQLException("cancelled");
            }
            for (int slot = 0; slot < perStatement; slot++) {
                binder.bind(many, slot, from + slot);
            }
            many.addBatch();
            if (++pending == statements) {
                many.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            many.executeBatch();
        }
        for (int i = whole; i < count; i++) {
            binder.bind(one, 0, i);
            one.addBatch();
        }
        if (whole < count) {
            one.executeBatch();
        }
    }
}
