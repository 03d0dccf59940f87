package dev.attendees.sql.internal;

import static dev.attendees.sql.internal.Tables.*;
import static org.jooq.impl.DSL.noCondition;

import dev.attendees.store.QueryHistoryEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * The query history and its favourites ({@code query_history}): the questions asked, the SQL
 * that answered them, newest first, and the ones starred.
 */
public final class QueryLog {

    private final Database database;

    public QueryLog(Database database) {
        this.database = database;
    }

    /** Records a question, the SQL that answered it, the engine that wrote that SQL and how many rows it gave. */
    public QueryHistoryEntry record(String question, String sql, String engine, long rowCount) {
        QueryHistoryEntry draft = new QueryHistoryEntry(0, question, sql, engine,
                Instant.now().truncatedTo(ChronoUnit.SECONDS), rowCount, false);
        Long id = database.write("record a query", c -> database.dsl(c)
                .insertInto(HISTORY, HISTORY_QUESTION, HISTORY_SQL, HISTORY_ENGINE, HISTORY_ASKED_AT, HISTORY_ROW_COUNT,
                        HISTORY_STARRED)
                .values(Arrays.asList(DSL.val(draft.question()), DSL.val(draft.sql()), DSL.val(draft.engine()),
                        database.dialect().sql().timestampParam(Timestamps.utc(draft.askedAt())), DSL.val(rowCount), DSL.val(Boolean.FALSE)))
                .returningResult(HISTORY_ID)
                .fetchOne(HISTORY_ID));
        return new QueryHistoryEntry(id, question, sql, engine, draft.askedAt(), rowCount, false);
    }

    /** Up to {@code limit} entries, newest first. */
    public List<QueryHistoryEntry> history(int limit) {
        return entries(limit, false);
    }

    /** The starred entries, newest first. */
    public List<QueryHistoryEntry> favourites() {
        return entries(Integer.MAX_VALUE, true);
    }

    private List<QueryHistoryEntry> entries(int limit, boolean starredOnly) {
        Limits.check(limit);
        return database.read("read the query history", c -> database.dsl(c).select(HISTORY_ID, HISTORY_QUESTION, HISTORY_SQL,
                        HISTORY_ENGINE, HISTORY_ASKED_AT, HISTORY_ROW_COUNT, HISTORY_STARRED).from(HISTORY)
                .where(starredOnly ? HISTORY_STARRED.isTrue() : noCondition())
                .orderBy(HISTORY_ID.desc()).limit(limit)
                .fetch(r -> new QueryHistoryEntry(r.get(HISTORY_ID), r.get(HISTORY_QUESTION), r.get(HISTORY_SQL),
                        r.get(HISTORY_ENGINE), Timestamps.instant(r.get(HISTORY_ASKED_AT)), r.get(HISTORY_ROW_COUNT),
                        Boolean.TRUE.equals(r.get(HISTORY_STARRED)))));
    }

    /** Stars or unstars an entry; whether it exists. */
    public boolean star(long entryId, boolean starred) {
        return database.write("star a query", c -> database.dsl(c).update(HISTORY).set(HISTORY_STARRED, starred)
                .where(HISTORY_ID.eq(entryId)).execute() > 0);
    }
}
