package dev.attendees.sql.internal.postgres;

import dev.attendees.Attendee;
import dev.attendees.sql.internal.BulkStrategy;
import dev.attendees.sql.internal.SecondaryIndexes;
import dev.attendees.sql.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How PostgreSQL does work on many attendees: statement-level triggers with transition tables keep
 * the derived tables in step set-based for every statement, so a bulk write loads its rows with
 * {@code COPY} ({@link PostgresRowInserts}) and may rebuild the indexes, an overwrite is one
 * statement a chunk, and a delete one {@code DELETE}.
 */
final class PostgresBulkStrategy implements BulkStrategy {

    /** The secondary indexes, which a bulk write into an empty table builds afresh. */
    private static final SecondaryIndexes INDEXES = new SecondaryIndexes("migrations/postgresql/indexes.sql");

    /** The sort memory of those index builds (the server's default is 64MB). */
    static final String BUILD_MEMORY = "256MB";

    /** Overwrites a chunk of attendees in one statement, its values bound as one array a column. */
    private static final String OVERWRITE = "UPDATE attendees a SET name = v.name, email = v.email, company = v.company,"
            + " event_name = v.event_name, attendance_time = v.attendance_time::timestamp, job_title = v.job_title,"
            + " industry = v.industry, company_size = v.company_size, product_interests = v.product_interests,"
            + " booth_visited = v.booth_visited, image_path = v.image_path, created_at = v.created_at::timestamp"
            + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],"
            + " ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS v (id, name, email, company, event_name,"
            + " attendance_time, job_title, industry, company_size, product_interests, booth_visited, image_path,"
            + " created_at) WHERE a.id = v.id";

    /**
     * Overwrites each chunk in one {@code UPDATE ... FROM unnest(...)}: the statement-level
     * triggers then renew the chunk's derived rows set-based once, where a statement a row fired
     * them for every attendee (measured in docs/sql-design.md).
     */
    @Override
    public Rewrite beginRewrite(Connection connection) {
        return (ids, rows) -> {
            int n = ids.length;
            Long[] id = new Long[n];
            String[][] text = new String[12][n];
            for (int i = 0; i < n; i++) {
                Attendee a = rows.get(i);
                id[i] = ids[i];
                text[0][i] = a.name();
                text[1][i] = a.email();
                text[2][i] = a.company();
                text[3][i] = a.eventName();
                text[4][i] = Timestamps.contractText(a.attendanceTime());
                text[5][i] = a.jobTitle();
                text[6][i] = a.industry() == null ? null : a.industry().label();
                text[7][i] = a.companySize() == null ? null : a.companySize().label();
                text[8][i] = a.productInterestsText();
                text[9][i] = a.boothVisitedText();
                text[10][i] = a.imagePath();
                text[11][i] = Timestamps.contractText(a.createdAt());
            }
            try (PreparedStatement ps = connection.prepareStatement(OVERWRITE)) {
                ps.setArray(1, connection.createArrayOf("bigint", id));
                for (int c = 0; c < text.length; c++) {
                    ps.setArray(c + 2, connection.createArrayOf("text", text[c]));
                }
                return ps.executeUpdate();
            }
        };
    }

    /**
     * Starts a bulk write. Statement-level triggers fill the derived tables as rows arrive. A write
     * into an empty {@code attendees} table that passes {@value SecondaryIndexes#DROP_AFTER} rows
     * drops the secondary indexes (of the derived tables too, and the full-text GIN index) and
     * {@link Bulk#finish} builds them again from the loaded tables, with more sort memory: several
     * times faster than keeping them up to date row by row. Dropping takes the table's exclusive
     * lock, so readers then wait for the commit; with an empty table they have nothing to miss, and
     * a write into a table that has rows keeps its indexes and never blocks them.
     */
    @Override
    public Bulk begin(Connection connection, long existing, boolean keepEmailIndex) throws SQLException {
        lockForWrite(connection);
        boolean empty = existing == 0;
        return new Bulk() {
            private boolean indexesDropped;

            @Override
            public void written(long rows) throws SQLException {
                if (empty && !indexesDropped && rows > SecondaryIndexes.DROP_AFTER) {
                    INDEXES.drop(connection, keepEmailIndex);
                    indexesDropped = true;
                }
            }

            @Override
            public void finish(long first, long last) throws SQLException {
                try (Statement s = connection.createStatement()) {
                    if (indexesDropped) {
                        s.execute("SET LOCAL maintenance_work_mem = '" + BUILD_MEMORY + "'");
                        INDEXES.build(connection);
                    }
                    s.execute("ANALYZE attendees, attendee_interests, booth_visits");
                }
            }

            @Override
            public void beforeReplace(long id, boolean addedHere) {}

            @Override
            public void afterReplace(long id, boolean addedHere) {}
        };
    }

    /** One writer at a time (ids follow the largest one); readers pass this lock. Taken again, it is a no-op. */
    @Override
    public void lockForWrite(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("LOCK TABLE attendees IN SHARE ROW EXCLUSIVE MODE");
        }
    }
}
