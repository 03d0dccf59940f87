package dev.attendees.sql.internal;

import static dev.attendees.sql.internal.Tables.*;

import dev.attendees.ConfigurationException;
import dev.attendees.store.GenerationRun;
import dev.attendees.store.RunInfo;
import dev.attendees.store.RunKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The runs a store records in {@code generation_runs}, and the ids they give: every generation
 * through a sink and every import is a run, whose attendees get consecutive ids after the largest
 * any attendee or recorded run has had ({@link #lastId}).
 */
public final class Runs {

    /**
     * Records a run; plain JDBC like the bulk writes it ends, because a command that only imports
     * or generates would otherwise pay jOOQ's first-use cost in a new JVM for this one row.
     */
    private static final String INSERT_RUN = "INSERT INTO generation_runs (kind, description, seed, data_version, event_name,"
            + " event_type, options, first_id, last_id, inserted, skipped, replaced, renamed, started_at, finished_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

    private final Database database;

    public Runs(Database database) {
        this.database = database;
    }

    /** The recorded runs, oldest first. */
    public List<GenerationRun> list() {
        return database.read("list runs", c -> database.dsl(c).select(RUN_ID, RUN_KIND, RUN_DESCRIPTION, RUN_SEED, RUN_DATA_VERSION,
                        RUN_EVENT_NAME, RUN_EVENT_TYPE, RUN_OPTIONS, RUN_FIRST_ID, RUN_LAST_ID, RUN_INSERTED, RUN_SKIPPED,
                        RUN_REPLACED, RUN_RENAMED, RUN_STARTED_AT, RUN_FINISHED_AT).from(RUNS).orderBy(RUN_ID).fetch(r -> new GenerationRun(
                r.get(RUN_ID), RunKind.fromLabel(r.get(RUN_KIND)), r.get(RUN_DESCRIPTION), r.get(RUN_SEED),
                r.get(RUN_DATA_VERSION), r.get(RUN_EVENT_NAME), r.get(RUN_EVENT_TYPE), r.get(RUN_OPTIONS),
                r.get(RUN_FIRST_ID), r.get(RUN_LAST_ID), r.get(RUN_INSERTED), r.get(RUN_SKIPPED), r.get(RUN_REPLACED),
                r.get(RUN_RENAMED),
                Timestamps.instant(r.get(RUN_STARTED_AT)), Timestamps.instant(r.get(RUN_FINISHED_AT)))));
    }

    /** Records a finished run in the caller's transaction. */
    GenerationRun record(Connection c, RunInfo run, long first, long last, long inserted, long skipped, long replaced,
            long renamed, Instant started) throws SQLException {
        Instant finished = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        started = started.truncatedTo(ChronoUnit.SECONDS);
        SqlExpressions sql = database.dialect().sql();
        long id;
        try (PreparedStatement ps = c.prepareStatement(INSERT_RUN)) {
            ps.setString(1, run.kind().label());
            ps.setString(2, run.description());
            ps.setObject(3, run.seed(), java.sql.Types.BIGINT);
            ps.setObject(4, run.dataVersion(), java.sql.Types.INTEGER);
            ps.setString(5, run.eventName());
            ps.setString(6, run.eventType());
            ps.setString(7, run.options());
            ps.setLong(8, first);
            ps.setLong(9, last);
            ps.setLong(10, inserted);
            ps.setLong(11, skipped);
            ps.setLong(12, replaced);
            ps.setLong(13, renamed);
            sql.bindTimestamp(ps, 14, Timestamps.utc(started));
            sql.bindTimestamp(ps, 15, Timestamps.utc(finished));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        return new GenerationRun(id, run.kind(), run.description(), run.seed(), run.dataVersion(), run.eventName(),
                run.eventType(), run.options(), first, last, inserted, skipped, replaced, renamed, started, finished);
    }

    /** The largest id in the store, or 0. */
    static long maxId(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(id) FROM attendees")) {
            return rs.next() ? Math.max(0, rs.getLong(1)) : 0;
        }
    }

    /**
     * The largest id any attendee ({@code maxId}, from {@link #maxId}) or any recorded run has had:
     * a new run's ids come after it, so that they never fall inside an earlier run's range, even
     * after that run's last attendees were deleted.
     */
    static long lastId(Connection c, long maxId) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT max(last_id) FROM generation_runs")) {
            return rs.next() ? Math.max(maxId, rs.getLong(1)) : maxId;
        }
    }

    /** {@code base + id}, or a clear failure when that passes the largest id a database can hold. */
    static long idAfter(long base, long id) {
        try {
            return Math.addExact(base, id);
        } catch (ArithmeticException e) {
            throw new ConfigurationException("no attendee id is left: " + base + " + " + id + " passes the largest id, "
                    + Long.MAX_VALUE);
        }
    }
}
