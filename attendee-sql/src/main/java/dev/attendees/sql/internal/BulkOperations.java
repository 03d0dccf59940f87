package dev.attendees.sql.internal;

import static dev.attendees.sql.internal.Tables.*;
import static org.jooq.impl.DSL.select;

import dev.attendees.Attendee;
import dev.attendees.AttendeeGenerator;
import dev.attendees.ConfigurationException;
import dev.attendees.store.AttendeeFilter;
import dev.attendees.store.UniqueEmails;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * The store's bulk operations, each one transaction: {@code delete} of a filter's attendees,
 * {@code regenerate} (same ids, new attendees from a generator, written in place chunk by chunk)
 * and {@code deleteRun}. How the derived tables and indexes keep up is the database's
 * {@link BulkStrategy}.
 */
public final class BulkOperations {

    /** Ids per round trip when regenerating: {@value}. */
    private static final int REGENERATE_CHUNK = 1_000;

    private final Database database;
    private final BulkStrategy bulk;
    private final FilterConditions filters;

    public BulkOperations(Database database) {
        this.database = database;
        this.bulk = database.dialect().bulk();
        this.filters = new FilterConditions(database.dialect().sql());
    }

    public long delete(AttendeeFilter filter) {
        return database.write("delete attendees", c -> {
            DSLContext ctx = database.dsl(c);
            return bulk.delete(c, ctx, filters.condition(ctx, filter));
        });
    }

    public long regenerate(AttendeeFilter filter, AttendeeGenerator generator) {
        return database.write("regenerate attendees", c -> {
            DSLContext ctx = database.dsl(c);
            Condition where = filters.condition(ctx, filter).and(ID.ge(1L));
            long done = 0;
            long after = 0;
            // The addresses the regenerated attendees must not take: those of everyone else, then
            // each other's. Their own old addresses are free again.
            UniqueEmails emails = new UniqueEmails();
            try (var others = ctx.select(EMAIL).from(ATTENDEES).where(ID.notIn(select(ID).from(ATTENDEES).where(where)))
                    .fetchSize(10_000).fetchLazy()) {
                others.forEach(r -> emails.take(r.value1()));
            }
            BulkStrategy.Rewrite rewrite = bulk.beginRewrite(c);
            while (true) {
                long[] ids = ctx.select(ID).from(ATTENDEES).where(where.and(ID.gt(after))).orderBy(ID)
                        .limit(REGENERATE_CHUNK).fetch(ID).stream().mapToLong(Long::longValue).toArray();
                if (ids.length == 0) {
                    rewrite.finish();
                    return done;
                }
                List<Attendee> rows = new ArrayList<>(ids.length);
                for (long id : ids) {
                    rows.add(generator.attendee(id - 1));
                }
                done += rewrite.overwrite(ids, emails.admit(rows));
                after = ids[ids.length - 1];
            }
        });
    }

    public long deleteRun(long runId) {
        return database.write("delete run " + runId, c -> {
            DSLContext ctx = database.dsl(c);
            Record run = ctx.select(RUN_FIRST_ID, RUN_LAST_ID, RUN_INSERTED).from(RUNS).where(RUN_ID.eq(runId)).fetchOne();
            if (run == null) {
                List<Long> known = ctx.select(RUN_ID).from(RUNS).orderBy(RUN_ID).fetch(RUN_ID);
                throw new ConfigurationException("there is no run " + runId + "; runs: " + (known.isEmpty() ? "none" : known));
            }
            long deleted = run.get(RUN_INSERTED) == 0 ? 0
                    : bulk.deleteBetween(c, ctx, run.get(RUN_FIRST_ID), run.get(RUN_LAST_ID));
            ctx.deleteFrom(RUNS).where(RUN_ID.eq(runId)).execute();
            return deleted;
        });
    }
}
