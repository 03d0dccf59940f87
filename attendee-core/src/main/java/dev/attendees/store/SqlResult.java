package dev.attendees.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The answer of a read-only SQL query ({@link dev.attendees.spi.AttendeeStore#readOnlySql}).
 * Values are plain Java values: {@code Long} for whole numbers, {@code Double} for other numbers,
 * {@code String} for text and for timestamps (in the contract's {@code YYYY-MM-DD HH:MM:SS}),
 * {@code Boolean}, or {@code null}.
 *
 * <pre>{@code
 * SqlResult r = store.readOnlySql("SELECT industry, count(*) AS n FROM attendees GROUP BY industry", 100,
 *         Duration.ofSeconds(5));
 * r.columns();        // [industry, n]
 * r.rows().get(0);    // [Technology, 412]
 * }</pre>
 *
 * @param columns the column labels, in order
 * @param rows the rows, each a list of values in column order
 * @param truncated whether more rows were there than the row limit allowed
 * @param elapsed how long the query took
 */
public record SqlResult(List<String> columns, List<List<Object>> rows, boolean truncated, Duration elapsed) {

    public SqlResult {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }
}
