package dev.attendees.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attendees.ConfigurationException;
import dev.attendees.sql.internal.ReadOnlyStatement.Syntax;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each database's quoting, read the way its own lexer reads it. */
class ReadOnlyStatementTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        SQLITE     | SELECT 1 AS [;]                              | SELECT 1 AS [;]
        SQLITE     | SELECT 1 AS `a;b`;                          | SELECT 1 AS `a;b`
        SQLITE     | SELECT 'it''s; fine' -- and; a comment      | SELECT 'it''s; fine' -- and; a comment
        SQLITE     | /* a; */ SELECT 1 ;  -- after                | /* a; */ SELECT 1
        POSTGRESQL | SELECT E'it\\'s; fine'                      | SELECT E'it\\'s; fine'
        POSTGRESQL | SELECT $body$ a; b $body$;                  | SELECT $body$ a; b $body$
        POSTGRESQL | SELECT $$;$$                                | SELECT $$;$$
        POSTGRESQL | SELECT 1 AS a$x$                            | SELECT 1 AS a$x$
        POSTGRESQL | SELECT 1 /* outer /* inner; */ still; */    | SELECT 1 /* outer /* inner; */ still; */
        POSTGRESQL | WITH t AS (SELECT 1) SELECT * FROM t;      | WITH t AS (SELECT 1) SELECT * FROM t
        """)
    void should_accept_one_statement_whatever_its_quotes_hold(Syntax syntax, String sql, String expected) {
        assertThat(ReadOnlyStatement.check(sql, syntax)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
        SQLITE     | SELECT 1 AS [']; DELETE FROM attendees; SELECT 1 AS [']        | one statement
        SQLITE     | SELECT $a$; DELETE FROM attendees; SELECT $a$                  | one statement
        SQLITE     | SELECT 1 /* /* */ ; DELETE FROM attendees /* */ */             | one statement
        POSTGRESQL | SELECT 1 AS a$x$; COMMIT; DELETE FROM attendees; SELECT 1 AS b$x$ | one statement
        POSTGRESQL | SELECT E'\\''; COMMIT; DELETE FROM attendees; SELECT '--'       | one statement
        POSTGRESQL | SELECT 1 AS [;]                                                 | one statement
        POSTGRESQL | SELECT 1 /* /* */ ; COMMIT; DELETE FROM attendees; /* */        | unterminated comment
        POSTGRESQL | SELECT pg_advisory_lock(1)                                      | must not call pg_advisory_lock
        POSTGRESQL | SELECT "PG_SLEEP"(1), 2                                         | must not call pg_sleep
        POSTGRESQL | SELECT "pg_sleep"(1)                                            | must not call pg_sleep
        POSTGRESQL | SELECT pg_catalog.set_config('a.b', 'c', false)                 | must not call set_config
        POSTGRESQL | SELECT * FROM dblink('x', 'DELETE FROM attendees')              | must not call dblink
        POSTGRESQL | SELECT 1 AS €$$, pg_sleep(30) AS x$$                            | must not call pg_sleep
        POSTGRESQL | SELECT U&"pg\\005fsleep"(30)                                    | U&
        POSTGRESQL | SELECT query_to_xml('select 1', true, false, '')                | must not call query_to_xml
        SQLITE     | (SELECT 1)                                                      | must be a SELECT
        SQLITE     | 'SELECT' ; SELECT 1                                             | one statement
        """)
    void should_refuse_what_hides_a_second_statement_or_acts_outside_the_transaction(Syntax syntax, String sql,
            String message) {
        assertThatThrownBy(() -> ReadOnlyStatement.check(sql, syntax)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void should_end_a_postgresql_line_comment_at_a_carriage_return_as_its_lexer_does() {
        assertThatThrownBy(() -> ReadOnlyStatement.check("SELECT 1 --\r, pg_sleep(30)", Syntax.POSTGRESQL))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("must not call pg_sleep");
        assertThatThrownBy(() -> ReadOnlyStatement.check("SELECT 1 --\r; DELETE FROM attendees", Syntax.POSTGRESQL))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("one statement");
        assertThat(ReadOnlyStatement.check("SELECT 1 --\r; DELETE FROM attendees", Syntax.SQLITE))
                .isEqualTo("SELECT 1 --\r; DELETE FROM attendees");
    }
}
