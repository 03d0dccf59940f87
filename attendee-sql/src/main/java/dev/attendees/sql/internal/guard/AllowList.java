package dev.attendees.sql.internal.guard;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a guarded statement may name, for one database: tables, functions, table functions, cast
 * types and collations. Everything else is refused. Names are compared in lower case, as the
 * databases read unquoted names.
 *
 * <p>The functions are those an analytical question needs: aggregates, window functions, and text,
 * number, date and time functions that compute a value from their arguments. Left out on purpose:
 * anything that reads or writes files, the server or the session ({@code load_extension},
 * {@code pg_read_file}, {@code lo_import}, {@code dblink}, {@code set_config},
 * {@code current_setting}, {@code pg_sleep}, every {@code pg_*} and {@code sqlite_*} function),
 * anything that runs SQL given as text ({@code query_to_xml}), full-text helpers
 * ({@code fts3_tokenizer}, {@code highlight}, {@code snippet}), sequences ({@code nextval}) and
 * functions that build very large values from small ones ({@code repeat}, {@code zeroblob},
 * {@code randomblob}, {@code lpad}, {@code rpad}, {@code printf}, {@code format}).
 */
final class AllowList {

    /** The contract table and the tables derived from it; never the history, runs or migrations. */
    static final List<String> TABLES = List.of("attendees", "attendee_interests", "booth_visits");

    private static final Set<String> COMMON_FUNCTIONS = Set.of(
            // aggregates
            "count", "sum", "avg", "min", "max", "string_agg",
            // window functions
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
            "last_value", "nth_value",
            // text
            "lower", "upper", "length", "substr", "substring", "trim", "ltrim", "rtrim", "replace", "concat", "concat_ws",
            // numbers
            "abs", "round", "ceil", "ceiling", "floor", "trunc", "sign", "mod", "power", "pow", "sqrt", "exp", "ln",
            "log", "log10", "log2", "pi", "random",
            // choices and nulls
            "coalesce", "nullif",
            // dates
            "date");

    private static final Set<String> SQLITE_FUNCTIONS = Set.of(
            "group_concat", "total", "instr", "unicode", "char", "ifnull", "iif", "typeof", "strftime", "time",
            "datetime", "julianday", "unixepoch", "json_extract", "json_array_length");

    private static final Set<String> POSTGRES_FUNCTIONS = Set.of(
            "array_agg", "bool_and", "bool_or", "every", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop",
            "var_samp", "percentile_cont", "percentile_disc", "mode", "char_length", "character_length", "position",
            "strpos", "split_part", "left", "right", "reverse", "initcap", "btrim", "regexp_replace", "regexp_match",
            "string_to_array", "array_to_string", "array_length", "cardinality", "unnest", "greatest", "least", "div",
            "width_bucket", "date_trunc", "date_part", "to_char", "to_date", "to_timestamp", "age", "now", "make_date",
            "make_timestamp");

    private static final Set<String> SQLITE_TABLE_FUNCTIONS = Set.of("json_each", "json_tree");

    private static final Set<String> POSTGRES_TABLE_FUNCTIONS = Set.of("unnest", "generate_series", "regexp_split_to_table");

    private static final Set<String> TYPES = Set.of("integer", "int", "int2", "int4", "int8", "bigint", "smallint",
            "real", "float", "float4", "float8", "double", "double precision", "numeric", "decimal", "text", "varchar",
            "char", "character", "character varying", "date", "time", "timestamp", "timestamp without time zone",
            "time without time zone", "interval", "boolean", "bool");

    private static final Set<String> SQLITE_COLLATIONS = Set.of("binary", "nocase", "rtrim");

    private static final Set<String> POSTGRES_COLLATIONS = Set.of("c", "posix", "default", "ucs_basic");

    /** Keywords that read the time: {@code CURRENT_TIMESTAMP} and its kin. */
    static final Set<String> TIME_KEYS = Set.of("current_date", "current_time", "current_timestamp", "localtime",
            "localtimestamp");

    /**
     * Unquoted names that PostgreSQL reads as functions of the session rather than as columns
     * ({@code SELECT current_user}).
     */
    static final Set<String> SESSION_NAMES = Set.of("user", "current_user", "session_user", "current_role",
            "system_user", "current_schema", "current_catalog");

    static final AllowList SQLITE = new AllowList(false);
    static final AllowList POSTGRESQL = new AllowList(true);

    final boolean postgres;
    private final Set<String> functions = new HashSet<>(COMMON_FUNCTIONS);
    private final Set<String> tableFunctions;
    private final Set<String> collations;

    private AllowList(boolean postgres) {
        this.postgres = postgres;
        functions.addAll(postgres ? POSTGRES_FUNCTIONS : SQLITE_FUNCTIONS);
        this.tableFunctions = postgres ? POSTGRES_TABLE_FUNCTIONS : SQLITE_TABLE_FUNCTIONS;
        this.collations = postgres ? POSTGRES_COLLATIONS : SQLITE_COLLATIONS;
    }

    boolean table(String name) {
        return TABLES.contains(name);
    }

    boolean function(String name) {
        return functions.contains(name);
    }

    boolean tableFunction(String name) {
        return tableFunctions.contains(name);
    }

    boolean type(String name) {
        return TYPES.contains(name);
    }

    boolean collation(String name) {
        return collations.contains(name);
    }

    String database() {
        return postgres ? "PostgreSQL" : "SQLite";
    }
}
