package dev.attendees.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A question asked of the data, kept in the store's {@code query_history} table: the natural-language
 * query engine and the web app record what was asked, and users star their favourites.
 *
 * <pre>{@code
 * QueryHistoryEntry e = store.recordQuery("How many people are interested in Docker?",
 *         "SELECT count(*) FROM attendee_interests WHERE interest = 'Docker'", "rules", 1);
 * store.star(e.id(), true);
 * store.favourites();   // [e with starred = true]
 * }</pre>
 *
 * @param id the entry's id
 * @param question the question as asked
 * @param sql the SQL that answered it
 * @param engine which translator answered ({@code rules}, {@code openai} ...)
 * @param askedAt when
 * @param rowCount how many rows the answer had
 * @param starred whether it is a favourite
 */
public record QueryHistoryEntry(long id, String question, String sql, String engine, Instant askedAt, long rowCount,
        boolean starred) {

    public QueryHistoryEntry {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(askedAt, "askedAt");
    }
}
