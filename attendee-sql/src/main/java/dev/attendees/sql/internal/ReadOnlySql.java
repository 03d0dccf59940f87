package dev.attendees.sql.internal;

import static dev.attendees.sql.internal.Tables.PUBLIC_TABLES;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.attendees.Attendee;
import dev.attendees.ConfigurationException;
import dev.attendees.ProviderException;
import dev.attendees.sql.internal.guard.SqlGuard;
import dev.attendees.store.SqlResult;
import dev.attendees.store.TableInfo;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.Field;

/**
 * SQL that other modules did not write themselves (the natural-language query engine's), run where
 * it cannot write: one {@code SELECT}, {@code WITH} or {@code VALUES} statement checked by
 * {@link SqlGuard} (parsed, against an allow-list), {@link ReadOnlyStatement} and the database's
 * {@link ReadOnlyRules}, on a read-only connection, cancelled at its timeout, at most
 * {@code maxRows} rows read, values made plain. With it the schema of the public tables and a
 * column's distinct values, names checked against that schema.
 */
public final class ReadOnlySql {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "attendees-sql-timeout");
        t.setDaemon(true);
        return t;
    });

    private final Database database;
    private final Dialect dialect;

    public ReadOnlySql(Database database) {
        this.database = database;
        this.dialect = database.dialect();
    }

    /** Runs {@code sql}, one read-only statement, giving at most {@code maxRows} rows within {@code timeout}. */
    public SqlResult run(String sql, int maxRows, Duration timeout) {
        String statement = SqlGuard.of(dialect.sql().jooq())
                .check(sql, text -> ReadOnlyStatement.check(text, dialect.readOnly().syntax()));
        if (maxRows < 1) {
            throw new ConfigurationException("maxRows must be at least 1, was " + maxRows);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new ConfigurationException("timeout must be positive, was " + timeout);
        }
        long started = System.nanoTime();
        try (Connection c = database.readOnlyConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                dialect.readOnly().checkOneStatement(c, statement);
                dialect.readOnly().beginReadOnly(c, timeout);
                // One row more than asked shows whether there were more (no limit at Integer.MAX_VALUE).
                st.setMaxRows(maxRows < Integer.MAX_VALUE ? maxRows + 1 : 0);
                st.setFetchSize(Math.min(maxRows, 1_000));
                // Cancelled again and again once the time is up: a cancel that comes before the statement has
                // started (a timeout under a millisecond, a busy machine) would otherwise be lost.
                long delay;
                try {
                    delay = timeout.toNanos();
                } catch (ArithmeticException beyondLong) {
                    delay = Long.MAX_VALUE;
                }
                ScheduledFuture<?> cancel = TIMER.scheduleAtFixedRate(() -> cancelQuietly(st), delay,
                        TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.NANOSECONDS);
                try (ResultSet rs = st.executeQuery(statement)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(meta.getColumnLabel(i));
                    }
                    List<List<Object>> rows = new ArrayList<>();
                    boolean truncated = false;
                    while (rs.next()) {
                        if (rows.size() == maxRows) {
                            truncated = true;
                            break;
                        }
                        List<Object> row = new ArrayList<>(columns.size());
                        for (int i = 1; i <= columns.size(); i++) {
                            row.add(plain(rs.getObject(i)));
                        }
                        rows.add(row);
                    }
                    return new SqlResult(columns, rows, truncated, Duration.ofNanos(System.nanoTime() - started));
                } finally {
                    cancel.cancel(false);
                }
            } finally {
                Database.rollbackQuietly(c);
                try {
                    dialect.readOnly().endReadOnly(c);
                } finally {
                    Database.rollbackQuietly(c);
                }
            }
        } catch (SQLException e) {
            if (dialect.readOnly().isTimeout(e) || Duration.ofNanos(System.nanoTime() - started).compareTo(timeout) >= 0) {
                throw new ProviderException("the query ran longer than " + timeout.toMillis() + " ms and was stopped", false, e);
            }
            throw new ProviderException("the query failed in " + database.location() + ": " + PostgresUrl.mask(e.getMessage()), false, e);
        }
    }

    private static void cancelQuietly(Statement st) {
        try {
            st.cancel();
        } catch (SQLException ignored) {
            // Finished meanwhile.
        }
    }

    /** A JDBC value as a plain Java value (see {@link SqlResult}). */
    static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException notWhole) {
                return d.doubleValue();
            }
        }
        if (v instanceof java.math.BigInteger i) {
            return i.bitLength() < 64 ? (Object) i.longValue() : i.toString();
        }
        if (v instanceof java.sql.Timestamp || v instanceof LocalDateTime || v instanceof java.time.OffsetDateTime) {
            return Attendee.formatTimestamp(Timestamps.read(v));
        }
        if (v instanceof byte[] b) {
            return "(" + b.length + " bytes)";
        }
        return v.toString();
    }

    /** The public tables with their columns. */
    public List<TableInfo> schema() {
        return database.read("list the schema", c -> dialect.catalog().tables(c, PUBLIC_TABLES));
    }

    /** Up to {@code limit} distinct values of a column of {@link #schema()}, in code-point order. */
    public List<String> distinctValues(String tableName, String column, int limit) {
        Limits.check(limit);
        List<TableInfo> tables = schema();
        TableInfo table = tables.stream().filter(t -> t.name().equals(tableName)).findFirst()
                .orElseThrow(() -> new ConfigurationException("unknown table '" + tableName + "'; expected one of "
                        + tables.stream().map(TableInfo::name).toList()));
        TableInfo.ColumnInfo info = table.columns().stream().filter(col -> col.name().equals(column)).findFirst()
                .orElseThrow(() -> new ConfigurationException("unknown column '" + column + "' of " + tableName
                        + "; expected one of " + table.columns().stream().map(TableInfo.ColumnInfo::name).toList()));
        Field<Object> f = field(name(tableName, info.name()));
        Field<String> value = dialect.sql().text(f, info.type().toLowerCase(Locale.ROOT).contains("timestamp"));
        return database.read("list the values of " + tableName + "." + column, c -> database.dsl(c).select(value).from(table(name(tableName)))
                .where(f.isNotNull()).groupBy(value).orderBy(dialect.sql().byCodePoint(value)).limit(limit).fetch(value));
    }
}
