package dev.attendees.sql.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * The store's tables for jOOQ, written by hand rather than generated: the schema is small, two
 * dialects share these definitions, and code generation would need a live database at build time.
 * Timestamp columns are untyped ({@code Object}) because SQLite stores them as text in the
 * contract's format while PostgreSQL has a {@code TIMESTAMP} type; {@link SqlExpressions} and {@link Timestamps} convert values
 * in both directions.
 */
public final class Tables {
    private Tables() {}

    public static final Table<?> ATTENDEES = table(name("attendees"));
    public static final Field<Long> ID = field(name("attendees", "id"), SQLDataType.BIGINT);
    public static final Field<String> NAME = field(name("attendees", "name"), SQLDataType.VARCHAR);
    public static final Field<String> EMAIL = field(name("attendees", "email"), SQLDataType.VARCHAR);
    public static final Field<String> COMPANY = field(name("attendees", "company"), SQLDataType.VARCHAR);
    public static final Field<String> EVENT_NAME = field(name("attendees", "event_name"), SQLDataType.VARCHAR);
    public static final Field<Object> ATTENDANCE_TIME = field(name("attendees", "attendance_time"));
    public static final Field<String> JOB_TITLE = field(name("attendees", "job_title"), SQLDataType.VARCHAR);
    public static final Field<String> INDUSTRY = field(name("attendees", "industry"), SQLDataType.VARCHAR);
    public static final Field<String> COMPANY_SIZE = field(name("attendees", "company_size"), SQLDataType.VARCHAR);
    public static final Field<String> PRODUCT_INTERESTS = field(name("attendees", "product_interests"), SQLDataType.VARCHAR);
    public static final Field<String> BOOTH_VISITED = field(name("attendees", "booth_visited"), SQLDataType.VARCHAR);
    public static final Field<String> IMAGE_PATH = field(name("attendees", "image_path"), SQLDataType.VARCHAR);
    public static final Field<Object> CREATED_AT = field(name("attendees", "created_at"));

    /** The contract's columns in the contract's order. */
    public static final List<Field<?>> ATTENDEE_COLUMNS = List.of(ID, NAME, EMAIL, COMPANY, EVENT_NAME, ATTENDANCE_TIME,
            JOB_TITLE, INDUSTRY, COMPANY_SIZE, PRODUCT_INTERESTS, BOOTH_VISITED, IMAGE_PATH, CREATED_AT);

    public static final Table<?> INTERESTS = table(name("attendee_interests"));
    public static final Field<Long> INTEREST_ATTENDEE = field(name("attendee_interests", "attendee_id"), SQLDataType.BIGINT);
    public static final Field<String> INTEREST = field(name("attendee_interests", "interest"), SQLDataType.VARCHAR);

    public static final Table<?> BOOTHS = table(name("booth_visits"));
    public static final Field<Long> BOOTH_ATTENDEE = field(name("booth_visits", "attendee_id"), SQLDataType.BIGINT);
    public static final Field<String> BOOTH = field(name("booth_visits", "booth"), SQLDataType.VARCHAR);

    public static final Table<?> RUNS = table(name("generation_runs"));
    public static final Field<Long> RUN_ID = field(name("generation_runs", "id"), SQLDataType.BIGINT);
    public static final Field<String> RUN_KIND = field(name("generation_runs", "kind"), SQLDataType.VARCHAR);
    public static final Field<String> RUN_DESCRIPTION = field(name("generation_runs", "description"), SQLDataType.VARCHAR);
    public static final Field<Long> RUN_SEED = field(name("generation_runs", "seed"), SQLDataType.BIGINT);
    public static final Field<Integer> RUN_DATA_VERSION = field(name("generation_runs", "data_version"), SQLDataType.INTEGER);
    public static final Field<String> RUN_EVENT_NAME = field(name("generation_runs", "event_name"), SQLDataType.VARCHAR);
    public static final Field<String> RUN_EVENT_TYPE = field(name("generation_runs", "event_type"), SQLDataType.VARCHAR);
    public static final Field<String> RUN_OPTIONS = field(name("generation_runs", "options"), SQLDataType.VARCHAR);
    public static final Field<Long> RUN_FIRST_ID = field(name("generation_runs", "first_id"), SQLDataType.BIGINT);
    public static final Field<Long> RUN_LAST_ID = field(name("generation_runs", "last_id"), SQLDataType.BIGINT);
    public static final Field<Long> RUN_INSERTED = field(name("generation_runs", "inserted"), SQLDataType.BIGINT);
    public static final Field<Long> RUN_SKIPPED = field(name("generation_runs", "skipped"), SQLDataType.BIGINT);
    public static final Field<Long> RUN_REPLACED = field(name("generation_runs", "replaced"), SQLDataType.BIGINT);
    public static final Field<Long> RUN_RENAMED = field(name("generation_runs", "renamed"), SQLDataType.BIGINT);
    public static final Field<Object> RUN_STARTED_AT = field(name("generation_runs", "started_at"));
    public static final Field<Object> RUN_FINISHED_AT = field(name("generation_runs", "finished_at"));

    public static final Table<?> HISTORY = table(name("query_history"));
    public static final Field<Long> HISTORY_ID = field(name("query_history", "id"), SQLDataType.BIGINT);
    public static final Field<String> HISTORY_QUESTION = field(name("query_history", "question"), SQLDataType.VARCHAR);
    public static final Field<String> HISTORY_SQL = field(name("query_history", "sql"), SQLDataType.VARCHAR);
    public static final Field<String> HISTORY_ENGINE = field(name("query_history", "engine"), SQLDataType.VARCHAR);
    public static final Field<Object> HISTORY_ASKED_AT = field(name("query_history", "asked_at"));
    public static final Field<Long> HISTORY_ROW_COUNT = field(name("query_history", "row_count"), SQLDataType.BIGINT);
    public static final Field<Boolean> HISTORY_STARRED = field(name("query_history", "starred"), SQLDataType.BOOLEAN);

    /** The tables that read-only SQL may use, in this order. */
    public static final List<String> PUBLIC_TABLES =
            List.of("attendees", "attendee_interests", "booth_visits", "generation_runs", "query_history");
}
