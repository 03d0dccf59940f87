package dev.attendees.plan;

import dev.attendees.store.SqlResult;
import java.util.Objects;

/**
 * A plan's answer from a store: the SQL it was compiled to (the very text that ran) and its rows.
 *
 * @param sql the SQL that ran
 * @param result the rows
 */
public record PlanResult(String sql, SqlResult result) {
    public PlanResult {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(result, "result");
    }
}
